"""A long booklet's chapters are set a run of chapters at a time (`pdf/books.py`):
its 目次 still gives each chapter the page it starts on, its bookmarks lead there,
and an edit sets again only the run it is in."""

from __future__ import annotations

import re

import pytest

from generator.engine.build import build_site
from tests.pdf.test_pdf import footer, outline_of, pages_of, pytestmark  # noqa: F401
from tests.samples import AS_OF, MINIMAL, Handbook

CHAPTERS = 12  # set in runs of two (at most eight runs a booklet)


def _chapter(n: int) -> str:
    # The third chapter runs over several pages, so the pages after it move on.
    paragraphs = 150 if n == 3 else 1
    body = "\n\n".join(
        f"第{n}讲的第{k}段：支部按期换届，按时召开组织生活会。" for k in range(paragraphs)
    )
    return f"---\ntitle: 第{n}讲\norder: {n}\n---\n\n{body}\n"


@pytest.fixture
def booklet(handbook: Handbook) -> Handbook:
    handbook.write("standards/demo/2020.yml", MINIMAL)
    handbook.write("content/manuals/讲义/index.md", "---\ntitle: 示例讲义\n---\n\n说明文字。\n")
    for n in range(1, CHAPTERS + 1):
        handbook.write(f"content/manuals/讲义/第{n}讲.md", _chapter(n))
    build_site(handbook.root, AS_OF)
    return handbook


def test_a_long_booklets_toc_gives_each_chapter_the_page_it_starts_on(booklet: Handbook) -> None:
    pdf = booklet.root / "site/pdf/manuals/讲义.pdf"
    pages = pages_of(pdf)
    toc = next(page for page in pages if re.sub(r"\s", "", page).startswith("示例讲义目次"))
    entries = dict(re.findall(r"^\s*(第\d+讲) ?\.{5,} ?(\d+)$", toc, re.M))
    assert list(entries) == [f"第{n}讲" for n in range(1, CHAPTERS + 1)]
    assert int(entries["第4讲"]) > int(entries["第3讲"]) + 1  # the long chapter's pages counted
    numbered = {footer(page): page for page in pages}
    for title, number in entries.items():
        assert re.sub(r"\s", "", numbered[number]).startswith(f"示例讲义{title}"), title
    assert [t for t in outline_of(pdf) if t.startswith("第")] == list(entries)
    parts = booklet.root / ".handbook/cache/pdf-parts"
    assert len(list(parts.glob("*.pdf"))) == CHAPTERS // 2  # one Typst document a run


def test_an_edit_sets_again_the_run_it_is_in_and_keeps_the_others(booklet: Handbook) -> None:
    parts = booklet.root / ".handbook/cache/pdf-parts"
    before = {p.name: p.stat().st_mtime_ns for p in parts.glob("*.pdf")}
    chapter = booklet.root / "content/manuals/讲义/第8讲.md"
    chapter.write_text(chapter.read_text("utf-8").replace("按期换届", "按时换届"), "utf-8")
    build_site(booklet.root, AS_OF)
    after = {p.name: p.stat().st_mtime_ns for p in parts.glob("*.pdf")}
    assert len(after) == len(before) and len(set(after) - set(before)) == 1
    assert all(after[name] == before[name] for name in set(after) & set(before))
    text = re.sub(r"\s", "", "".join(pages_of(booklet.root / "site/pdf/manuals/讲义.pdf")))
    assert "第8讲的第0段：支部按时换届" in text
