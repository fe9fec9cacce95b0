"""Workbooks that are not what they seem: zip bombs (refused under a 1 GiB memory
limit), forged sizes, sheets beyond the rows, columns and cells allowed, encrypted,
HTML-disguised, truncated and foreign files, UTF-16 text, and a screenful of
problems at most, in the order a person reads a sheet."""

from __future__ import annotations

import io
import resource
import struct
import subprocess
import sys
import zipfile
import zlib
from pathlib import Path

import pytest
import xlsxwriter

from generator.messages import phrase
from generator.results.headings import column_letter
from generator.sheets.commands import export
from generator.sheets.import_ import import_book
from tests.samples import AS_OF, Handbook
from tests.samples import RESULT_ROUND as R
from tests.samples import setup_results as setup
from tests.sheets.test_sheets import LEDGER, TABLE, problems_of

GIB = 1 << 30


def _exported(handbook: Handbook, tmp_path: Path) -> bytes:
    setup(handbook)
    out = tmp_path / "book.xlsx"
    export(handbook.root, handbook.root / R, out, AS_OF)
    return out.read_bytes()


def _bomb_stream(size: int) -> tuple[bytes, int]:
    """A raw deflate stream inflating to `size` bytes of "A", and its CRC, made without
    compressing `size` bytes: one compressed block repeated."""
    block = 16 << 20
    piece = zlib.compressobj(9, zlib.DEFLATED, -15)
    once = piece.compress(b"A" * block) + piece.flush(zlib.Z_FULL_FLUSH)
    crc = 0
    chunk = b"A" * block
    for _ in range(size // block):
        crc = zlib.crc32(chunk, crc)
    end = zlib.compressobj(9, zlib.DEFLATED, -15).flush(zlib.Z_FINISH)
    return once * (size // block) + end, crc


def _zip(members: list[tuple[str, bytes, int, int]]) -> bytes:
    """A zip of already deflated members: (name, raw deflate, crc, size it declares)."""
    out, central = io.BytesIO(), io.BytesIO()
    for name, data, crc, size in members:
        at = out.tell()
        raw = name.encode()
        out.write(struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, 0, 0x21, crc, len(data),
                              size, len(raw), 0) + raw + data)  # fmt: skip
        central.write(struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, 8, 0, 0x21, crc,
                                  len(data), size, len(raw), 0, 0, 0, 0, 0, at) + raw)  # fmt: skip
    start, body = out.tell(), central.getvalue()
    n = len(members)
    out.write(body + struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, n, n, len(body), start, 0))
    return out.getvalue()


def _with_sheet(book: bytes, sheet: tuple[bytes, int, int]) -> bytes:
    """The exported workbook with its first sheet replaced by a deflated stream."""
    members = []
    with zipfile.ZipFile(io.BytesIO(book)) as z:
        for info in z.infolist():
            if info.filename == "xl/worksheets/sheet1.xml":
                members.append((info.filename, *sheet))
                continue
            packed = zlib.compressobj(6, zlib.DEFLATED, -15)
            data = z.read(info)
            raw = packed.compress(data) + packed.flush()
            members.append((info.filename, raw, zlib.crc32(data), len(data)))
    return _zip(members)


def _import_limited(handbook: Handbook, book: Path) -> subprocess.CompletedProcess[str]:
    """`handbook sheet import` in a process that may use at most 1 GiB of memory."""

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (GIB, GIB))

    return subprocess.run(
        [sys.executable, "-m", "generator", "sheet", "import", str(book), "--round", "r2025",
         "--root", str(handbook.root)],
        capture_output=True, text=True, encoding="utf-8", preexec_fn=limit, check=False,
        env={"PATH": "/usr/bin:/bin", "HANDBOOK_LANG": "zh"},
    )  # fmt: skip


@pytest.fixture(scope="module")
def bomb() -> tuple[bytes, int]:
    return _bomb_stream(3 * GIB)  # 3 GiB of "A" from 3 MB


