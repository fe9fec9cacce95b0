"""The site's one search index, joined from parts indexed on their own, holds
what one run of Pagefind over every page holds: the same pages, the same words
at the same places with the same weights, the same facets. Search ranks on
these, so it ranks as it did with one run."""

from __future__ import annotations

import gzip
import json
from pathlib import Path
from typing import Any

import cbor2

from generator.engine.search import PART_PAGES, ROOT_PART, part_glob, parts, run_pagefind
from generator.engine.search_merge import ENTRY, _fragments, merge

PAGE = """<!doctype html><html lang="zh"><head><title>{title}</title></head><body>
<div data-pagefind-body{weight}><h1>{title}</h1>
<span data-pagefind-filter="类型[data-value]" data-value="{kind}"></span>
<span data-pagefind-meta="code[data-value]" data-value="{code}"></span>
<p>{text}</p></div></body></html>"""

PAGES = {
    "index.html": ("党支部工作手册", "首页", "", "", "党支部 主题党日 三会一课 的总览。"),
    "standards/a/index.html": (
        "主题党日",
        "标准",
        "SJ/DJ 001",
        "2.0",
        "主题党日 每月固定一天开展。",
    ),
    "standards/b/index.html": (
        "三会一课",
        "标准",
        "SJ/DJ 002",
        "",
        "三会一课 是党支部的基本制度。",
    ),
    "notices/x/index.html": (
        "关于主题党日的通知",
        "通知",
        "",
        "",
        "请各党支部 按时开展 主题党日。",
    ),
    "notices/y/index.html": ("换届提醒", "通知", "", "", "党支部 按期换届 台账 规范。"),
}


def _site(folder: Path) -> Path:
    for rel, (title, kind, code, weight, text) in PAGES.items():
        path = folder / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(
            PAGE.format(
                title=title,
                kind=kind,
                code=code,
                text=text,
                weight=f' data-pagefind-weight="{weight}"' if weight else "",
            ),
            encoding="utf-8",
        )
    return folder


def _read(path: Path) -> Any:
    return cbor2.loads(gzip.decompress(path.read_bytes())[len(b"pagefind_dcd") :])


def _contents(index: Path) -> dict[str, Any]:
    """What search ranks and shows from an index, by page address instead of number."""
    entry = json.loads((index / ENTRY).read_text(encoding="utf-8"))
    ((language, info),) = entry["languages"].items()
    meta = _read(index / f"pagefind.{info['hash']}.pf_meta")
    urls = [
        json.loads(gzip.decompress((index / f"fragment/{h}.pf_fragment").read_bytes())[12:])["url"]
        for h, _ in meta[1]
    ]
    fields = meta[5]
    words = {}
    for chunk in meta[2]:
        for word, pages, _ in _read(index / f"index/{chunk[2]}.pf_index")[0]:
            number, found = 0, {}
            for delta, locs, meta_locs in pages:
                number += delta
                found[urls[number]] = (locs, [fields[-v - 1] if v < 0 else v for v in meta_locs])
            words[word] = found
    facets = {
        name: {value: sorted(urls[n] for n in numbers) for value, numbers in values}
        for name, file in meta[3]
        for _, values in [_read(index / f"filter/{file}.pf_filter")]
    }
    counts = {urls[i]: count for i, (_, count) in enumerate(meta[1])}
    return {"language": language, "pages": info["page_count"], "words": words,
            "facets": facets, "counts": counts}  # fmt: skip


def test_parts_joined_hold_what_one_index_of_every_page_holds(tmp_path: Path) -> None:
    site = _site(tmp_path / "site")
    run_pagefind(site, output=tmp_path / "one")
    folders = []
    for name, pattern in ((ROOT_PART, "*.html"), ("notices", "notices/**/*.html"),
                          ("standards", "standards/**/*.html")):  # fmt: skip
        folders.append(tmp_path / f"part-{name}")
        run_pagefind(site, pages=pattern, output=folders[-1])
    merge(folders, tmp_path / "joined")
    one, joined = _contents(tmp_path / "one"), _contents(tmp_path / "joined")
    assert joined["pages"] == 5
    assert joined["facets"]["类型"]["标准"] == ["/standards/a/", "/standards/b/"]
    assert joined == one
    # The search code comes along, and a second merge changes nothing.
    assert (tmp_path / "joined/pagefind.js").is_file()
    before = {p: p.stat().st_mtime_ns for p in (tmp_path / "joined").rglob("*")}
    merge(folders, tmp_path / "joined")
    assert {p: p.stat().st_mtime_ns for p in (tmp_path / "joined").rglob("*")} == before


