"""The PDFs of a standard's life, read back with poppler: a draft's 征求意见稿 cover
and running head, an amendment sheet's own PDF, the consolidated text of an edition
and when it is set again."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from generator.engine.build import build_site
from tests.pdf.test_pdf import pages_of, pytestmark  # noqa: F401 (the same skip)
from tests.samples import AS_OF, MINIMAL, Handbook


def test_the_draft_s_pdf_has_a_draft_cover_and_running_head(built_site: Path) -> None:
    pages = pages_of(built_site / "pdf" / "standards" / "shuzhi-pingyi-2027-draft.pdf")
    cover = [line.strip() for line in pages[0].splitlines()]
    assert "党组织书记抓基层党建工作述职评议细则" in cover
    assert "征 求 意 见 稿" in cover or "征求意见稿" in cover
    assert "征求意见期：2026年11月16日至2027年1月14日" in cover
    assert "本文件是征求意见稿，不是现行标准，不得作为依据执行。" in cover
    body = pages[2].splitlines()
    assert body[0].strip() == "XX/DJ 006-2027（征求意见稿）"
    page = (built_site / "standards" / "shuzhi-pingyi" / "2027" / "draft" / "index.html").read_text(
        encoding="utf-8"
    )
    assert "shuzhi-pingyi-2027-draft.pdf" in page


def test_the_amendment_sheet_s_pdf(built_site: Path) -> None:
    pages = pages_of(built_site / "pdf" / "standards" / "liuhua-24-2023-amendment-1.pdf")
    assert len(pages) == 1
    assert pages[0].splitlines()[0].strip() == "XX/DJ 001-2023 第1号修改单"  # the running head
    text = "".join(pages[0].split())  # pdftotext lays words out with spaces of its own
    assert "《机关党支部标准化规范化建设“六化”标准》第1号修改单" in text
    assert "1．4.3主题党日修改为：党支部每月固定1天开展主题党日活动" in text
    assert "2．4.7线上学习在4.6之后增加：" in text
    assert "自2024年4月1日起实施（某直工〔2024〕9号）。" in text
    sheet = built_site / "standards" / "liuhua-24" / "2023" / "amendment-1" / "index.html"
    assert "liuhua-24-2023-amendment-1.pdf" in sheet.read_text(encoding="utf-8")


def test_the_amended_edition_s_pdf_is_consolidated_and_lists_its_sheets(built_site: Path) -> None:
    pages = [
        "".join(p.split())
        for p in pages_of(built_site / "pdf" / "standards" / "liuhua-24-2023.pdf")
    ]
    listing = next(i for i, p in enumerate(pages) if "本文件包含下列修改单的内容" in p)
    foreword = next(i for i, p in enumerate(pages) if "本标准依据" in p)
    body = next(i for i, p in enumerate(pages) if "因集中工作任务不能按时开展的" in p)
    assert foreword <= listing < body  # after the 前言, before the text
    assert (
        "第1号修改单（某直工〔2024〕9号）：2024年3月15日发布，2024年4月1日实施；修改4.3、增加4.7。"
        in pages[listing]
    )
    assert any("4.7线上学习" in p for p in pages[body:])
    collection = "".join("".join(pages_of(built_site / "pdf" / "huibian.pdf")).split())
    assert "4.7线上学习" in collection  # the 汇编 holds the consolidated text too


SHEET = """\
amendments:
  - number: 1
    issued: 2026-11-01
    effective: 2026-12-01
    items:
      - clause: tiaokuan-yi
        action: 修改
        text: 党支部应当每三年按期换届。
"""


def test_a_sheet_taking_effect_sets_the_edition_s_pdf_again(handbook: Handbook) -> None:
    handbook.write("standards/demo/2020.yml", MINIMAL + SHEET)
    pdf = handbook.root / "site/pdf/standards/demo-2020.pdf"
    made = build_site(handbook.root, AS_OF).pdfs_made  # issued, not yet in effect
    assert {p for p in made if p.startswith("pdf/standards/")} == {
        "pdf/standards/demo-2020.pdf",
        "pdf/standards/demo-2020-amendment-1.pdf",
    }
    text = "".join("".join(pages_of(pdf)).split())
    assert "党支部应当按期换届。" in text and "修改单" not in text
    made = build_site(handbook.root, dt.date(2026, 12, 1)).pdfs_made
    assert sorted(p for p in made if p.endswith(".pdf")) == [
        "pdf/huibian.pdf",
        "pdf/standards/demo-2020.pdf",  # the sheet's own PDF is kept
    ]
    text = "".join("".join(pages_of(pdf)).split())
    assert "第1号修改单：2026年11月1日发布，2026年12月1日实施；修改1.1。" in text
    assert "党支部应当每三年按期换届。" in text and "党支部应当按期换届。" not in text
