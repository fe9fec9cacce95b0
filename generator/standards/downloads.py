"""The machine-readable catalogue of standards (`catalog.json` at the site's root,
its JSON Schema `catalog.schema.json` beside it): every standard, edition and
draft with stage, status, dates, replacements, amendment sheets, errata and the
addresses of their pages and PDFs, for other systems to read.

The same data on the same day gives the same bytes: nothing in it depends on the
moment of the build, keys and lists are in a fixed order. Addresses are relative
to the site's root (directory URLs, as the pages are served)."""

from __future__ import annotations

import datetime as dt
import functools
import json

from pydantic import BaseModel, ConfigDict, Field

from generator import layout
from generator.core.workbook import CsvCell, csv_text, printable, workbook, write_cell
from generator.standards.catalog import Catalog, DraftInfo, EditionInfo
from generator.standards.lifecycle import citation
from generator.standards.model import StandardDraft, walk_clauses

CATALOG_VERSION = 1


class _Record(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class AmendmentRecord(_Record):
    """An amendment sheet (修改单) of an edition."""

    number: int = Field(description="修改单序号（第N号修改单）。")
    issued: dt.date = Field(description="发布日期。")
    effective: dt.date = Field(description="实施日期。")
    document: str | None = Field(description="批准文号。")
    clauses: list[str] = Field(description="修改、增加或删除的条款 id。")
    url: str = Field(description="修改单页面的地址（相对于网站根目录）。")


class ErratumRecord(_Record):
    """An erratum (勘误) of an edition."""

    date: dt.date = Field(description="勘误日期。")
    clause: str | None = Field(description="勘误所在的条款 id。")
    text: str = Field(description="勘误内容。")


class EditionRecord(_Record):
    """An issued edition (发布稿)."""

    edition: str = Field(description="版本。")
    code: str = Field(description="标准编号。")
    title: str = Field(description="标准名称。")
    stage: str = Field(description="阶段：发布稿。")
    status: str = Field(description="状态：现行、即将实施、被代替或废止（按 as_of 当天计算）。")
    issued: dt.date = Field(description="发布日期。")
    effective: dt.date = Field(description="实施日期。")
    repealed: dt.date | None = Field(description="废止日期。")
    issuer: str = Field(description="发布机构。")
    document: str | None = Field(description="批准文号。")
    replaces: list[str] = Field(description="代替的版本，<标准id>/<版本>。")
    replaced_by: list[str] = Field(description="代替本版本的版本，<标准id>/<版本>。")
    citation: str = Field(description="按 GB/T 7714 的引用格式。")
    amendments: list[AmendmentRecord] = Field(description="修改单。")
    errata: list[ErratumRecord] = Field(description="勘误。")
    url: str = Field(description="本版本页面的地址（相对于网站根目录）。")
    pdf: str | None = Field(description="本版本 PDF 的地址（未生成 PDF 时为 null）。")


class DraftRecord(_Record):
    """A draft for comment (征求意见稿)."""

    edition: str = Field(description="将成为的版本。")
    code: str = Field(description="征求意见稿上的编号。")
    title: str = Field(description="标准名称。")
    stage: str = Field(description="阶段：征求意见稿。")
    status: str = Field(description="征求意见期的状态（按 as_of 当天计算）。")
    comment_start: dt.date = Field(description="征求意见开始日期。")
    comment_end: dt.date = Field(description="征求意见截止日期（含当天）。")
    issued_as: str | None = Field(description="正式发布后的版本，<标准id>/<版本>；未发布为 null。")
    comments: int = Field(description="意见汇总处理表中的意见条数。")
    url: str = Field(description="征求意见稿页面的地址（相对于网站根目录）。")


class StandardRecord(_Record):
    """A standard: its editions and drafts, oldest first."""

    id: str = Field(description="标准的固定标识（网址中的名称）。")
    code: str = Field(description="现行（或即将实施）版本的编号。")
    title: str = Field(description="现行（或即将实施）版本的名称。")
    status: str = Field(description="网站主页面所示版本的状态。")
    url: str | None = Field(description="标准页面的地址；只有征求意见稿时为 null。")
    editions: list[EditionRecord] = Field(description="各版本，最早的在前。")
    drafts: list[DraftRecord] = Field(description="征求意见稿，最早的在前。")


class CatalogRecord(_Record):
    """`catalog.json`: the catalogue of the handbook's standards."""

    version: int = Field(description="本格式的版本号；不兼容的改动会增加它。")
    as_of: dt.date = Field(description="状态的计算日期。")
    standards: list[StandardRecord] = Field(description="每项标准一项，按编号排列。")


def _url(path: str) -> str:
    folder = layout.page_url(path)
    return "" if folder == "." else folder + "/"


def _edition(info: EditionInfo, pdfs: set[str]) -> EditionRecord:
    m = info.model
    pdf = layout.standard_pdf(m.id, m.edition)
    return EditionRecord(
        edition=m.edition,
        code=m.code,
        title=m.title,
        stage="发布稿",
        status=str(info.status),
        issued=m.issued,
        effective=m.effective,
        repealed=m.repealed,
        issuer=m.issuer,
        document=m.document,
        replaces=list(info.replaces),
        replaced_by=list(info.replaced_by),
        citation=citation(m.code, m.title),
        amendments=[
            AmendmentRecord(
                number=a.number,
                issued=a.issued,
                effective=a.effective,
                document=a.document,
                clauses=[i.clause for i in a.items],
                url=_url(layout.amendment_path(m.id, m.edition, a.number)),
            )
            for a in m.amendments
        ],
        errata=[ErratumRecord(date=x.date, clause=x.clause, text=x.text) for x in m.errata],
        url=_url(layout.standard_path(m.id, m.edition)),
        pdf=pdf if pdf in pdfs else None,
    )


def _draft(d: DraftInfo) -> DraftRecord:
    m = d.model
    return DraftRecord(
        edition=m.edition,
        code=m.code,
        title=m.title,
        stage=m.stage,
        status=str(d.status),
        comment_start=m.consultation.start,
        comment_end=d.end,
        issued_as=d.issued.ref if d.issued else None,
        comments=len(m.handling),
        url=_url(layout.draft_path(m.id, m.edition)),
    )


def catalog_record(catalog: Catalog, pdfs: set[str]) -> CatalogRecord:
    """The catalogue as a record; `pdfs`: the PDF files the site has."""
    standards = []
    ids = sorted(
        {s.id for s in catalog.standards} | {d.model.id for d in catalog.drafts},
        key=lambda i: (catalog.by_id[i].current.model.code if i in catalog.by_id else "", i),
    )
    for sid in ids:
        drafts = [_draft(d) for d in catalog.drafts_of(sid)]
        if sid in catalog.by_id:
            s = catalog.by_id[sid]
            m = s.current.model
            standards.append(
                StandardRecord(
                    id=sid,
                    code=m.code,
                    title=m.title,
                    status=str(s.status),
                    url=_url(layout.standard_path(sid)),
                    editions=[_edition(i, pdfs) for i in s.editions],
                    drafts=drafts,
                )
            )
        else:
            first = catalog.drafts_of(sid)[-1].model
            standards.append(
                StandardRecord(
                    id=sid,
                    code=first.code,
                    title=first.title,
                    status=first.stage,
                    url=None,
                    editions=[],
                    drafts=drafts,
                )
            )
    return CatalogRecord(version=CATALOG_VERSION, as_of=catalog.as_of, standards=standards)


def catalog_json(catalog: Catalog, pdfs: set[str]) -> str:
    """`catalog.json`: the catalogue, indented, keys in the models' order."""
    data = catalog_record(catalog, pdfs).model_dump(mode="json")
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


@functools.cache
def catalog_schema() -> str:
    """`catalog.schema.json`: the JSON Schema of `catalog.json`, with Chinese descriptions
    (fixed by the code: made once per process)."""
    schema = CatalogRecord.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "标准目录（catalog.json）"
    return json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


# The columns of the 意见汇总处理表, as the page, the downloads and `handbook sheet` name them.
HANDLING_COLUMNS = ("序号", "提出单位或个人", "条款", "意见内容", "处理意见", "理由")
HANDLING_FILES = ("handling.xlsx", "handling.csv")


def handling_rows(draft: StandardDraft) -> list[list[CsvCell]]:
    """The 意见汇总处理表 as rows of values (the clause by its number; 总体 without one)."""
    numbers = {c.id: c.number for c, _ in walk_clauses(draft)}
    return [
        [
            i,
            h.source,
            numbers.get(h.clause, h.clause) if h.clause else "总体",
            h.comment,
            h.decision,
            h.reason,
        ]
        for i, h in enumerate(draft.handling, start=1)
    ]


def handling_xlsx(draft: StandardDraft, day: dt.date) -> bytes:
    """The 意见汇总处理表 as a workbook dated `day` (the period's last day)."""
    title = f"{draft.code} {draft.title}（征求意见稿）意见汇总处理表"
    with workbook(day, title) as (book, f, out):
        sheet = book.add_worksheet("意见汇总处理表")
        sheet.write_row(0, 0, list(HANDLING_COLUMNS), f.header)
        for col, width in enumerate((6, 20, 8, 40, 10, 40)):
            sheet.set_column(col, col, width)
        rows = handling_rows(draft)
        for row, values in enumerate(rows, start=1):
            for col, value in enumerate(values):
                write_cell(sheet, row, col, value, f)
        sheet.freeze_panes(1, 0)
        printable(sheet)
        sheet.autofilter(0, 0, max(len(rows), 1), len(HANDLING_COLUMNS) - 1)
    return out.getvalue()


def handling_csv(draft: StandardDraft) -> str:
    """The 意见汇总处理表 as CSV that spreadsheets open safely (`core.workbook.csv_text`:
    RFC 4180, formula-like text neutralised, a BOM for the Chinese)."""
    return csv_text([HANDLING_COLUMNS, *handling_rows(draft)])
