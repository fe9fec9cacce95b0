"""Rounds and tables out to workbooks and back: round trips, each bad cell's located
message, CSV encodings, and byte-identical downloads."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest

from generator.errors import HandbookError, ValidationFailed
from generator.messages import phrase
from generator.sheets.commands import export, new
from generator.sheets.import_ import import_book
from tests.samples import AS_OF, Handbook, handbook_cmd
from tests.samples import RESULT_ROUND as R
from tests.samples import setup_results as setup

TABLE = "content/results/tables/ledger.yml"
LEDGER = """\
# 台账注释
id: ledger
kind: 整改台账
title: 整改台账
published: 2026-10-20
columns:
  - {key: problem, label: 问题, type: text}
  - {key: unit, label: 单位, type: unit}
  - {key: deadline, label: 整改时限, type: date}
  - {key: status, label: 状态, type: choice, choices: [整改中, 已完成]}
  - {key: done, label: 完成日期, type: date, optional: true}
  - {key: contact, label: 联系人, type: text, private: true}
deadline: deadline
done: done
rows:
  - {problem: 台账缺页, unit: a, deadline: 2026-11-15, status: 整改中, contact: 赵}  # 第一条
  - {problem: 党日未开展, unit: b, deadline: 2026-12-01, status: 整改中, contact: 钱}
