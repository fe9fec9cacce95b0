"""Rebuilds of one handbook in one process (`handbook serve`, the benchmarks): what
the process keeps of its previous build (the generated project's files, the
engine's folder as it was published) never changes the site, which stays the one
a clean build makes, and the published site is never written into."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from generator import layout
from generator.core.memory import BuildCache
from generator.engine.build import build_site
from generator.pdf import stage
from tests.samples import AS_OF, clean_copy, copy_sample


def _files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}


def _clean_site(root: Path, target: Path) -> dict[str, bytes]:
    clean = clean_copy(root, target / "clean")
    build_site(clean, AS_OF)
    return _files(clean / "site")


def _edit(root: Path, rel: str, old: str, new: str) -> None:
    path = root / rel
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} is not in {rel}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.fixture
def root(tmp_path: Path) -> Path:
    """The sample, built once in this process."""
    root = copy_sample(tmp_path / "handbook")
    build_site(root, AS_OF)
    return root


def test_edits_rebuilt_one_after_another_make_the_sites_clean_builds_make(
    root: Path, tmp_path: Path
) -> None:
    # A page removed and a notice added: files and folders leave and join the
    # generated project, the engine's folder and the site.
    (root / "content/manuals/yewu-guifan/04-minzhu-pingyi.md").unlink()
    (root / "content/notices/xin-tongzhi.md").write_text(
        "---\nid: XZ-TB-2026-0099\ntype: 通知\ntitle: 关于新增通知的说明\n"
        "issuer: 中共某市直属机关工作委员会\npublished: 2026-11-01\n---\n\n新的通知正文。\n",
        encoding="utf-8",
    )
    build_site(root, AS_OF)
    site = _files(root / "site")
    assert not any(name.startswith("manuals/yewu-guifan/04-minzhu-pingyi/") for name in site)
    assert "notices/xin-tongzhi/index.html" in site
    assert site == _clean_site(root, tmp_path / "first")
    # Then a clause and a score, each rebuilt in turn; then nothing.
    _edit(root, "standards/liuhua-24/2023.yml", "text: ", "text: 修改后的条文。")
    build_site(root, AS_OF)
    _edit(root, "content/results/rounds/ducha-2025q1.yml", "huanjie: 5", "huanjie: 2")
    build_site(root, AS_OF)
    build_site(root, AS_OF)
    assert _files(root / "site") == _clean_site(root, tmp_path / "second")


def test_a_page_another_build_left_in_the_generated_project_is_not_published(
    root: Path, tmp_path: Path
) -> None:
    # Another process's build (one killed while writing) leaves a page this process
    # does not know of; a build that writes the project clears the memory's mark first.
    docs = root / layout.BUILD_DOCS
    other = BuildCache(root, docs)
    other.docs_changing()
    other.close()
    (docs / "liuxia.md").write_text("---\ntitle: 留下的页面\n---\n\n留下的页面。\n", "utf-8")
    # A new title changes the menu: the engine builds every page it finds.
    _edit(root, "standards/liuhua-24/2023.yml", "title: ", "title: 新")
    build_site(root, AS_OF)
    assert not (docs / "liuxia.md").exists()
    site = _files(root / "site")
    assert "liuxia/index.html" not in site
    assert site == _clean_site(root, tmp_path)


def test_a_pdf_made_again_leaves_the_published_one_as_it_was(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Set by worker processes (as a large handbook's are), finished while the engine runs.
    monkeypatch.setattr(stage, "_MANY", 1)
    root = copy_sample(tmp_path / "handbook")
    build_site(root, AS_OF)
    published = root / "site/pdf/standards/liuhua-24-2023.pdf"
    before = published.read_bytes()
    held = tmp_path / "held.pdf"  # what a reader downloading it during the build has open
    os.link(published, held)
    _edit(root, "standards/liuhua-24/2023.yml", "text: ", "text: 修改后的条文。")
    build_site(root, AS_OF)
    assert published.read_bytes() != before  # the new edition's PDF is published
    assert held.read_bytes() == before  # the old one was never written into
