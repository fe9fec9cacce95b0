"""Rebuilds reuse the previous build, and the site they make is the one a clean
build makes, byte for byte, whatever the edit."""

from __future__ import annotations

import datetime as dt
import gzip
import json
import shutil
from collections.abc import Callable
from pathlib import Path

import cbor2
import pytest

from generator.engine import search
from generator.engine.build import build_site
from generator.errors import ValidationFailed
from generator.pipeline import Result
from tests.samples import AS_OF, copy_sample


def _edit(rel: str, old: str, new: str) -> Callable[[Path], None]:
    def apply(root: Path) -> None:
        path = root / rel
        text = path.read_text(encoding="utf-8")
        assert old in text, f"{old!r} is not in {rel}"
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

    return apply


def _delete(rel: str) -> Callable[[Path], None]:
    return lambda root: (root / rel).unlink()


def _add_notice(root: Path) -> None:
    (root / "content/notices/xin-tongzhi.md").write_text(
        "---\nid: XZ-TB-2026-0099\ntype: 通知\ntitle: 关于新增通知的说明\n"
        "issuer: 中共某市直属机关工作委员会\npublished: 2026-11-01\n---\n\n新的通知正文。\n",
        encoding="utf-8",
    )


EDITS: dict[str, Callable[[Path], None]] = {
    "clause text": _edit("standards/liuhua-24/2023.yml", "text: ", "text: 修改后的条文。"),
    "quoted clause": _edit(
        "standards/liuhua-24/2023.yml",
        "每月固定 1 天开展主题党日活动",
        "每月固定一天开展主题党日活动",
    ),
    "round score": _edit("content/results/rounds/ducha-2025q1.yml", "huanjie: 5", "huanjie: 2"),
    "unit name": _edit("content/results/units.yml", "name: 市税务局", "name: 市税务局机关"),
    "ledger row": _edit(
        "content/results/tables/zhenggai-2026q3.yml",
        "status: 整改中, contact: 赵",
        "status: 已完成, done: 2026-11-12, contact: 赵",
    ),
    "series name": _edit("content/results/series.yml", "name: 督查", "name: 日常督查"),
    "composite rule": _edit(
        "content/results/composites/kaoping-2025.yml", "missing: reweight", "missing: zero"
    ),
    "component score": _edit("content/results/rounds/shuzhi-2025.yml", "lvzhi: 30\n", "lvzhi: 1\n"),
    "notice body": _edit("content/notices/ducha-2026q3.md", "多数单位", "绝大多数单位"),
    "new citation": _edit(
        "content/manuals/yewu-guifan/02-zhuti-dangri.md",
        "主题党日一般安排",
        "另见 [[liuhua-24#taizhang-guifan]]。主题党日一般安排",
    ),
    "holiday calendar": _edit("content/notices/calendar.yml", "  - 2024-01-01\n", ""),
    "standard title (menu)": _edit("standards/liuhua-24/2023.yml", "title: ", "title: 新"),
    "site settings": _edit("mkdocs.yml", "site_name: ", "site_name: 新"),
    "page removed": _delete("content/manuals/yewu-guifan/04-minzhu-pingyi.md"),
    "notice added": _add_notice,
}


def _files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}