"""


def do_import(handbook: Handbook, book: Path, **ids: str) -> object:
    return import_book(handbook.root, book, book.name, AS_OF, **ids)


def problems_of(handbook: Handbook, book: Path, **ids: str) -> list[str]:
    with pytest.raises(ValidationFailed) as failed:
        do_import(handbook, book, **ids)
    return [str(p) for p in failed.value.problems]


def exported(handbook: Handbook, tmp_path: Path, source: str = R) -> Path:
    setup(handbook)
    out = tmp_path / "book.xlsx"
    export(handbook.root, handbook.root / source, out, AS_OF)
    return out


def test_round_workbook_layout(handbook: Handbook, tmp_path: Path) -> None:
    book = openpyxl.load_workbook(exported(handbook, tmp_path))
    assert book.sheetnames == ["评分", "理由与依据", "说明"]
    sheet = book["评分"]
    assert [c.value for c in sheet[1]] == [
        "单位编号",
        "单位名称",
        "1 换届（4分）",
        "2 安全（6分）",
        "合计",
    ]
    assert [c.value for c in sheet[2]][:4] == ["a", "甲单位", 4, 4]
    assert sheet.freeze_panes == "C2"
    rules = {str(v.sqref): v.formula1 for v in sheet.data_validations.dataValidation}
    assert rules["D2:D5"] == 'OR(D2="?",AND(ISNUMBER(D2),D2>=0,D2<=6))'
    about = {r[0].value: r[1].value for r in book["说明"].iter_rows() if r[0].value}
    assert about["轮次编号"] == "r2025" and about["评分依据"] == "demo@2020"


def test_round_trip_changes_only_the_edited_scores(handbook: Handbook, tmp_path: Path) -> None:
    out = exported(handbook, tmp_path)
    before = (handbook.root / R).read_text(encoding="utf-8")
    outcome = do_import(handbook, out)  # unchanged workbook: unchanged file
    assert (handbook.root / R).read_text(encoding="utf-8") == before
    book = openpyxl.load_workbook(out)
    sheet = book["评分"]
    sheet["C2"] = 3  # a: c1 4 → 3
    sheet["D4"] = "?"  # c: c2 4 → ?
    sheet["B3"] = "乙单位   "  # trailing spaces are nothing
    book["理由与依据"].append(["a", "甲单位", "1 换届（4分）", "推迟换届", "会议记录 "])
    book.save(out)
    outcome = do_import(handbook, out)
    after = (handbook.root / R).read_text(encoding="utf-8")
    assert after == before.replace(
        "{unit: a, scores: {c1: 4, c2: 4}}",
        "{unit: a, scores: {c1: {points: 3, reason: 推迟换届, evidence: 会议记录}, c2: 4}}",
    ).replace("{unit: c, scores: {c1: 4, c2: 4}}", '{unit: c, scores: {c1: 4, c2: "?"}}')
    assert outcome.changed == 2  # type: ignore[attr-defined]
    assert handbook.problems() == []


def test_bad_cells_are_located_and_nothing_is_written(handbook: Handbook, tmp_path: Path) -> None:
    out = exported(handbook, tmp_path)
    before = (handbook.root / R).read_bytes()
    book = openpyxl.load_workbook(out)
    sheet = book["评分"]
    sheet["D2"] = 7  # above 6 points
    sheet["C3"] = "四"  # text where a number goes
    sheet["A4"] = "zz"  # no such unit
    sheet["A5"] = "a"  # a second row for a
    sheet["F1"] = "出勤（2分）"  # not a criterion
    book.save(out)
    assert problems_of(handbook, out) == [
        "book.xlsx:评分!F1: 列“出勤（2分）”不是 demo@2020 验收细则的评分项 [HB708]",
        "book.xlsx:评分!D2: “安全”应为 0 到 6 之间的数（该评分项的分值），实际为 7 [HB718]",
        'book.xlsx:评分!C3: “换届”应为 0 到 4 之间的分数、未评估填“?”，实际为 "四" [HB717]',
        "book.xlsx:评分!A4: content/results/units.yml 中没有单位“zz” [HB715]",
        "book.xlsx:评分!A5: 单位“a”出现了两行（第一次在第 2 行） [HB720]",
    ]
    with pytest.raises(ValidationFailed) as failed:
        do_import(handbook, out)
    assert [p.format("en") for p in failed.value.problems][:2] == [
        "book.xlsx:评分!F1: the column '出勤（2分）' is not a criterion of the rubric of demo@2020 [HB708]",
        "book.xlsx:评分!D2: expected a number from 0 to 6 (the points of 安全), found 7 [HB718]",
    ]
    assert (handbook.root / R).read_bytes() == before


def test_merged_cells_formulas_and_blank_rows(handbook: Handbook, tmp_path: Path) -> None:
    out = exported(handbook, tmp_path)
    book = openpyxl.load_workbook(out)
    sheet = book["评分"]
    sheet.insert_rows(1)
    sheet["A1"] = "2025年度验收评分表"
    sheet.merge_cells("A1:E1")  # a merged title above the header
    sheet.insert_rows(4)  # a blank row inside the table, before b's row
    sheet["C5"] = 3
    book.save(out)
    do_import(handbook, out)
    assert "{unit: b, scores: {c1: 3, c2: 6}}" in (handbook.root / R).read_text(encoding="utf-8")


def test_new_round_from_the_registry(handbook: Handbook, tmp_path: Path) -> None:
    setup(handbook)
    out = tmp_path / "new.xlsx"
    new(handbook.root, "demo@2020", "r2026", None, out, AS_OF)
    book = openpyxl.load_workbook(out)
    sheet = book["评分"]
    assert [sheet.cell(r, 1).value for r in range(2, 6)] == ["a", "b", "c", "d"]
    for r, (c1, c2) in enumerate([(4, 6), (3, "?"), (4, 6)], start=2):
        sheet.cell(r, 3).value, sheet.cell(r, 4).value = c1, c2
    about = book["说明"]
    values = {"系列": "demo", "标题": "2026年度验收", "周期类型": "年", "周期开始": dt.date(2026, 1, 1),
              "周期结束": dt.date(2026, 12, 31), "评估日期": dt.date(2026, 12, 1),
              "公布日期": dt.date(2026, 12, 10), "评估单位": "验收组"}  # fmt: skip
    for row in about.iter_rows():
        if row[0].value in values:
            row[1].value = values[row[0].value]
    book.save(out)
    outcome = do_import(handbook, out)
    assert outcome.created and outcome.skipped == ["d"]  # type: ignore[attr-defined]
    text = (handbook.root / "content/results/rounds/r2026.yml").read_text(encoding="utf-8")
    assert "period:\n  kind: 年\n  start: 2026-01-01\n" in text
    assert '  - unit: b\n    scores:\n      c1: 3\n      c2: "?"\n' in text
    assert handbook.problems() == []


def test_csv_in_gbk_is_detected(handbook: Handbook, tmp_path: Path) -> None:
    setup(handbook)
    csv = tmp_path / "scores.csv"
    csv.write_bytes("单位编号,单位名称,换届,安全\nb,乙单位,2,6\n".encode("gb18030"))
    outcome = do_import(handbook, csv, round_id="r2025")
    assert outcome.encoding == phrase("csv.gb18030")  # type: ignore[attr-defined]
    assert "{unit: b, scores: {c1: 2, c2: 6}}" in (handbook.root / R).read_text(encoding="utf-8")
    csv.write_bytes("\ufeff单位编号,换届\nb,9\n".encode())
    assert problems_of(handbook, csv, round_id="r2025") == [
        "scores.csv:B2: “换届”应为 0 到 4 之间的数（该评分项的分值），实际为 9 [HB718]"
    ]


def test_table_round_trip(handbook: Handbook, tmp_path: Path) -> None:
    setup(handbook)
    handbook.write(TABLE, LEDGER)
    out = tmp_path / "ledger.xlsx"
    export(handbook.root, handbook.root / TABLE, out, AS_OF)
    before = (handbook.root / TABLE).read_text(encoding="utf-8")
    do_import(handbook, out)
    assert (handbook.root / TABLE).read_text(encoding="utf-8") == before
    book = openpyxl.load_workbook(out)
    sheet = book["整改台账"]
    assert [c.value for c in sheet[1]][-1] == "联系人（不公开）"
    sheet["D3"], sheet["E3"] = "已完成", dt.datetime(2026, 11, 20)
    sheet.append(["会风不严", "c", dt.datetime(2026, 12, 31), "整改中", None, "孙"])
    book.save(out)
    do_import(handbook, out)
    after = (handbook.root / TABLE).read_text(encoding="utf-8")
    assert (
        "  - {problem: 台账缺页, unit: a, deadline: 2026-11-15, status: 整改中, contact: 赵}  # 第一条\n"
        in after
    )
    assert (
        "  - {problem: 党日未开展, unit: b, deadline: 2026-12-01, status: 已完成, done: 2026-11-20, contact: 钱}\n"
        in after
    )
    assert after.endswith(
        "  - {problem: 会风不严, unit: c, deadline: 2026-12-31, status: 整改中, contact: 孙}\n"
    )
    sheet["D4"], sheet["C2"] = "完成了", "下周"
    book.save(out)
    assert problems_of(handbook, out) == [
        'ledger.xlsx:整改台账!C2: 应为日期（如 2026-11-15），实际为 "下周" [HB713]',
        'ledger.xlsx:整改台账!D4: 应为以下之一：整改中、已完成，实际为 "完成了" [HB716]',
    ]


def test_downloads_are_byte_identical_across_builds(handbook: Handbook, tmp_path: Path) -> None:
    from generator.engine.build import build_site

    setup(handbook)
    handbook.write(TABLE, LEDGER)
    build_site(handbook.root, AS_OF, tmp_path / "one", full=True)
    build_site(handbook.root, AS_OF, tmp_path / "two", full=True)
    for rel in ("results/r2025/scores.xlsx", "results/tables/ledger/rows.xlsx"):
        assert (tmp_path / "one" / rel).read_bytes() == (tmp_path / "two" / rel).read_bytes()
    book = openpyxl.load_workbook(tmp_path / "one/results/r2025/scores.xlsx")
    sheet = book["成绩"]
    assert [c.value for c in sheet[2]][:6] == [1, "b", "乙单位", 10, "优秀", "是"]
    rows = openpyxl.load_workbook(tmp_path / "one/results/tables/ledger/rows.xlsx")["整改台账"]
    assert "联系人" not in [c.value for c in rows[1]]  # private columns stay out


def test_formulas_count_with_their_saved_values(handbook: Handbook, tmp_path: Path) -> None:
    import xlsxwriter

    setup(handbook)
    out = tmp_path / "f.xlsx"
    book = xlsxwriter.Workbook(out)
    sheet = book.add_worksheet("评分")
    sheet.write_row(0, 0, ["单位编号", "换届", "安全"])
    sheet.write_row(1, 0, ["d "])  # a trailing space
    sheet.write_formula(1, 1, "=1+2", None, 3)
    sheet.write_formula(1, 2, "=2*3", None, 6)
    book.close()
    do_import(handbook, out, round_id="r2025")
    assert "{unit: d, scores: {c1: 3, c2: 6}}" in (handbook.root / R).read_text(encoding="utf-8")


def test_cli_says_what_it_read_and_exits_1_on_a_problem(handbook: Handbook, tmp_path: Path) -> None:
    setup(handbook)
    out = tmp_path / "book.xlsx"
    done = handbook_cmd(handbook.root, "sheet", "export", str(handbook.root / R), "-o", str(out))
    assert done.stdout == f"已写入 {out}（content/results/rounds/r2025.yml：4 个单位）\n"
    csv = tmp_path / "scores.csv"
    csv.write_bytes("单位编号,换届\nb,五\n".encode("gb18030"))
    done = handbook_cmd(handbook.root, "sheet", "import", str(csv), "--round", "r2025")
    assert done.returncode == 1
    assert (
        done.stdout == f"读取 {csv}，编码为 GBK/GB18030（中文版 Windows 上的 Excel 所用编码）。\n"
    )
    assert done.stderr == (
        f'{csv}:B2: “换届”应为 0 到 4 之间的分数、未评估填“?”，实际为 "五" [HB717]\n'
        "发现 1 个问题，未写入任何文件。\n"
    )
    english = {"HANDBOOK_LANG": "en"}
    done = handbook_cmd(handbook.root, "sheet", "import", str(csv), "--round", "r2025", env=english)
    assert done.stdout == f"Reading {csv} as GBK/GB18030 (what Excel on Chinese Windows writes).\n"
    assert done.stderr.endswith('found "五" [HB717]\n1 problem found; nothing was written.\n')
    csv.write_bytes("单位编号,换届\nb,3\n".encode())
    done = handbook_cmd(handbook.root, "sheet", "import", str(csv), "--round", "r2025")
    assert done.returncode == 0
    assert done.stdout == (
        f"读取 {csv}，编码为 UTF-8。\n"
        "已更新 content/results/rounds/r2025.yml：修改 1 项、新增 0 项。\n"
        "保持原样（工作表中没有）：a、c、d。\n"
    )
    done = handbook_cmd(
        handbook.root, "sheet", "new", "--rubric", "demo@2021", "--id", "x", "-o", str(out)
    )
    assert done.returncode == 1
    assert done.stderr == "错误：没有验收细则 'demo@2021'，是否应为 'demo@2020'？\n"
    done = handbook_cmd(
        handbook.root,
        "sheet",
        "new",
        "--rubric",
        "demo@2021",
        "--id",
        "x",
        "-o",
        str(out),
        env=english,
    )
    assert "there is no rubric 'demo@2021'; did you mean 'demo@2020'?" in done.stderr


def test_the_sites_own_csv_imports_back(handbook: Handbook, tmp_path: Path) -> None:
    from generator.engine.build import build_site

    setup(handbook)
    build_site(handbook.root, AS_OF, tmp_path / "site", full=True)
    csv = tmp_path / "scores.csv"
    text = (tmp_path / "site/results/r2025/scores.csv").read_text(encoding="utf-8-sig")
    assert text.splitlines()[0] == "rank,unit_id,unit,total,grade,passed,c1,c2"
    assert "4,d,丁单位,6,达标,yes,2,4" in text
    csv.write_text(
        text.replace("4,d,丁单位,6,达标,yes,2,4", "4,d,丁单位,6,达标,yes,1,4"), encoding="utf-8-sig"
    )
    before = (handbook.root / R).read_text(encoding="utf-8")
    outcome = do_import(handbook, csv, round_id="r2025")
    assert outcome.encoding == phrase("csv.utf8_bom")  # type: ignore[attr-defined]
    assert (handbook.root / R).read_text(encoding="utf-8") == before.replace(
        "{unit: d, scores: {c1: 2, c2: 4}}", "{unit: d, scores: {c1: 1, c2: 4}}"
    )


def test_new_workbook_for_one_kind_of_unit(handbook: Handbook, tmp_path: Path) -> None:
    from tests.samples import UNITS

    setup(handbook, units=UNITS + "  - {id: zhibu, name: 第一党支部, kind: 党支部}\n")
    out = tmp_path / "kind.xlsx"
    new(handbook.root, "demo@2020", "r2026", "党支部", out, AS_OF)
    sheet = openpyxl.load_workbook(out)["评分"]
    assert [[c.value for c in row][:2] for row in sheet.iter_rows(min_row=2)] == [
        ["zhibu", "第一党支部"]
    ]
    with pytest.raises(HandbookError, match="没有类别为“机关”的单位；现有类别：党支部、市直单位"):
        new(handbook.root, "demo@2020", "r2026", "机关", out, AS_OF)


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("gone.xlsx", None, "gone.xlsx: 文件不存在 [HB701]"),
        (
            "scores.docx",
            b"x",
            "scores.docx: 应为工作簿（.xlsx、.xls、.ods）或文本表格（.csv、.txt）文件，实际为“.docx”文件 [HB702]",
        ),
        (
            "broken.xlsx",
            b"not a zip",
            "broken.xlsx: 这不是工作簿，而是文本文件（可改用 .csv 或 .txt 扩展名直接导入），只是扩展名为 .xlsx；"
            "请把要导入的数据放进工作簿，另存为 .xlsx 或“CSV UTF-8”后再导入 [HB048]",
        ),
        (
            "scores.csv",
            b"\xff\xfd",
            "scores.csv: 第 1 个字节既不是 UTF-8 也不是 GBK/GB18030 编码；请另存为“CSV UTF-8” [HB704]",
        ),
        (
            "scores.csv",
            "甲,乙\n1,2\n".encode(),
            "scores.csv: 前 10 行中没有表头行（应有“单位编号”等列名） [HB706]",
        ),
    ],
)
def test_a_book_that_cannot_be_read(
    handbook: Handbook, tmp_path: Path, name: str, data: bytes | None, message: str
) -> None:
    setup(handbook)
    book = tmp_path / name
    if data is not None:
        book.write_bytes(data)
    (found,) = problems_of(handbook, book, round_id="r2025")
    assert found == message


def test_a_workbook_without_its_sheet(handbook: Handbook, tmp_path: Path) -> None:
    setup(handbook)
    out = tmp_path / "other.xlsx"
    book = openpyxl.Workbook()
    book.active.title = "Sheet1"  # type: ignore[union-attr]
    book.save(out)
    assert problems_of(handbook, out, round_id="r2025") == [
        "other.xlsx: 没有工作表“评分”（现有工作表：Sheet1） [HB705]"
    ]


def test_rows_columns_and_reasons_of_a_scores_sheet(handbook: Handbook, tmp_path: Path) -> None:
    out = exported(handbook, tmp_path)
    book = openpyxl.load_workbook(out)
    sheet = book["评分"]
    sheet["F1"] = "1 换届（4分）"  # a second column for 换届
    sheet["A3"] = None  # scores without a unit
    sheet["C4"] = None  # a blank score
    notes = book["理由与依据"]
    notes.append(["c", "丙单位", "换届", "理由一", "依据一"])  # c has no scores now: C4 blank
    notes.append(["a", "甲单位", "安全", "理由二", None])
    notes.append(["a", "甲单位", "安全", "理由三", None])  # a second row
    notes.append(["a", "甲单位", "出勤", "理由四", None])  # not a criterion
    book.save(out)
    found = problems_of(handbook, out)
    assert found == [
        "book.xlsx:理由与依据!A4: “a · 安全”出现了两行（第一次在第 3 行） [HB723]",
        "book.xlsx:理由与依据!C5: 列“出勤”不是 demo@2020 验收细则的评分项 [HB708]",
        "book.xlsx:评分!F1: “换届”列重复（第一次在 C 列） [HB709]",
        "book.xlsx:评分!A3: 已填分数的行缺少单位编号 [HB719]",
        "book.xlsx:评分!C4: 缺少“换届”的分数；请填写分数，未评估填“?” [HB721]",
    ]


def test_reasons_need_points_and_their_columns(handbook: Handbook, tmp_path: Path) -> None:
    out = exported(handbook, tmp_path)
    book = openpyxl.load_workbook(out)
    book["评分"]["A5"] = None
    book["评分"]["B5"] = None
    book["评分"]["C5"] = None
    book["评分"]["D5"] = None  # d's row is blank: d is not in the sheet
    book["评分"]["D2"] = "?"
    notes = book["理由与依据"]
    notes.append(["a", "甲单位", "安全", "理由", None])
    notes.append(["d", "丁单位", "安全", "理由", None])
    book.save(out)
    assert problems_of(handbook, out) == [
        "book.xlsx:理由与依据!D2: “安全”为“?”（未评估）；只有填了分数的评分项才保留理由和依据 [HB724]",
        "book.xlsx:理由与依据!A3: 单位“d”在工作表“评分”中没有分数 [HB722]",
    ]
    book["理由与依据"]["E1"] = None
    book.save(out)
    assert problems_of(handbook, out) == [
        "book.xlsx:理由与依据!E1: 工作表“理由与依据”缺少“依据”列 [HB711]"
    ]


def test_a_table_sheet_checks_its_columns_and_values(handbook: Handbook, tmp_path: Path) -> None:
    setup(handbook)
    handbook.write(
        TABLE,
        LEDGER.replace(
            "  - {key: contact,",
            "  - {key: amount, label: 金额, type: number, optional: true}\n  - {key: contact,",
        ),
    )
    csv = tmp_path / "ledger.csv"
    csv.write_text("问题,单位,状态,金额,备注\n,a,整改中,三,x\n", encoding="utf-8")
    assert problems_of(handbook, csv, table_id="ledger") == [
        "ledger.csv:E1: 列“备注”不是表格 ledger 的列 [HB707]",
        "ledger.csv:F1: 缺少“整改时限”列（deadline） [HB710]",
        "ledger.csv:F1: 缺少“完成日期”列（done） [HB710]",
        "ledger.csv:F1: 缺少“联系人”列（contact） [HB710]",
        "ledger.csv:A2: “问题”为必填项，实际为空 [HB712]",
        'ledger.csv:D2: 应为数字，实际为文字 "三" [HB714]',
    ]


def _new_book(handbook: Handbook, tmp_path: Path, **fields: object) -> Path:
    setup(handbook)
    out = tmp_path / "new.xlsx"
    new(handbook.root, "demo@2020", "r2026", None, out, AS_OF)
    book = openpyxl.load_workbook(out)
    values = {"系列": "demo", "标题": "2026年度验收", "周期类型": "年", "周期开始": dt.date(2026, 1, 1),
              "周期结束": dt.date(2026, 12, 31), "评估日期": dt.date(2026, 12, 1),
              "公布日期": dt.date(2026, 12, 10), "评估单位": "验收组"}  # fmt: skip
    values.update(fields)
    about = book["说明"]
    for row in about.iter_rows():
        if row[0].value in values:
            row[1].value = values[row[0].value]  # type: ignore[assignment]
        if row[0].value == "评估单位" and fields.get("评估单位") == "no row":
            row[0].value = None
    book.save(out)
    return out


def test_a_new_round_needs_its_facts_and_a_score(handbook: Handbook, tmp_path: Path) -> None:
    out = _new_book(handbook, tmp_path, 标题="", 周期类型="半年", 评估单位="no row")
    assert problems_of(handbook, out)[:3] == [
        "new.xlsx:说明!B1: 缺少“评估单位”一行 [HB726]",
        "new.xlsx:说明!B7: “标题”为空；新建轮次必须填写 [HB725]",
        'new.xlsx:说明!B8: 应为以下之一：月、季、年，实际为 "半年" [HB716]',
    ]
    out = _new_book(handbook, tmp_path)
    assert problems_of(handbook, out) == [
        "new.xlsx: 工作表中没有任何单位的分数，没有可写入的内容 [HB730]"
    ]
    assert problems_of(handbook, out, round_id="r2027") == [
        "new.xlsx:说明!B2: 此工作簿属于“r2026”，不是“r2027” [HB727]"
    ]
    out = _new_book(handbook, tmp_path, 评分依据="demo@2021")
    assert problems_of(handbook, out) == [
        "new.xlsx:说明!B3: 没有验收细则 'demo@2021'，是否应为 'demo@2020'？ [HB729]"
    ]


def test_a_workbook_for_another_rubric(handbook: Handbook, tmp_path: Path) -> None:
    out = exported(handbook, tmp_path)
    book = openpyxl.load_workbook(out)
    for row in book["说明"].iter_rows():
        if row[0].value == "评分依据":
            row[1].value = "demo@2019"
    book.save(out)
    assert problems_of(handbook, out) == [
        "book.xlsx:说明!B3: 轮次 r2025 按 demo@2020 评分，工作簿中写的却是 demo@2019 [HB728]"
    ]


def test_a_new_rounds_problems_point_at_the_cells_they_were_typed_in(
    handbook: Handbook, tmp_path: Path
) -> None:
    handbook.write("content/results/series.yml", "series:\n  - {id: demo, name: 示例验收}\n")
    out = _new_book(handbook, tmp_path, 系列="wuhao")
    book = openpyxl.load_workbook(out)
    book["评分"].cell(2, 3).value, book["评分"].cell(2, 4).value = 4, 6
    book.save(out)
    assert problems_of(handbook, out) == [
        "new.xlsx:说明!B6: content/results/series.yml 中没有系列 'wuhao'；请在其中补上该系列及其名称 [HB535]"
    ]
    assert not (handbook.root / "content/results/rounds/r2026.yml").exists()


def test_a_date_cell_that_lost_its_format_is_said_to_be_a_date_serial(
    handbook: Handbook, tmp_path: Path
) -> None:
    out = _new_book(handbook, tmp_path, 周期结束=46387, 评估日期="下月底")
    assert problems_of(handbook, out)[:2] == [
        "new.xlsx:说明!B10: 应为日期，实际为数字 46387：这是电子表格的日期序号，代表 2026-12-31；单元格的格式不是日期 [HB760]",
        'new.xlsx:说明!B11: 应为日期（如 2026-11-15），实际为 "下月底" [HB713]',
    ]
