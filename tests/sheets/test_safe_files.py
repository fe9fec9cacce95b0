"""Every CSV and xlsx file the tool writes is safe to open: text that a spreadsheet
would compute is neutralised (headers included), numbers stay numbers, the only
formulas are the 合计 column's, CSV is RFC 4180, and an exported workbook imports
back to exactly the text that was written."""

from __future__ import annotations

import csv
import dataclasses
import io
from functools import cache
from pathlib import Path
from typing import Any

import openpyxl
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.composites.downloads import composite_csv, composite_xlsx
from generator.composites.kind import SCORED_COMPOSITES
from generator.core.workbook import FORMULA_START, neutral, restored
from generator.pipeline import Result, run
from generator.results.downloads import round_xlsx, scores_csv, table_csv, table_xlsx
from generator.results.kind import SCORED
from generator.results.load import LoadedTable, Results, load_results
from generator.results.scoring import RoundResult
from generator.sheets.commands import export
from generator.sheets.export import RoundSheet, round_workbook, table_workbook
from generator.sheets.import_ import import_book
from tests.composites.test_composites import COMPOSITE
from tests.samples import AS_OF, Handbook
from tests.samples import setup_results as setup
from tests.sheets.test_sheets import LEDGER, TABLE

C = "content/results/composites/c2025.yml"
NASTY = [
    '=HYPERLINK("http://evil.example/","点我")',
    "+1+2",
    "-2+3",
    "@SUM(A1:A9)",
    "\t=1+1",
    "'=1+1",
    "''-1",
    "'单引号开头",
    "第一行\r第二行",
    "第一行\r\n第二行",
    '逗号,和"引号"',
]


def _ledger(values: list[str]) -> str:
    """The ledger with one row for each value (its problem), and no private column."""
    rows = "".join(
        f"  - {{problem: {_q(v)}, unit: a, deadline: 2026-11-15, status: 整改中}}\n" for v in values
    )
    head = LEDGER.split("rows:\n")[0].replace(
        "  - {key: contact, label: 联系人, type: text, private: true}\n", ""
    )
    return head + "rows:\n" + rows


def _q(text: str) -> str:
    import json

    return json.dumps(text, ensure_ascii=False)


@cache
def _sample(root: str) -> tuple[Result, Results]:
    Path(root).mkdir(parents=True, exist_ok=True)
    handbook = Handbook(Path(root))
    setup(handbook)
    handbook.write(TABLE, LEDGER)
    handbook.write(C, COMPOSITE.format(missing="zero"))
    return run(handbook.root, AS_OF, render=False), load_results(handbook.root)[0]


def _cells(data: bytes) -> list[tuple[str, Any]]:
    """Every cell of every sheet as openpyxl sees it: (sheet!cell, the cell)."""
    book = openpyxl.load_workbook(io.BytesIO(data))
    return [
        (f"{sheet.title}!{cell.coordinate}", cell)
        for sheet in book.worksheets
        for row in sheet.iter_rows()
        for cell in row
        if cell.value is not None
    ]


def _seen(cell: Any) -> Any:
    # openpyxl leaves Excel's escape of a carriage return as it is in the file
    return cell.value.replace("_x000D_", "\r") if isinstance(cell.value, str) else cell.value


def _texts_safe(data: bytes, written: set[str], formulas: str = "") -> None:
    """No formula the tool did not mean; each written text is there, as text, and
    quote-prefixed when a spreadsheet would compute it."""
    found: set[str] = set()
    for where, cell in _cells(data):
        if cell.data_type == "f":
            assert formulas and where.startswith(formulas), where
            continue
        value = _seen(cell)
        if isinstance(value, str):
            found.add(value)
            if value[:1] in FORMULA_START:
                assert cell.quotePrefix, where
    assert written <= found


def _csv_rows(text: str) -> list[list[str]]:
    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text[1:], newline="")))


