"""Builds that follow one another in one process (`handbook serve`, the benchmarks)
reuse what the engine found the time before, and still make the site a clean
build makes."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from generator.engine import engine_build
from generator.engine.build import build_site
from tests.engine.test_incremental import EDITS
from tests.samples import AS_OF, clean_copy, copy_sample, site_files


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = copy_sample(tmp_path_factory.mktemp("built"))
    build_site(root, AS_OF)
    return root


@pytest.mark.parametrize(
    ("edits", "walks"),
    [
        # Pages edited one after another: none keeps what the one before made.
        (["notice body", "clause text", "round score", "notice body"], 0),
        # A new menu (and the repository's settings) means a clean engine build, once.
        (["standard title (menu)", "clause text"], 1),
        (["site settings", "notice body"], 1),
    ],
)
def test_rebuilds_in_one_process_make_the_site_a_clean_build_makes(
    built: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, edits: list[str], walks: int
) -> None:
    root = tmp_path / "rebuilt"
    shutil.copytree(built, root, symlinks=True)
    build_site(root, AS_OF)  # nothing changed: the engine's findings are kept from here
    found = []
    find = engine_build._find
    monkeypatch.setattr(engine_build, "_find", lambda *a: found.append(1) or find(*a))
    for name in edits:
        EDITS[name](root)
        build_site(root, AS_OF)
    # The docs folder and the theme were walked again only when the engine key changed.
    assert len(found) == walks
    # What is kept between builds holds no page's text (the process stays small).
    assert engine_build._found is not None
    pages = [file.page for file in engine_build._found.state.files if file.page is not None]
    assert len(pages) > 50
    assert all(page.content is None and page.markdown is None for page in pages)
    clean = tmp_path / "clean"
    clean_copy(root, clean)
    build_site(clean, AS_OF)
    rebuilt, expected = site_files(root / "site"), site_files(clean / "site")
    assert sorted(rebuilt) == sorted(expected)
    assert [name for name in rebuilt if rebuilt[name] != expected[name]] == []


def test_a_failed_engine_build_keeps_nothing_for_the_next(built: Path, tmp_path: Path) -> None:
    root = tmp_path / "rebuilt"
    shutil.copytree(built, root, symlinks=True)
    build_site(root, AS_OF)
    assert engine_build._found is not None
    engine_build._found.state.files = None  # type: ignore[assignment]  # a build would fail on it
    EDITS["notice body"](root)
    with pytest.raises(TypeError):
        build_site(root, AS_OF)
    assert engine_build._found is None and engine_build._read is None
    build_site(root, AS_OF)  # and the next build is whole again
    assert "绝大多数单位" in (root / "site/notices/ducha-2026q3/index.html").read_text("utf-8")


def test_the_spare_of_a_new_site_is_made_during_the_next_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from generator.engine import publish as publishing

    root = copy_sample(tmp_path)
    shutil.rmtree(root / "site", ignore_errors=True)
    build_site(root, AS_OF)  # a site where there was none
    assert not (root / ".site.swap").exists()
    walked: list[str] = []
    tree = publishing.tree
    monkeypatch.setattr(
        publishing,
        "tree",
        lambda folder: walked.append(folder.relative_to(root).as_posix()) or tree(folder),
    )
    EDITS["notice body"](root)
    build_site(root, AS_OF)
    # The spare was made beside the site while the site was built, and the publish
    # walked nothing else, knowing the rest: the engine's folder from the build before,
    # listing again only the folders whose time changed.
    assert walked == [".site.swap"]
    assert (root / ".site.swap/.gitignore").is_file()
    assert "绝大多数单位" in (root / "site/notices/ducha-2026q3/index.html").read_text("utf-8")
    clean = tmp_path / "clean"
    clean_copy(root, clean)
    build_site(clean, AS_OF)
    assert site_files(root / "site") == site_files(clean / "site")


def test_the_site_shares_the_engines_files_and_a_rebuild_never_writes_into_them(
    built: Path, tmp_path: Path
) -> None:
    root = tmp_path / "rebuilt"
    shutil.copytree(built, root, symlinks=True)
    rel = "notices/ducha-2026q3/index.html"
    EDITS["notice body"](root)
    build_site(root, AS_OF)
    published, engine = root / "site" / rel, root / ".handbook/site" / rel
    assert published.stat().st_ino == engine.stat().st_ino  # linked, not copied
    first = published.read_text("utf-8")
    assert "绝大多数单位" in first
    (root / "content/notices/ducha-2026q3.md").write_text(
        (root / "content/notices/ducha-2026q3.md").read_text("utf-8").replace("绝大多数", "全部"),
        encoding="utf-8",
    )
    build_site(root, AS_OF)
    # The version published before is intact beside the new one (no file written into).
    assert (root / ".site.swap" / rel).read_text("utf-8") == first
    assert "全部单位" in (root / "site" / rel).read_text("utf-8")


def test_a_configuration_read_from_the_environment_is_read_anew_for_the_pages_made(
    built: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tmp_path / "rebuilt"
    shutil.copytree(built, root, symlinks=True)
    config = root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    site_name = re.search(r"^site_name: .*$", text, re.M)
    assert site_name is not None
    config.write_text(text.replace(site_name[0], "site_name: !ENV HB_SITE_NAME"), "utf-8")
    monkeypatch.setenv("HB_SITE_NAME", "第一个名称")
    build_site(root, AS_OF)
    monkeypatch.setenv("HB_SITE_NAME", "第二个名称")
    EDITS["notice body"](root)
    build_site(root, AS_OF)
    # The page made again shows the name as it is now, in its header too.
    notice = (root / "site/notices/ducha-2026q3/index.html").read_text("utf-8")
    header = notice[notice.index("<header") : notice.index("</header>")]
    assert "第二个名称" in header and "第一个名称" not in header
