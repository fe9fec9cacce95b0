"""PDFs finished while the engine and search run (engine/finish.py): when worker
processes set them (many PDFs, or workers kept from an earlier build of the same
process), the pages that show their sizes are written with marks and filled in
before publishing; the site is the one a build that waits for them makes, and a
failure on either side stops the other and keeps the site."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from generator.engine import build as build_module
from generator.engine.build import build_site
from generator.errors import BuildFailed
from generator.pdf import stage, workers
from generator.pipeline import Later
from tests.samples import AS_OF, clean_copy, copy_sample, site_files

_EDITED = "修改后的条文。"


def _edit(root: Path) -> None:
    path = root / "standards/liuhua-24/2023.yml"
    text = path.read_text("utf-8")
    path.write_text(text.replace("text: ", f"text: {_EDITED}", 1), "utf-8")


def _finishing_threads() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name == "handbook-pdfs"]


@pytest.fixture
def in_workers(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The sample's PDFs set in worker processes (it has fewer than a full build's
    many); the names of the threads the PDFs were finished in."""
    monkeypatch.setattr(stage, "_MANY", 1)
    finished_in: list[str] = []
    work = Later.work

    def spy(self: Later) -> None:
        finished_in.append(threading.current_thread().name)
        work(self)

    monkeypatch.setattr(Later, "work", spy)
    return finished_in


def test_pdfs_finished_while_the_engine_runs_give_the_site_a_waiting_build_gives(
    tmp_path: Path, in_workers: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    root = copy_sample(tmp_path / "overlapped")
    build_site(root, AS_OF)
    _edit(root)
    docs = root / ".handbook/build/docs"
    home = (docs / "index.md").stat().st_mtime_ns
    result = build_site(root, AS_OF)
    assert in_workers == ["handbook-pdfs", "handbook-pdfs"]  # not the build's own thread
    assert set(result.pdfs_made) == {"pdf/standards/liuhua-24-2023.pdf", "pdf/huibian.pdf"}
    # The home page shows the 汇编's size: written with its mark, then with the size.
    assert (docs / "index.md").stat().st_mtime_ns != home
    assert _EDITED in (root / "site/standards/liuhua-24/index.html").read_text("utf-8")
    # The same bytes as a build that set the PDFs in its own process and waited.
    workers.stop()
    monkeypatch.setattr(stage, "_MANY", 10**6)
    clean = tmp_path / "waited"
    clean_copy(root, clean)
    build_site(clean, AS_OF)
    assert len(in_workers) == 2  # it waited: nothing finished in the background
    ours, theirs = site_files(root / "site"), site_files(clean / "site")
    assert sorted(ours) == sorted(theirs)
    assert [name for name in ours if ours[name] != theirs[name]] == []
    assert not any(b"\x00hb-pdf-size:" in data for data in ours.values())


def test_a_pdf_failing_while_the_engine_runs_keeps_the_site(
    tmp_path: Path, in_workers: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    root = copy_sample(tmp_path / "sample")
    build_site(root, AS_OF)
    before = site_files(root / "site")
    _edit(root)

    def fail(self: stage.Stage) -> None:
        raise BuildFailed("error.pdf_failed", kind="RuntimeError", detail="no room on the page")

    monkeypatch.setattr(stage.Stage, "make_assembled", fail)
    with pytest.raises(
        BuildFailed, match="^无法生成 PDF：RuntimeError: no room on the page；已发布的网站保持不变$"
    ):
        build_site(root, AS_OF)
    assert in_workers[-1] == "handbook-pdfs"
    assert site_files(root / "site") == before
    assert _finishing_threads() == []
    # The pages written with marks are not kept: the next build makes them again.
    monkeypatch.undo()
    build_site(root, AS_OF)
    home = (root / "site/index.html").read_text("utf-8")
    assert "hb-pdf-size" not in home and "（PDF，" in home
    assert _EDITED in (root / "site/standards/liuhua-24/index.html").read_text("utf-8")


def test_an_engine_failure_stops_the_pdfs_being_set(
    tmp_path: Path, in_workers: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    root = copy_sample(tmp_path / "sample")
    build_site(root, AS_OF)
    before = site_files(root / "site")
    _edit(root)

    def engine(config: Path, *, dirty: bool = False, key: str = "") -> bool:
        raise BuildFailed("error.engine", detail="主题模板有误")

    monkeypatch.setattr(build_module, "run_mkdocs", engine)
    with pytest.raises(BuildFailed, match="^网站引擎运行失败：主题模板有误$"):
        build_site(root, AS_OF)
    assert site_files(root / "site") == before
    assert _finishing_threads() == []
    assert not workers.kept()  # the workers were stopped, not left setting PDFs