def _assert_same_site(rebuilt: Path, clean: Path) -> None:
    a, b = _files(rebuilt), _files(clean)
    assert sorted(a) == sorted(b)
    assert [name for name in a if a[name] != b[name]] == []


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample, built once; each test starts from a copy of it and its .handbook/."""
    root = copy_sample(tmp_path_factory.mktemp("built"))
    build_site(root, AS_OF)
    return root


def _copy(root: Path, target: Path) -> Path:
    shutil.copytree(root, target, symlinks=True)
    return target


def _rebuild(root: Path, as_of: dt.date = AS_OF) -> tuple[Result, list[str]]:
    stages: list[str] = []
    result = build_site(root, as_of, mark=stages.append)
    return result, stages


@pytest.mark.parametrize("name", list(EDITS))
def test_a_rebuild_after_an_edit_makes_the_site_a_clean_build_makes(
    built: Path, tmp_path: Path, name: str
) -> None:
    root = _copy(built, tmp_path / "rebuilt")
    EDITS[name](root)
    _rebuild(root)
    clean = tmp_path / "clean"
    shutil.copytree(root, clean, ignore=shutil.ignore_patterns(".handbook", "site"))
    build_site(clean, AS_OF)
    _assert_same_site(root / "site", clean / "site")


def test_a_rebuild_on_another_day_makes_the_site_a_clean_build_makes(
    built: Path, tmp_path: Path
) -> None:
    root = _copy(built, tmp_path / "rebuilt")
    later = dt.date(2027, 6, 1)
    _rebuild(root, later)
    clean = tmp_path / "clean"
    shutil.copytree(root, clean, ignore=shutil.ignore_patterns(".handbook", "site"))
    build_site(clean, later)
    _assert_same_site(root / "site", clean / "site")


def _mtimes(folder: Path) -> dict[str, int]:
    return {p.relative_to(folder).as_posix(): p.stat().st_mtime_ns for p in folder.rglob("*")}


def test_an_edited_clause_re_renders_its_pages_and_re_indexes_search(
    built: Path, tmp_path: Path
) -> None:
    root = _copy(built, tmp_path / "rebuilt")
    docs, engine_site = root / ".handbook/build/docs", root / ".handbook/site"
    before_docs, before_index = _mtimes(docs), _mtimes(engine_site / "pagefind")
    EDITS["clause text"](root)
    result, _ = _rebuild(root)
    rendered = {p.path for p in result.pages if p.content is not None}
    # The standard's pages and the indexes; not the other standards, nor the
    # pages citing other clauses of it, nor the results scored by its rubric.
    assert "standards/liuhua-24/index.md" in rendered
    assert "manuals/yewu-guifan/02-zhuti-dangri.md" not in rendered
    assert not any(
        p.startswith(("standards/wuhao-dangzhibu/", "results/"))
        for p in rendered
        if p != "results/index.md" and p != "results/units/index.md"
    )
    after_docs = _mtimes(docs)
    rewritten = {p for p in after_docs if after_docs[p] != before_docs.get(p)}
    assert rewritten == {
        "standards/liuhua-24/index.md",
        "standards/liuhua-24/2023/index.md",
        "standards/liuhua-24/2023/changes/index.md",
        # what prints the edition: its PDF and the 汇编 (the manual cites other clauses)
        "pdf/standards/liuhua-24-2023.pdf",
        "pdf/huibian.pdf",
    }
    after_index = _mtimes(engine_site / "pagefind")
    changed = {p for p in after_index if after_index[p] != before_index.get(p)}
    assert "pages/pagefind-entry.json" in changed  # the index was made again
    assert "修改后的条文。" in (root / "site/standards/liuhua-24/index.html").read_text("utf-8")


def test_an_edited_clause_re_indexes_only_its_part_of_search(
    built: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Every top-level folder a part of its own (the sample's folders are small).
    monkeypatch.setattr(search, "PART_PAGES", 1)
    root = _copy(built, tmp_path / "rebuilt")
    _rebuild(root)
    parts = root / ".handbook/cache/search"
    assert sorted(p.name for p in parts.iterdir()) == [
        "part-glossary",
        "part-manuals",
        "part-notices",
        "part-results",
        "part-standards",
        "root",
    ]
    before = _mtimes(parts)
    _edit("standards/liuhua-24/2023.yml", "text: ", "text: Zhenggaizhuyi ")(root)
    _rebuild(root)
    after = _mtimes(parts)
    changed = {p.split("/", 1)[0] for p in after if after[p] != before.get(p)}
    assert changed == {"part-standards"}
    # The search finds the new text, and the site is the one a clean build makes.
    assert "zhenggaizhuyi" in _index_words(root / "site/pagefind/pages")
    clean = tmp_path / "clean"
    shutil.copytree(root, clean, ignore=shutil.ignore_patterns(".handbook", "site"))
    build_site(clean, AS_OF)
    _assert_same_site(root / "site", clean / "site")


def test_a_clause_edit_re_indexes_only_the_group_of_standards_it_is_in(
    built: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The sample's standards cut into groups of a few pages, as a large handbook's are.
    monkeypatch.setattr(search, "PART_PAGES", 1)
    monkeypatch.setattr(search, "GROUP_PAGES", 4)
    root = _copy(built, tmp_path / "rebuilt")
    _rebuild(root)
    parts = root / ".handbook/cache/search"
    groups = sorted(p.name for p in parts.iterdir() if p.name.startswith("part-standards~"))
    assert len(groups) > 1
    before = _mtimes(parts)
    _edit("standards/liuhua-24/2023.yml", "text: ", "text: Zhenggaizhuyi ")(root)
    _rebuild(root)
    after = _mtimes(parts)
    changed = {p.split("/", 1)[0] for p in after if after[p] != before.get(p)}
    assert len(changed) == 1 and changed < set(groups)  # one group of standards, no other part
    # Every page is in the joined index once, the edit found; the site as a clean build's.
    assert "zhenggaizhuyi" in _index_words(root / "site/pagefind/pages")
    search.run_pagefind(root / "site", output=tmp_path / "one")  # every page in one run
    assert _page_count(root / "site/pagefind/pages") == _page_count(tmp_path / "one")
    clean = tmp_path / "clean"
    shutil.copytree(root, clean, ignore=shutil.ignore_patterns(".handbook", "site"))
    build_site(clean, AS_OF)
    _assert_same_site(root / "site", clean / "site")


def _page_count(index: Path) -> int:
    entry = json.loads((index / "pagefind-entry.json").read_text(encoding="utf-8"))
    return sum(int(language["page_count"]) for language in entry["languages"].values())


def _index_words(index: Path) -> set[str]:
    words: set[str] = set()
    for chunk in (index / "index").glob("*.pf_index"):
        data = gzip.decompress(chunk.read_bytes())[len(b"pagefind_dcd") :]
        words.update(word for word, _, _ in cbor2.loads(data)[0])
    return words


def test_a_changed_score_rewrites_result_pages_without_re_indexing_search(
    built: Path, tmp_path: Path
) -> None:
    root = _copy(built, tmp_path / "rebuilt")
    before_index = _mtimes(root / ".handbook/site/pagefind")
    EDITS["round score"](root)
    result, _ = _rebuild(root)
    assert _mtimes(root / ".handbook/site/pagefind") == before_index
    # Only the units whose row changed (the edited one, those it overtook or fell behind).
    units = [
        p for p in result.pages if p.path.startswith("results/units/") and p.path.count("/") == 3
    ]
    rendered = [p.path for p in units if p.content is not None]
    assert "results/units/shuiwu/index.md" in rendered
    assert len(rendered) < len(units) / 2
    html = (root / "site/results/ducha-2025q1/index.html").read_text("utf-8")
    assert 'data-pagefind-ignore="all"' in html  # scores are not searched, only the cover


def test_a_rebuild_without_changes_rewrites_nothing(built: Path, tmp_path: Path) -> None:
    root = _copy(built, tmp_path / "rebuilt")
    result, _ = _rebuild(root)
    # The indexes that list everything are made again, found the same and not rewritten,
    # so that the build says "0 个重新生成".
    assert sorted(p.path for p in result.pages if p.content is not None) == []


def test_a_damaged_cache_means_a_full_build_not_a_failure(built: Path, tmp_path: Path) -> None:
    root = _copy(built, tmp_path / "rebuilt")
    (root / ".handbook/cache/state.sqlite").write_bytes(b"not a database")
    result, _ = _rebuild(root)
    assert all(p.content is not None for p in result.pages)
    assert (root / "site/standards/liuhua-24/index.html").is_file()


def test_problems_in_unchanged_files_keep_their_lines_and_columns(
    built: Path, tmp_path: Path
) -> None:
    """A cached file keeps its data, not its places; a problem found in it later
    (here: a round naming a unit that was just removed) still points at the line."""
    root = _copy(built, tmp_path / "rebuilt")
    _edit(
        "content/results/units.yml", "  - id: shuiwu\n    name: 市税务局\n    kind: 市直单位\n", ""
    )(root)
    with pytest.raises(ValidationFailed) as cached:
        _rebuild(root)
    clean = tmp_path / "clean"
    shutil.copytree(root, clean, ignore=shutil.ignore_patterns(".handbook", "site"))
    with pytest.raises(ValidationFailed) as fresh:
        build_site(clean, AS_OF)
    assert [str(p) for p in cached.value.problems] == [str(p) for p in fresh.value.problems]
    rounds = [p for p in cached.value.problems if p.path.startswith("content/results/rounds/")]
    assert rounds and all(p.line > 1 for p in rounds)
