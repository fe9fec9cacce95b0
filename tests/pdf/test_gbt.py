"""A standard that follows GB/T 1.1-2020 (`gbt_1_1: true`): 范围, 规范性引用文件 and
术语和定义 are chapters 1, 2 and 3 in its PDF's 目次 and body and on its page, its
cover carries ICS, CCS and 备案号, the page number sits on the outer side, and its
own sections must number from 4."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.pdf.test_pdf import pages_of, pytestmark  # noqa: F401  (the same needs)
from tests.samples import MINIMAL, Handbook


@pytest.fixture(scope="module")
def kaoping(built_site: Path) -> list[str]:
    return pages_of(built_site / "pdf/standards/kaoping-banfa-2024.pdf")


def test_toc_and_body_number_scope_references_and_terms_1_2_3(kaoping: list[str]) -> None:
    toc = kaoping[1]
    found = re.findall(r"^\s*(\S.*?) ?\.{5,} ?(\S+)$", toc, re.M)
    assert [re.sub(r"\s+", " ", name) for name, _ in found] == [
        "前言",
        "1 范围",
        "2 规范性引用文件",
        "3 术语和定义",
        "4 考评构成",
        "5 计分方法",
        "附录A（规范性）验收细则",
    ]
    body = "\n".join(kaoping[3:])
    for heading in ("1\\s+范围", "2\\s+规范性引用文件", "3\\s+术语和定义", "4\\s+考评构成"):
        assert re.search(rf"^\s*{heading}$", body, re.M), heading
    assert re.search(r"^\s*4\.1\s*网络平台监管测评$", body, re.M)
    assert not re.search(r"^\s*前言", body, re.M)  # 前言 is before, unnumbered
    assert re.search(r"^\s*前言$", kaoping[2], re.M)


def test_cover_carries_ics_ccs_and_filing_number(kaoping: list[str]) -> None:
    cover = kaoping[0]
    assert "ICS 03.100.01" in cover
    assert "CCS A 00" in cover
    assert "备案号：备 00005-2024" in cover
    assert "XX/DJ 005-2024" in cover


def test_page_numbers_sit_on_the_outer_side(kaoping: list[str]) -> None:
    # Odd page numbers on the right (a right-hand page), even ones on the left, as is
    # the running header; a standard that does not follow GB/T 1.1 centres them.
    numbers = []
    for page in kaoping[1:]:
        header, last = page.splitlines()[0], page.splitlines()[-1]
        number = last.strip()
        numbers.append(number)
        odd = ({"I": 1, "II": 2}.get(number) or int(number)) % 2 == 1
        assert (len(last) - len(last.lstrip()) > 40) == odd, number
        assert (len(header) - len(header.lstrip()) > 20) == odd, number
    assert numbers == ["I", "II", "1", "2"]


def test_web_page_numbers_the_first_three_chapters(built_site: Path) -> None:
    html = (built_site / "standards/kaoping-banfa/index.html").read_text(encoding="utf-8")
    text = re.sub(r"<[^>]+>", "", html)
    for heading in ("1 范围", "2 规范性引用文件", "3 术语和定义", "4 考评构成"):
        assert heading in text, heading


def test_own_sections_must_number_from_4(handbook: Handbook) -> None:
    handbook.write(
        "standards/demo/2020.yml", MINIMAL.replace("\nsections:", "\ngbt_1_1: true\nsections:", 1)
    )
    lines = (handbook.root / "standards/demo/2020.yml").read_text(encoding="utf-8").splitlines()
    line = next(n for n, text in enumerate(lines, 1) if text.strip().startswith("number:"))
    column = lines[line - 1].index("number:") + 9
    assert handbook.problems() == [
        f"standards/demo/2020.yml:{line}:{column}: sections[0].number: 按 GB/T 1.1 编排的标准，"
        "范围、规范性引用文件、术语和定义为第 1～3 章，此章应编为 4，实际为 1 [HB226]",
    ]
