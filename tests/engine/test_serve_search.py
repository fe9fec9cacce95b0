"""The preview's search index: parts indexed again only when their pages change."""

from __future__ import annotations

import os
from pathlib import Path

from generator.engine.serve_search import PreviewSearch, shards
from generator.facets import sections
from generator.kinds import KINDS

SECTIONS = sections(KINDS)  # the preview's parts besides "pages"

PAGE = '<html lang="zh"><body><div data-pagefind-body><h1>{title}</h1><p>{text}</p></div></body></html>'


def _page(root: Path, docs: Path, path: str, title: str, text: str, mtime: int) -> None:
    md = docs / path
    md.parent.mkdir(parents=True, exist_ok=True)
    md.write_text(f"# {title}\n", encoding="utf-8")
    os.utime(md, ns=(mtime, mtime))
    url = path.removesuffix("index.md").removesuffix(".md")
    html = root / url / "index.html" if url else root / "index.html"
    html.parent.mkdir(parents=True, exist_ok=True)
    html.write_text(PAGE.format(title=title, text=text), encoding="utf-8")


def test_the_preview_is_split_by_folder() -> None:
    assert list(
        shards(["index.md", "standards/a/index.md", "notices/n.md", "results/r/index.md"], SECTIONS)
    ) == [
        "pages",
        "standards",
        "notices",
        "results",
    ]


def test_an_edit_reindexes_only_its_part_and_keeps_the_old_chunks(tmp_path: Path) -> None:
    site, docs = tmp_path / "site", tmp_path / "docs"
    _page(site, docs, "index.md", "首页", "本手册汇集标准。", 1)
    _page(site, docs, "standards/a/index.md", "示例标准", "党支部应当按期换届。", 1)
    preview = PreviewSearch()
    preview.after_build(site, docs, SECTIONS, wait=True)
    assert preview.runs == 2
    entry = site / "pagefind" / "standards" / "pagefind-entry.json"
    pages_entry = (site / "pagefind" / "pages" / "pagefind-entry.json").read_text(encoding="utf-8")
    first = {p.name for p in (site / "pagefind" / "standards" / "fragment").iterdir()}
    preview.after_build(site, docs, SECTIONS, wait=True)
    assert preview.runs == 2  # nothing changed, nothing indexed
    _page(site, docs, "standards/a/index.md", "示例标准", "党支部应当按期换届，并报上级党组织。", 2)
    preview.after_build(site, docs, SECTIONS, wait=True)
    assert preview.runs == 3
    assert (site / "pagefind" / "pages" / "pagefind-entry.json").read_text(
        encoding="utf-8"
    ) == pages_entry
    second = {p.name for p in (site / "pagefind" / "standards" / "fragment").iterdir()}
    assert first < second  # the new page's chunk beside the old one, for pages opened before
    assert entry.is_file() and not list((site / "pagefind").glob(".*"))  # no staging left
    for n in (3, 4):  # two more edits: the first generation's chunks go
        _page(site, docs, "standards/a/index.md", "示例标准", f"第{n}次修改。", n)
        preview.after_build(site, docs, SECTIONS, wait=True)
    third = {p.name for p in (site / "pagefind" / "standards" / "fragment").iterdir()}
    assert not first & third


def test_builds_during_a_run_are_indexed_by_one_more_run(tmp_path: Path) -> None:
    import time

    site, docs = tmp_path / "site", tmp_path / "docs"
    _page(site, docs, "standards/a/index.md", "示例标准", "第一版。", 1)
    preview = PreviewSearch()
    preview.after_build(site, docs, SECTIONS, wait=True)
    _page(site, docs, "standards/a/index.md", "示例标准", "第二版。", 2)
    preview.after_build(site, docs, SECTIONS)  # in the background
    _page(site, docs, "standards/a/index.md", "示例标准", "第三版。", 3)
    preview.after_build(site, docs, SECTIONS)  # while the first may still run
    deadline = time.time() + 60
    while (preview.busy or preview.runs < 2) and time.time() < deadline:
        time.sleep(0.1)
    assert not preview.busy and 2 <= preview.runs <= 3
    fragments = site / "pagefind" / "standards" / "fragment"
    assert any("第三版" in _text(f) for f in fragments.iterdir())


def _text(fragment: Path) -> str:
    import gzip
    import json

    data = gzip.decompress(fragment.read_bytes())
    # Pagefind keeps its word breaks in the text as zero-width spaces.
    return str(json.loads(data[data.index(b"{") :])["content"]).replace("\u200b", "")