def _csv_safe(text: str, written: set[str]) -> list[list[str]]:
    rows = _csv_rows(text)
    width = len(rows[0])
    fields = [v for row in rows for v in row]
    assert all(len(row) == width for row in rows)  # no record split by a line break
    assert all(v[:1] not in FORMULA_START or _is_number(v) for v in fields)
    assert {restored(v) for v in fields} >= written
    return rows


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


texts = st.tuples(
    st.sampled_from(["", "=", "+", "-", "@", "\t", "\r", "\n", "'", "'=", "''+", "\r\n"]),
    st.text(
        alphabet=st.characters(blacklist_categories=("Cs", "Cc"))
        | st.sampled_from(["=", "+", "-", "@", "'", ",", '"', "\r", "\n", "\t"]),
        max_size=12,
    ),
).map("".join)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(name=texts, grade=texts, label=texts, cell=texts, part=texts, reason=texts, title=texts)
def test_every_text_that_reaches_a_download_is_safe(
    tmp_path_factory: Any,
    name: str,
    grade: str,
    label: str,
    cell: str,
    part: str,
    reason: str,
    title: str,
) -> None:
    result, results = _sample(str(tmp_path_factory.getbasetemp() / "safe"))
    r = result.store[SCORED][-1]
    units = [
        dataclasses.replace(u, unit=u.unit.model_copy(update={"name": name}), grade=grade)
        for u in r.units
    ]
    model = r.loaded.model.model_copy(update={"title": title, "assessor": reason})
    loaded = dataclasses.replace(r.loaded, loaded=dataclasses.replace(r.loaded.loaded, model=model))
    rr: RoundResult = dataclasses.replace(r, units=tuple(units), loaded=loaded)
    _texts_safe(round_xlsx(rr), {name, grade, title, reason} - {""})
    rows = _csv_safe(scores_csv(rr), {name, grade} - {""})
    assert [restored(v) for v in rows[1][2:5:2]] == [name, grade]

    t = results.tables[0]
    columns = [c.model_copy(update={"label": label + c.label}) for c in t.model.columns]
    columns[0] = columns[0].model_copy(update={"label": label + "问题"})
    choice = columns[3].model_copy(update={"choices": [*columns[3].choices, cell]})
    columns[3] = choice
    table_rows = [{**row, "problem": cell, "status": cell} for row in t.model.rows]
    table = t.model.model_copy(update={"columns": columns, "rows": table_rows})
    lt = LoadedTable(t.doc, table)
    by_id = {u.id: u.model_copy(update={"name": name}) for u in results.units}
    headers = {c.label for c in columns if not c.private}
    _texts_safe(table_xlsx(lt, by_id), headers | {cell, name} - {""})
    rows = _csv_safe(table_csv(lt, by_id), headers | {cell, name} - {""})
    assert [restored(v) for v in rows[0]] == [c.label for c in columns if not c.private]
    assert restored(rows[1][0]) == cell
    _texts_safe(table_workbook(table, list(by_id.values()), AS_OF), {cell, name} - {""})

    scores = {
        u: {
            k: dataclasses.replace(s, reason=reason or None, evidence=name or None)
            for k, s in v.items()
        }
        for u, v in r.loaded.scores.items()
    }
    sheet = RoundSheet(
        model.id, model.rubric, r.loaded.info.model, list(by_id.values()), model, scores
    )
    _texts_safe(round_workbook(sheet, AS_OF), {name, reason, title} - {""}, formulas="评分!")

    c = result.store[SCORED_COMPOSITES][0]
    components = [p.model_copy(update={"name": part}) for p in c.model.components]
    cm = c.model.model_copy(update={"components": components})
    comp = dataclasses.replace(
        c,
        loaded=dataclasses.replace(c.loaded, loaded=dataclasses.replace(c.loaded.loaded, model=cm)),
        units=tuple(
            dataclasses.replace(u, unit=u.unit.model_copy(update={"name": name}), grade=grade)
            for u in c.units
        ),
    )
    heads = {f"{part}得分", f"{part} 得分"}
    _texts_safe(composite_xlsx(comp), {name, grade, f"{part}得分"} - {""})
    rows = _csv_safe(composite_csv(comp), {name, grade, f"{part} 得分"} - {""})
    assert restored(rows[0][5]) in heads