def test_a_zip_bomb_is_refused_before_it_is_inflated(
    handbook: Handbook, tmp_path: Path, bomb: tuple[bytes, int]
) -> None:
    data, crc = bomb
    book = tmp_path / "炸弹.xlsx"
    book.write_bytes(_with_sheet(_exported(handbook, tmp_path), (data, crc, 3 * GIB)))
    assert book.stat().st_size < 5 * 1024 * 1024
    done = _import_limited(handbook, book)
    assert (done.returncode, done.stdout) == (1, "")
    assert done.stderr == (
        f"{book}: 工作簿解压后有 3072 MiB，超过上限 128 MiB：文件过大，或是恶意构造的“压缩炸弹”；"
        "请只保留要导入的工作表，删去图片等内容后另存为 .xlsx；来历不明的文件请不要打开 [HB731]\n"
        "发现 1 个问题，未写入任何文件。\n"
    )


def test_a_bomb_that_declares_a_small_size_is_caught_while_inflating(
    handbook: Handbook, tmp_path: Path, bomb: tuple[bytes, int]
) -> None:
    data, crc = bomb
    book = tmp_path / "lies.xlsx"
    book.write_bytes(_with_sheet(_exported(handbook, tmp_path), (data, crc, 4000)))
    done = _import_limited(handbook, book)
    assert (done.returncode, done.stdout) == (1, "")
    assert done.stderr.splitlines()[0] == (
        f"{book}: 工作簿的部件 xl/worksheets/sheet1.xml 解压后比文件记录的大小更大：文件已损坏或经过篡改；"
        "请在 WPS 或 Excel 中重新保存，或向提供者索取原始文件 [HB737]"
    )


def test_a_part_compressed_beyond_any_workbook_is_refused(
    handbook: Handbook, tmp_path: Path
) -> None:
    data, crc = _bomb_stream(32 << 20)
    book = tmp_path / "b.xlsx"
    book.write_bytes(_with_sheet(_exported(handbook, tmp_path), (data, crc, 32 << 20)))
    (found,) = problems_of(handbook, book, round_id="r2025")
    ratio = f"{(32 << 20) // len(data):,}"
    assert found == (
        f"b.xlsx: 工作簿的部件 xl/worksheets/sheet1.xml 压缩了 {ratio} 倍，超过上限 100 倍："
        "正常的工作簿不会这样，文件可能是恶意构造的“压缩炸弹”；请向提供者索取在 WPS 或 Excel 中正常保存的文件 [HB732]"
    )


def _far(tmp_path: Path, *cells: tuple[int, int]) -> Path:
    out = tmp_path / "far.xlsx"
    book = xlsxwriter.Workbook(out)
    sheet = book.add_worksheet("评分")
    sheet.write_row(0, 0, ["单位编号", "换届", "安全"])
    for row, col in cells:
        sheet.write_number(row, col, 1)
    book.close()
    return out


@pytest.mark.parametrize(
    ("cells", "message"),
    [
        (
            [(100_000, 0)],
            "far.xlsx:评分: 工作表有 100,001 行，超过上限 100,000 行；"
            "请删去表格下方多余的行，或把数据拆分为几个工作簿分别导入 [HB734]",
        ),
        (
            [(1, 16383)],
            "far.xlsx:评分: 工作表的数据一直写到第 16,384 列（XFD 列），超过上限 1,000 列；"
            "请删去右侧多余的列 [HB735]",
        ),
        (
            [(90_000, 0), (1, 900)],
            "far.xlsx:评分: 工作表的单元格区域有 81,090,901 个单元格，超过上限 5,000,000 个："
            "表格之外远处还有单元格有内容；请删去表格以外的单元格，或把数据拆分为几个工作簿 [HB736]",
        ),
    ],
)
def test_rows_columns_and_cells_are_bounded_before_the_reader_lays_them_out(
    handbook: Handbook, tmp_path: Path, cells: list[tuple[int, int]], message: str
) -> None:
    setup(handbook)
    assert problems_of(handbook, _far(tmp_path, *cells), round_id="r2025") == [message]


def test_a_csv_is_bounded_too(handbook: Handbook, tmp_path: Path) -> None:
    setup(handbook)
    book = tmp_path / "long.csv"
    book.write_text("单位编号,换届\n" + "a,1\n" * 100_000, encoding="utf-8")
    assert problems_of(handbook, book, round_id="r2025") == [
        "long.csv: 工作表有 100,001 行，超过上限 100,000 行；"
        "请删去表格下方多余的行，或把数据拆分为几个工作簿分别导入 [HB734]"
    ]


OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        (
            "加密.xlsx",
            OLE + b"\0" * 1000 + "EncryptionInfo".encode("utf-16-le") + b"\0" * 100,
            "加密.xlsx: 工作簿设有打开密码（已加密），无法读取；请在 WPS 或 Excel 中打开，取消密码"
            "（文件→信息→保护工作簿→用密码进行加密，清空密码）后另存为 .xlsx 再导入 [HB045]",
        ),
        (
            "成绩.xls",
            "<html><head><meta charset='utf-8'></head><body><table><tr><td>单位编号</td></tr>"
            "</table></body></html>".encode(),
            "成绩.xls: 这是网页（HTML）文件，只是扩展名为 .xls：许多办公系统导出的“Excel 表格”其实是网页；"
            "请在 WPS 或 Excel 中打开它，另存为 .xlsx 或“CSV UTF-8”后再导入 [HB046]",
        ),
        (
            "报表.pdf.xlsx",
            b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj",
            "报表.pdf.xlsx: 这不是工作簿，而是 PDF 文档，只是扩展名为 .xlsx；"
            "请把要导入的数据放进工作簿，另存为 .xlsx 或“CSV UTF-8”后再导入 [HB048]",
        ),
        (
            "空.xlsx",
            b"",
            "空.xlsx: 文件不完整（.xlsx 工作簿的结尾缺失），可能下载或复制时中断了；"
            "请重新下载或复制一份完整的文件 [HB047]",
        ),  # fmt: skip
    ],
)
def test_files_named_as_what_they_are(
    handbook: Handbook, tmp_path: Path, name: str, data: bytes, message: str
) -> None:
    setup(handbook)
    book = tmp_path / name
    book.write_bytes(data)
    assert problems_of(handbook, book, round_id="r2025") == [message]


