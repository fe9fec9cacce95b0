"""The downloads beside a round's page: its scores as CSV and as JSON."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable

from generator.results.scoring import RoundResult


def scores_csv(result: RoundResult) -> str:
    """A round's scores as CSV, for spreadsheet programs."""
    criteria = [c.id for c in result.rubric.criteria]
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["rank", "unit_id", "unit", "total", "grade", "passed", *criteria])
    for u in result.units:
        cells = [
            ("?" if u.scores[c].points is None else f"{u.scores[c].points:g}")
            if c in u.scores
            else ""
            for c in criteria
        ]
        writer.writerow(
            [
                u.rank,
                u.unit.id,
                u.unit.name,
                f"{u.total:g}",
                u.grade or "",
                "yes" if u.passed else "no",
                *cells,
            ]
        )
    return "\ufeff" + out.getvalue()  # a BOM so that spreadsheet programs read the Chinese right


def scores_json(result: RoundResult) -> str:
    """A round's scores and figures as JSON, for other systems."""
    m = result.loaded.model
    data = {
        "round": m.id,
        "series": m.series,
        "title": m.title,
        "rubric": m.rubric,
        "period": {"kind": m.period.kind, "start": str(m.period.start), "end": str(m.period.end)},
        "assessed": str(m.assessed),
        "published": str(m.published),
        "assessor": m.assessor,
        "total_points": result.rubric.total,
        "pass_mark": result.rubric.pass_mark,
        "pass_rate": round(result.pass_rate, 4),
        "mean": round(result.mean, 2),
        "units": [
            {
                "rank": u.rank,
                "unit": u.unit.id,
                "name": u.unit.name,
                "total": u.total,
                "grade": u.grade,
                "passed": u.passed,
                "delta_total": u.delta_total,
                "delta_rank": u.delta_rank,
                "scores": {
                    c: {"points": s.points, "reason": s.reason, "evidence": s.evidence}
                    for c, s in u.scores.items()
                },
            }
            for u in result.units
        ],
    }
    # Compact: the C encoder is used only without indentation (seconds at 10,000 pages).
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n"


# File name beside the round's page → how it is made.
DOWNLOADS: dict[str, Callable[[RoundResult], str]] = {
    "scores.csv": scores_csv,
    "scores.json": scores_json,
}