def test_a_merge_that_reuses_the_last_ones_chunks_finds_an_edit_as_a_fresh_one(
    tmp_path: Path,
) -> None:
    # A rebuild after one edit re-encodes only the word chunks whose parts changed
    # (the memo); readers must find the edited text exactly as after a clean build.
    site = _site(tmp_path / "site")
    patterns = {ROOT_PART: "*.html", "notices": "notices/**/*.html",
                "standards": "standards/**/*.html"}  # fmt: skip
    folders = [tmp_path / f"part-{name}" for name in patterns]
    for folder, pattern in zip(folders, patterns.values(), strict=True):
        run_pagefind(site, pages=pattern, output=folder)
    memo = tmp_path / "memo.json"
    merge(folders, tmp_path / "joined", memo)
    before = _contents(tmp_path / "joined")
    # The same words in another order: only where they are changes.
    page = site / "standards/b/index.html"
    text = page.read_text(encoding="utf-8")
    page.write_text(text.replace("三会一课 是党支部的基本制度", "基本制度 是党支部的三会一课"),
                    encoding="utf-8")  # fmt: skip
    run_pagefind(site, pages=patterns["standards"], output=folders[2])
    merge(folders, tmp_path / "joined", memo)
    merge(folders, tmp_path / "fresh")
    again, fresh = _contents(tmp_path / "joined"), _contents(tmp_path / "fresh")
    assert again["words"]["基本"]["/standards/b/"] != before["words"]["基本"]["/standards/b/"]
    assert again == fresh
    files = sorted(p.relative_to(tmp_path / "fresh") for p in (tmp_path / "fresh").rglob("*"))
    assert (
        sorted(p.relative_to(tmp_path / "joined") for p in (tmp_path / "joined").rglob("*"))
        == files
    )
    # A damaged memo is not trusted: the merge encodes every chunk again.
    memo.write_text("{", encoding="utf-8")
    merge(folders, tmp_path / "joined", memo)
    assert _contents(tmp_path / "joined") == fresh


def test_two_parts_pages_with_the_same_short_name_keep_their_own_text(tmp_path: Path) -> None:
    # Pagefind names a page's fragment by 7 digits of a digest: two parts can
    # both have a zh_1f36f23 (it happened at 2,000 pages).
    for part, text in (("a", "第一页"), ("b", "第二页")):
        (tmp_path / part / "fragment").mkdir(parents=True)
        (tmp_path / part / "fragment/zh_1f36f23.pf_fragment").write_text(text, encoding="utf-8")
    links: dict[str, str] = {}
    first = _fragments(tmp_path / "a", [["zh_1f36f23", 3]], "zh", links)
    second = _fragments(tmp_path / "b", [["zh_1f36f23", 4]], "zh", links)
    assert first == [["zh_1f36f23", 3]]
    assert second[0][0] != "zh_1f36f23" and second[0][1] == 4
    assert (
        Path(links[f"fragment/{second[0][0]}.pf_fragment"]).read_text(encoding="utf-8") == "第二页"
    )
    assert Path(links["fragment/zh_1f36f23.pf_fragment"]).read_text(encoding="utf-8") == "第一页"


def test_folders_of_many_pages_are_parts_of_their_own_the_rest_is_one_part() -> None:
    many = [f"notices/n{i}.md" for i in range(PART_PAGES)]
    groups = parts(["index.md", "glossary/index.md", "standards/a/index.md", *many])
    assert list(groups) == [ROOT_PART, "notices"]
    assert groups[ROOT_PART] == ["glossary/index.md", "index.md", "standards/a/index.md"]
    assert (
        part_glob(ROOT_PART, groups[ROOT_PART]) == "{*.html,glossary/**/*.html,standards/**/*.html}"
    )
    assert part_glob("notices", groups["notices"]) == "notices/**/*.html"
