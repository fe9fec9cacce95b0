"""Publishing the engine's folder into site/: only what changed is copied."""

from __future__ import annotations

import os
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


def _times(folder: Path) -> dict[str, int]:
    return {
        p.relative_to(folder).as_posix(): p.stat().st_mtime_ns
        for p in [folder, *folder.rglob("*")]
        if p.is_dir()
    }


def test_publishing_again_in_one_process_or_from_another_gives_the_built_folder(
    tmp_path: Path,
) -> None:
    from generator.engine import publish as publishing

    built, site = tmp_path / "built", tmp_path / "site"
    for n in range(3):
        _write(built / f"standards/s{n}/index.html", f"标准 {n}")
    versions = ["首页", "新的首页", "再新的首页", "第四版首页", "第五版首页"]
    for n, text in enumerate(versions):
        _write(built / "index.html", text)
        _write(built / f"notices/n{n}/index.html", f"通知 {n}")  # a new folder each time
        if n == 1:  # a folder whose time alone changed (its files did not)
            os.utime(built / "standards/s0", ns=(10**18, 10**18))
        if n == 2:
            shutil.rmtree(built / "standards/s1")
        if n == 3:  # another process publishes meanwhile: this one's memory is out of date
            ours = dict(publishing._left)
            publishing._left.clear()
            publish(built, site)
            _write(built / "index.html", "别的进程之后的首页")
            publishing._left.update(ours)
        publish(built, site)
        assert _snapshot(site) == _snapshot(built)
        # Folders carry the built folders' times (`rsync -a` sends nothing for them).
        assert _times(site) == _times(built)