def test_the_published_files_open_as_the_editor_wrote_them(
    handbook: Handbook, tmp_path: Path
) -> None:
    from generator.engine.build import build_site

    setup(
        handbook,
        units="units:\n"
        + "".join(
            f"  - {{id: {u}, name: {_q(n)}, kind: 市直单位}}\n"
            for u, n in zip("abcd", ["=1+1", "@甲", "-乙", "+丙"], strict=True)
        ),
    )
    handbook.write(TABLE, _ledger(NASTY))
    handbook.write(C, COMPOSITE.format(missing="zero").replace("name: 验收", 'name: "=验收"'))
    build_site(handbook.root, AS_OF, tmp_path / "site", full=True)
    site = tmp_path / "site"
    ledger = (site / "results/tables/ledger/rows.csv").read_bytes().decode()
    rows = _csv_rows(ledger)
    read = [str(r["problem"]) for r in load_results(handbook.root)[0].tables[0].model.rows]
    assert [r[0] for r in rows[1:]] == [neutral(v) for v in read]
    assert rows[1][0] == '\'=HYPERLINK("http://evil.example/","点我")'
    assert rows[5][0] == "'\t=1+1"
    assert rows[6][0] == "''=1+1"
    assert rows[9][0] == "第一行\r第二行"  # quoted, not a new record
    assert '"第一行\r第二行"' in ledger
    assert ledger.count("\r\n") == len(NASTY) + 2  # CRLF between records, and one in a field
    scores = _csv_rows((site / "results/r2025/scores.csv").read_bytes().decode())
    assert scores[1][:4] == ["1", "b", "'@甲", "10"]
    composite = _csv_rows((site / "results/composites/c2025/composite.csv").read_bytes().decode())
    assert composite[0][5] == "'=验收 得分"
    for rel in (
        "results/r2025/scores.xlsx",
        "results/tables/ledger/rows.xlsx",
        "results/composites/c2025/composite.xlsx",
    ):
        _texts_safe((site / rel).read_bytes(), set())
    book = openpyxl.load_workbook(site / "results/tables/ledger/rows.xlsx")
    cell = book["整改台账"]["A2"]
    assert (cell.value, cell.data_type, cell.quotePrefix) == (NASTY[0], "s", True)
    book = openpyxl.load_workbook(site / "results/composites/c2025/composite.xlsx")
    cell = book["综合考评"]["F1"]
    assert (cell.value, cell.data_type, cell.quotePrefix) == ("=验收得分", "s", True)


def _problems_in(handbook: Handbook) -> list[object]:
    return [row["problem"] for row in load_results(handbook.root)[0].tables[0].model.rows]


def test_exported_workbooks_and_csv_import_back_exactly(handbook: Handbook, tmp_path: Path) -> None:
    setup(handbook)
    handbook.write(TABLE, _ledger(NASTY))
    assert _problems_in(handbook) == NASTY
    out = tmp_path / "ledger.xlsx"
    export(handbook.root, handbook.root / TABLE, out, AS_OF)
    _texts_safe(out.read_bytes(), set(NASTY))
    import_book(handbook.root, out, out.name, AS_OF, table_id="ledger")
    # a cell's leading tab is trimmed like any space; the rest is exactly as written
    assert _problems_in(handbook) == [v.replace("\t", "") for v in NASTY]
    from generator.engine.build import build_site

    build_site(handbook.root, AS_OF, tmp_path / "site", full=True)
    ledger = tmp_path / "rows.csv"
    ledger.write_bytes((tmp_path / "site/results/tables/ledger/rows.csv").read_bytes())
    before = (handbook.root / TABLE).read_text(encoding="utf-8")
    import_book(handbook.root, ledger, ledger.name, AS_OF, table_id="ledger")
    assert (handbook.root / TABLE).read_text(encoding="utf-8") == before
