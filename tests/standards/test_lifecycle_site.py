"""The built sample's pages and files of a standard's life: catalog.json against its
schema and stable across builds, the draft's and the amendment sheet's pages."""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema

from generator.pipeline import run
from generator.standards.downloads import catalog_json
from generator.standards.kind import CATALOG
from tests.samples import AS_OF, copy_sample


def _text(site: Path, page: str) -> str:
    return (site / page / "index.html").read_text(encoding="utf-8")


def test_catalog_json_fits_its_schema(built_site: Path) -> None:
    data = json.loads((built_site / "catalog.json").read_text(encoding="utf-8"))
    schema = json.loads((built_site / "catalog.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.validate(data, schema)
    liuhua = next(s for s in data["standards"] if s["id"] == "liuhua-24")
    latest = liuhua["editions"][-1]
    assert (latest["edition"], latest["status"], latest["replaces"]) == (
        "2023",
        "现行",
        ["liuhua-24/2019"],
    )
    assert latest["citation"] == "XX/DJ 001—2023 机关党支部标准化规范化建设“六化”标准[S]."
    assert latest["amendments"] == [
        {
            "number": 1,
            "issued": "2024-03-15",
            "effective": "2024-04-01",
            "document": "某直工〔2024〕9号",
            "clauses": ["zhuti-dangri", "xianshang-xuexi"],
            "url": "standards/liuhua-24/2023/amendment-1/",
        }
    ]
    assert latest["pdf"] == "pdf/standards/liuhua-24-2023.pdf"
    assert (built_site / latest["pdf"]).is_file()
    assert (built_site / latest["url"] / "index.html").is_file()
    draft = next(s for s in data["standards"] if s["id"] == "shuzhi-pingyi")["drafts"][0]
    assert {k: draft[k] for k in ("stage", "status", "comment_end", "issued_as")} == {
        "stage": "征求意见稿",
        "status": "征求意见中",
        "comment_end": "2027-01-14",
        "issued_as": None,
    }
    assert (built_site / draft["url"] / "index.html").is_file()


def test_catalog_json_is_the_same_in_another_build(built_site: Path, tmp_path: Path) -> None:
    root = copy_sample(tmp_path)
    pdfs = {p.relative_to(built_site).as_posix() for p in (built_site / "pdf").rglob("*.pdf")}
    again = catalog_json(run(root, AS_OF, render=False).store[CATALOG], pdfs)
    assert again == (built_site / "catalog.json").read_text(encoding="utf-8")


def test_the_draft_page(built_site: Path) -> None:
    html = _text(built_site, "standards/shuzhi-pingyi/2027/draft")
    assert "XX/DJ 006-2027 党组织书记抓基层党建工作述职评议细则（征求意见稿）" in html
    assert "本文件是征求意见稿，不是现行标准，不得作为依据执行。" in html
    assert "正在征求意见，2027年1月14日截止，还有 54 天" in html
    assert 'data-start="2026-11-16" data-end="2027-01-14"' in html
    assert 'id="explanation"' in html and 'id="comments-to"' in html
    assert 'data-pagefind-filter="状态[data-value]" data-value="征求意见稿"' in html


def test_the_closed_draft_shows_how_comments_were_handled(built_site: Path) -> None:
    html = _text(built_site, "standards/liuhua-24/2023/draft")
    assert "征求意见已结束，本标准已正式发布" in html
    assert "共收到意见 4 条：采纳 2 条，部分采纳 1 条，未采纳 1 条。" in html
    assert 'id="comments-to"' not in html  # closed: no channel
    edition = _text(built_site, "standards/liuhua-24/2023")
    assert 'href="draft/#handling">意见汇总处理表</a>' in edition


def test_the_amended_edition_and_its_sheet(built_site: Path) -> None:
    html = _text(built_site, "standards/liuhua-24")
    assert "下文为含第1号修改单的条文，修改之处标有“修改单”。" in html
    assert "因集中工作任务不能按时开展的，应在当月内补开。" in html
    assert 'href="2023/amendment-1/">第1号修改单修改</a>（自2024年4月1日起实施）' in html
    assert 'href="2023/amendment-1/">第1号修改单增加</a>' in html
    assert "1.3 中“任期届满应按期换届”误印为“任期届满可按期换届”，已更正。" in html
    # the history lists the sheet (search reads table cells apart: a space between them)
    assert re.search(r"2024年3月15日</time></td>\s*<td><a", html)
    sheet = _text(built_site, "standards/liuhua-24/2023/amendment-1")
    assert "XX/DJ 001-2023《机关党支部标准化规范化建设“六化”标准》第1号修改单" in sheet
    assert "<ins" in sheet and 'id="zhuti-dangri"' in sheet


def test_drafts_on_the_home_page_and_in_the_index(built_site: Path) -> None:
    home = (built_site / "index.html").read_text(encoding="utf-8")
    assert 'id="open-drafts"' in home
    assert "XX/DJ 006-2027 党组织书记抓基层党建工作述职评议细则</a>（2027年1月14日截止）" in home
    index = _text(built_site, "standards")
    assert 'data-filter="征求意见稿">征求意见稿（1）</button>' in index


def test_the_notices_feed_announces_the_drafts(built_site: Path) -> None:
    import feedparser

    atom = feedparser.parse((built_site / "notices" / "atom.xml").read_bytes())
    drafts = [e for e in atom.entries if e.title.startswith("【征求意见稿】")]
    assert [(e.title, e.link, e.published) for e in drafts] == [
        (
            "【征求意见稿】XX/DJ 006-2027 党组织书记抓基层党建工作述职评议细则",
            "https://handbook.example.org/handbook/standards/shuzhi-pingyi/2027/draft/",
            "2026-11-16T00:00:00+08:00",
        ),
        (
            "【征求意见稿】XX/DJ 001-2023 机关党支部标准化规范化建设“六化”标准",
            "https://handbook.example.org/handbook/standards/liuhua-24/2023/draft/",
            "2023-02-01T00:00:00+08:00",
        ),
    ]
    assert (
        drafts[0].summary
        == "发布机构：中共某市直属机关工作委员会；征求意见期：2026-11-16 — 2027-01-14"
    )


def test_the_comment_handling_table_downloads(built_site: Path) -> None:
    import openpyxl

    folder = built_site / "standards" / "liuhua-24" / "2023" / "draft"
    rows = list(openpyxl.load_workbook(folder / "handling.xlsx").active.values)
    assert rows[0] == ("序号", "提出单位或个人", "条款", "意见内容", "处理意见", "理由")
    assert rows[3] == (
        3,
        "市交通运输局机关党委",
        "4.1",
        "建议党课改为每月 1 次。",
        "未采纳",
        "每季度 1 次符合《中国共产党支部工作条例（试行）》的要求，基层负担较为合理。",
    )
    assert rows[4][2] == "总体"
    csv_text = (folder / "handling.csv").read_text(encoding="utf-8")
    assert csv_text.startswith(
        "\ufeff序号,提出单位或个人,条款,意见内容,处理意见,理由\n1,市财政局机关党委,4.3,"
    )
    assert 'href="./handling.xlsx" download>Excel（xlsx）</a>' in _text(
        built_site, "standards/liuhua-24/2023/draft"
    )
