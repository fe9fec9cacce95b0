"""Publishing the engine's folder into site/: only what changed is copied."""

from __future__ import annotations

import shutil
from pathlib import Path

from generator.engine.publish import publish


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def _snapshot(folder: Path) -> dict[str, str | None]:
    return {
        p.relative_to(folder).as_posix(): p.read_text(encoding="utf-8") if p.is_file() else None
        for p in sorted(folder.rglob("*"))
    }


def test_site_follows_the_built_folder_and_keeps_unchanged_files(tmp_path: Path) -> None:
    built, site = tmp_path / "built", tmp_path / "site"
    _write(built / "index.html", "首页")
    _write(built / "standards/a/index.html", "标准")
    _write(built / "feed", "a file")
    _write(built / "old/page.html", "旧页面")
    publish(built, site)
    assert _snapshot(site) == _snapshot(built)
    kept = (site / "standards/a/index.html").stat().st_mtime_ns

    _write(built / "index.html", "新的首页")
    (built / "feed").unlink()
    _write(built / "feed/index.xml", "a folder now")  # a file becomes a folder
    shutil.rmtree(built / "old")  # a page the build no longer makes
    publish(built, site)
    assert _snapshot(site) == _snapshot(built)
    assert (site / "standards/a/index.html").stat().st_mtime_ns == kept  # not rewritten
    assert not list(site.rglob("*.part"))

    shutil.rmtree(built / "standards")
    _write(built / "standards", "a file now")  # a folder becomes a file
    publish(built, site)
    assert _snapshot(site) == _snapshot(built)


def test_a_new_search_index_reaches_the_site_only_when_published(tmp_path: Path) -> None:
    built, site = tmp_path / "built", tmp_path / "site"
    _write(built / "index.html", "首页")
    _write(built / "pagefind/pages/fragment/a.pf_fragment", "old")
    publish(built, site)
    shutil.rmtree(built / "pagefind/pages")  # what the indexer does before each run
    _write(built / "pagefind/pages/fragment/b.pf_fragment", "new")
    assert (site / "pagefind/pages/fragment/a.pf_fragment").read_text(encoding="utf-8") == "old"
    publish(built, site)
    assert _snapshot(site) == _snapshot(built)


def test_git_never_adds_the_previous_site_kept_beside_it(tmp_path: Path) -> None:
    import subprocess

    handbook = tmp_path / "handbook"
    subprocess.run(["git", "init", "-q", str(handbook)], check=True)
    (handbook / ".gitignore").write_text("/site/\n", encoding="utf-8")  # an older scaffold's
    built = tmp_path / "built"
    for text in ("首页", "新的首页", "再新的首页"):
        _write(built / "index.html", text)
        publish(built, handbook / "site")
        assert _snapshot(handbook / "site") == _snapshot(built)
    staged = subprocess.run(
        ["git", "add", "-A", "--dry-run"], cwd=handbook, capture_output=True, text=True, check=True
    ).stdout
    assert staged == "add '.gitignore'\n"
