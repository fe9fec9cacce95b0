"""The downloads beside a composite's page: CSV, JSON and XLSX (the same bytes
for the same data)."""

from __future__ import annotations

import json
from collections.abc import Callable

from generator.composites.score import CompositeResult
from generator.core.workbook import CsvCell, csv_text, workbook, write_text, write_texts


def composite_csv(c: CompositeResult) -> str:
    """Ranks, totals and each component's score and contribution, as CSV."""
    parts = [p.name for p in c.model.components]
    rows: list[list[CsvCell]] = [
        [
            "rank",
            "unit_id",
            "unit",
            "total",
            "grade",
            *(f"{n} 得分" for n in parts),
            *(f"{n} 贡献" for n in parts),
        ]
    ]
    for u in c.units:
        rows.append(
            [
                u.rank or "",
                u.unit.id,
                u.unit.name,
                u.total,
                u.grade or "",
                *(p.score for p in u.parts),
                *(p.contribution for p in u.parts),
            ]
        )
    return csv_text(rows, figure=lambda v: f"{v:.2f}")


def composite_json(c: CompositeResult) -> str:
    """The composite's rule, components and results, as JSON."""
    m = c.model
    data = {
        "composite": m.id,
        "title": m.title,
        "method": m.method,
        "period": {"start": str(m.period.start), "end": str(m.period.end)},
        "missing": m.missing,
        "components": [
            {
                "name": part.name,
                "weight": part.weight,
                "rounds": [r.id for r in rounds],
            }
            for part, rounds in zip(m.components, c.rounds, strict=True)
        ],
        "units": [
            {
                "rank": u.rank,
                "unit": u.unit.id,
                "name": u.unit.name,
                "total": None if u.total is None else round(u.total, 4),
                "grade": u.grade,
                "delta_total": None if u.delta_total is None else round(u.delta_total, 4),
                "delta_rank": u.delta_rank,
                "parts": [
                    {
                        "score": None if p.score is None else round(p.score, 4),
                        "contribution": None
                        if p.contribution is None
                        else round(p.contribution, 4),
                        "rounds": p.rounds,
                    }
                    for p in u.parts
                ],
            }
            for u in c.units
        ],
    }
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n"


def composite_xlsx(c: CompositeResult) -> bytes:
    """The same as a workbook for people."""
    m = c.model
    with workbook(m.published, m.title) as (book, f, out):
        sheet = book.add_worksheet("综合考评")
        parts = [p.name for p in m.components]
        headers = ["名次", "单位编号", "单位名称", "综合得分", "等级"]
        headers += [f"{n}得分" for n in parts] + [
            f"{n}贡献（{p.weight:g}%）" for n, p in zip(parts, m.components, strict=True)
        ]
        write_texts(sheet, 0, 0, headers, f, f.header)
        sheet.set_row(0, 48)
        sheet.set_column(0, 0, 6)
        sheet.set_column(1, 1, 14)
        sheet.set_column(2, 2, 20)
        sheet.set_column(3, len(headers) - 1, 12)
        numbers = book.add_format({"font_name": "宋体", "num_format": "0.00"})
        for row, u in enumerate(c.units, start=1):
            if u.rank is not None:
                sheet.write_number(row, 0, u.rank, f.number)
            write_text(sheet, row, 1, u.unit.id, f, f.ids)
            write_text(sheet, row, 2, u.unit.name, f)
            if u.total is not None:
                sheet.write_number(row, 3, round(u.total, 2), numbers)
            write_text(sheet, row, 4, u.grade or "", f)
            values = [p.score for p in u.parts] + [p.contribution for p in u.parts]
            for col, value in enumerate(values, start=5):
                if value is not None:
                    sheet.write_number(row, col, round(value, 2), numbers)
        sheet.freeze_panes(1, 3)
        sheet.autofilter(0, 0, max(len(c.units), 1), len(headers) - 1)
    return out.getvalue()


# File name beside the composite's page → how it is made.
DOWNLOADS: dict[str, Callable[[CompositeResult], str | bytes]] = {
    "composite.csv": composite_csv,
    "composite.json": composite_json,
    "composite.xlsx": composite_xlsx,
}