def test_a_truncated_workbook_and_a_word_document(handbook: Handbook, tmp_path: Path) -> None:
    data = _exported(handbook, tmp_path)
    cut = tmp_path / "cut.xlsx"
    cut.write_bytes(data[: len(data) // 2])
    assert problems_of(handbook, cut, round_id="r2025") == [
        "cut.xlsx: 文件不完整（.xlsx 工作簿的结尾缺失），可能下载或复制时中断了；"
        "请重新下载或复制一份完整的文件 [HB047]"
    ]
    word = tmp_path / "word.xlsx"
    with zipfile.ZipFile(word, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", "<w:document/>")
    assert problems_of(handbook, word, round_id="r2025") == [
        "word.xlsx: 这不是工作簿，而是 Word 文档，只是扩展名为 .xlsx；"
        "请把要导入的数据放进工作簿，另存为 .xlsx 或“CSV UTF-8”后再导入 [HB048]"
    ]


def test_a_workbook_named_xls_is_read_by_its_content(handbook: Handbook, tmp_path: Path) -> None:
    book = tmp_path / "book.xls"
    book.write_bytes(_exported(handbook, tmp_path))
    import_book(handbook.root, book, book.name, AS_OF, round_id="r2025")


def test_unicode_text_from_excel_is_read_like_csv(handbook: Handbook, tmp_path: Path) -> None:
    setup(handbook)
    text = "单位编号\t单位名称\t换届\t安全\r\na\t甲单位\t3\t4\r\nb\t乙单位\t4\t6\r\n"
    book = tmp_path / "成绩.txt"
    book.write_bytes(b"\xff\xfe" + text.encode("utf-16-le"))
    before = (handbook.root / R).read_text(encoding="utf-8")
    outcome = import_book(handbook.root, book, book.name, AS_OF, round_id="r2025")
    assert outcome.encoding == phrase("csv.utf16")
    assert (handbook.root / R).read_text(encoding="utf-8") == before.replace(
        "{unit: a, scores: {c1: 4, c2: 4}}", "{unit: a, scores: {c1: 3, c2: 4}}"
    )
    from tests.samples import handbook_cmd

    done = handbook_cmd(handbook.root, "sheet", "import", str(book), "--round", "r2025")
    assert done.stdout.splitlines()[0] == (
        f"读取 {book}，编码为 UTF-16（Excel 的“Unicode 文本”，制表符分隔）。"
    )


def test_a_screenful_of_problems_in_reading_order(handbook: Handbook, tmp_path: Path) -> None:
    from tests.samples import handbook_cmd

    setup(handbook)
    handbook.write(TABLE, LEDGER)
    book = tmp_path / "ledger.csv"
    rows = "".join(f"问题{i},a,下月底,整改中,,赵\n" for i in range(120))
    book.write_text("问题,单位,整改时限,状态,完成日期,联系人\n" + rows, encoding="utf-8")
    done = handbook_cmd(handbook.root, "sheet", "import", str(book), "--table", "ledger")
    lines = done.stderr.splitlines()
    assert done.returncode == 1
    assert len(lines) == 52
    assert lines[:2] == [
        f'{book}:C2: 应为日期（如 2026-11-15），实际为 "下月底" [HB713]',
        f'{book}:C3: 应为日期（如 2026-11-15），实际为 "下月底" [HB713]',
    ]
    assert [line.split(":")[1] for line in lines[7:10]] == ["C9", "C10", "C11"]  # B9 before B10
    assert lines[50:] == [
        f"{book}: 还有 70 个同类问题未列出（每个文件最多列出 50 个）；请先改正以上问题再运行 [HB050]",
        "发现 120 个问题，未写入任何文件。",
    ]


def test_a_damaged_workbook_too_many_parts_and_too_large_a_file(
    handbook: Handbook, tmp_path: Path
) -> None:
    setup(handbook)
    damaged = tmp_path / "坏.xlsx"
    with zipfile.ZipFile(damaged, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("xl/workbook.xml", "<workbook><sheets><sheet name=")
    assert problems_of(handbook, damaged, round_id="r2025") == [
        "坏.xlsx: 工作簿已损坏，无法读取其中的 .xlsx 格式；请在 WPS 或 Excel 中打开（按提示修复）后"
        "另存为 .xlsx 再导入 [HB703]"
    ]
    parts = tmp_path / "parts.xlsx"
    with zipfile.ZipFile(parts, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        for i in range(2000):
            z.writestr(f"xl/media/{i}.png", b"")
    assert problems_of(handbook, parts, round_id="r2025") == [
        "parts.xlsx: 工作簿由 2,001 个部件组成，超过上限 2,000 个；请只保留要导入的工作表，"
        "另存为新的 .xlsx 再导入 [HB733]"
    ]
    large = tmp_path / "large.csv"
    with large.open("wb") as f:
        f.truncate(65 * 1024 * 1024)  # sparse: nothing is written, the size is what counts
    assert problems_of(handbook, large, round_id="r2025") == [
        "large.csv: 文件过大：65.0 MiB，超过可导入的上限 64 MiB；请把数据拆分为几个文件分别导入 [HB738]"
    ]


def test_cells_without_their_place_and_repeated_ods_cells_are_counted(tmp_path: Path) -> None:
    from generator.errors import ValidationFailed
    from generator.sheets.guard import Extent, check_workbook

    sheet = Extent()
    sheet.feed(b"<x:row><x:c><x:v>1</x:v></x:c><x:c><x:v>2</x:v></x:c></x:row><x:row><x:c/>")
    sheet.feed(b"<x:c><x:v>3</x:v></x:c><x:c/></x:row>")
    assert (sheet.rows, sheet.columns, sheet.cells) == (2, 2, 3)
    libre = Extent(ods=True)  # LibreOffice ends every sheet with empty rows to its edge
    libre.feed(
        b'<table:table table:name="S"><table:table-row><table:table-cell office:value-type="float"'
        b' office:value="1"><text:p>1</text:p></table:table-cell><table:table-cell'
        b' table:number-columns-repeated="1023"/></table:table-row><table:table-row'
        b' table:number-rows-repeated="1048575"><table:table-cell table:number-columns-repeated="1024"/>'
        b"</table:table-row></table:table>"
    )
    assert (libre.rows, libre.columns, libre.cells) == (1, 1, 1)
    bomb = tmp_path / "bomb.ods"
    with zipfile.ZipFile(bomb, "w") as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        z.writestr(
            "content.xml",
            '<table:table table:name="评分"><table:table-row table:number-rows-repeated="90000">'
            '<table:table-cell office:value-type="float" office:value="1" '
            'table:number-columns-repeated="900"/></table:table-row></table:table>',
        )
    with pytest.raises(ValidationFailed) as failed:
        check_workbook(bomb, "bomb.ods")
    assert [str(p) for p in failed.value.problems] == [
        "bomb.ods:评分: 工作表的单元格区域有 81,000,000 个单元格，超过上限 5,000,000 个："
        "表格之外远处还有单元格有内容；请删去表格以外的单元格，或把数据拆分为几个工作簿 [HB736]"
    ]


def test_every_format_lists_a_screenful_a_file() -> None:
    import json

    from generator import report
    from generator.errors import Problem, ValidationFailed

    found = [
        Problem.at(f"book.xlsx:评分!D{row}", 0, 0, "", "HB721", item="换届") for row in range(2, 62)
    ]
    found += [Problem.at("other.csv:A2", 0, 0, "", "HB719", name="单位编号")]
    problems = ValidationFailed(found).problems
    assert [p.path for p in problems[:9]][-2:] == ["book.xlsx:评分!D9", "book.xlsx:评分!D10"]
    listed = report.listed(problems)
    assert [str(p) for p in listed[49:]] == [
        "book.xlsx:评分!D51: 缺少“换届”的分数；请填写分数，未评估填“?” [HB721]",
        "book.xlsx: 还有 10 个同类问题未列出（每个文件最多列出 50 个）；请先改正以上问题再运行 [HB050]",
        "other.csv:A2: 已填分数的行缺少单位编号 [HB719]",
    ]
    lines = report.github(problems).splitlines()
    assert len(lines) == 52 and lines[50].startswith(
        "::error file=book.xlsx,title=HB050::还有 10 个"
    )
    assert [p["code"] for p in json.loads(report.as_json(problems))][49:] == [
        "HB721",
        "HB050",
        "HB719",
    ]


def test_an_xlsb_sheet_is_bounded_by_its_records(tmp_path: Path) -> None:
    from generator.errors import ValidationFailed
    from generator.sheets.guard import BinaryExtent, check_workbook

    row = b"\x00\x11" + struct.pack("<I", 1_048_575) + bytes(13)  # BrtRowHdr: row 1,048,576
    cell = b"\x05\x10" + struct.pack("<II", 16_383, 0) + struct.pack("<d", 1.0)  # BrtCellReal
    records = b"\x81\x01\x00" + row + cell  # a BrtBeginSheet (type 129) first
    sheet = BinaryExtent()
    rest = sheet.feed(records[:9])  # a record cut between two chunks waits for the rest
    assert sheet.feed(rest + records[9:]) == b""
    assert (sheet.rows, sheet.columns, sheet.cells) == (1_048_576, 16_384, 1)
    book = tmp_path / "far.xlsb"
    with zipfile.ZipFile(book, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("xl/worksheets/sheet1.bin", records)
    with pytest.raises(ValidationFailed) as failed:
        check_workbook(book, "far.xlsb")
    assert [str(p) for p in failed.value.problems] == [
        "far.xlsb: 工作表有 1,048,576 行，超过上限 100,000 行；"
        "请删去表格下方多余的行，或把数据拆分为几个工作簿分别导入 [HB734]"
    ]


def test_a_damaged_part_and_a_password_protected_zip(handbook: Handbook, tmp_path: Path) -> None:
    data = bytearray(_exported(handbook, tmp_path))
    at = data.find(b"xl/worksheets/sheet1.xml") + len("xl/worksheets/sheet1.xml")
    data[at + 40 : at + 80] = bytes(40)  # the sheet's compressed bytes overwritten
    damaged = tmp_path / "damaged.xlsx"
    damaged.write_bytes(bytes(data))
    assert problems_of(handbook, damaged, round_id="r2025") == [
        "damaged.xlsx: 工作簿已损坏，无法读取其中的 .xlsx 格式；请在 WPS 或 Excel 中打开（按提示修复）后"
        "另存为 .xlsx 再导入 [HB703]"
    ]
    locked = tmp_path / "locked.xlsx"
    with zipfile.ZipFile(locked, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
    raw = bytearray(locked.read_bytes())
    raw[6] |= 1  # the local header's "encrypted" flag
    at = raw.find(b"PK\x01\x02")
    raw[at + 8] |= 1  # and the central directory's
    locked.write_bytes(bytes(raw))
    assert problems_of(handbook, locked, round_id="r2025")[0].endswith("[HB045]")


def test_a_csv_of_one_endless_record_is_bounded_before_it_is_split(
    handbook: Handbook, tmp_path: Path
) -> None:
    setup(handbook)
    book = tmp_path / "wide.csv"
    book.write_bytes(b"," * 20_000_000)
    assert problems_of(handbook, book, round_id="r2025") == [
        "wide.csv: 工作表的数据一直写到第 20,000,001 列（"
        + column_letter(20_000_000)
        + " 列），超过上限 1,000 列；请删去右侧多余的列 [HB735]"
    ]
