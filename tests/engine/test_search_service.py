"""Search indexed by Pagefind kept running (its service mode) and merged by a
worker kept warm: the same index, byte for byte, as Pagefind's command line and
a fresh merge make, build after build; a service or worker that dies is
replaced, and a Pagefind that cannot index at all is the coded error, never a
hang or a traceback."""

from __future__ import annotations

import json
import os
import signal
import stat
from pathlib import Path

import pytest

from generator.engine import search, search_service, search_worker
from generator.engine.search import ROOT_PART, run_pagefind
from generator.engine.search_merge import merge
from generator.engine.search_part import Parts
from generator.errors import BuildFailed
from tests.engine.test_search_merge import _contents, _read, _site


def _files(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def test_a_service_used_again_writes_what_the_command_line_writes(tmp_path: Path) -> None:
    site = _site(tmp_path / "site")
    run_pagefind(site, output=tmp_path / "command", service=False)
    started = search_service.POOL.started
    for run in ("first", "second"):  # the second run reuses the first one's service
        run_pagefind(site, output=tmp_path / run)
        assert _files(tmp_path / run) == _files(tmp_path / "command")
    assert search_service.POOL.started <= started + 1
    assert (tmp_path / "second/pagefind-entry.json").is_file()


def test_a_killed_service_is_replaced_and_the_index_is_the_same(tmp_path: Path) -> None:
    site = _site(tmp_path / "site")
    run_pagefind(site, output=tmp_path / "before")
    for service in search_service.POOL.services():
        os.kill(service.pid, signal.SIGKILL)
    run_pagefind(site, output=tmp_path / "after")
    assert _files(tmp_path / "after") == _files(tmp_path / "before")
    assert all(service.alive for service in search_service.POOL.services())


def test_when_no_service_starts_the_command_line_indexes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    site = _site(tmp_path / "site")
    run_pagefind(site, output=tmp_path / "command", service=False)
    search_service.POOL.close()

    def no_service(binary: Path) -> None:
        raise search_service.ServiceFailed("cannot start")

    monkeypatch.setattr(search_service, "Service", no_service)
    run_pagefind(site, output=tmp_path / "fallback")
    assert _files(tmp_path / "fallback") == _files(tmp_path / "command")


def test_a_pagefind_that_cannot_index_is_the_coded_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    broken = tmp_path / "pagefind_extended"
    broken.write_text("#!/bin/sh\necho 'Error: out of memory' >&2\nexit 1\n", encoding="utf-8")
    broken.chmod(broken.stat().st_mode | stat.S_IXUSR)
    monkeypatch.setattr(search, "pagefind_binary", lambda: broken)
    search_service.POOL.close()
    with pytest.raises(BuildFailed, match="^搜索索引生成失败：\nError: out of memory$"):
        run_pagefind(_site(tmp_path / "site"), output=tmp_path / "index")
    search_service.POOL.close()


def _parts(site: Path, tmp_path: Path) -> list[Path]:
    folders = []
    for name, pattern in ((ROOT_PART, "*.html"), ("notices", "notices/**/*.html"),
                          ("standards", "standards/**/*.html")):  # fmt: skip
        folders.append(tmp_path / f"part-{name or 'root'}")
        run_pagefind(site, pages=pattern, output=folders[-1])
    return folders


def test_a_warm_merge_after_edits_writes_what_a_fresh_merge_writes(tmp_path: Path) -> None:
    site = _site(tmp_path / "site")
    folders = _parts(site, tmp_path)
    known, memo = Parts(), tmp_path / "memo.json"
    merge(folders, tmp_path / "warm", memo, known)
    # One clause's words changed, then a page more in the middle part (later pages move).
    page = site / "standards/b/index.html"
    page.write_text(page.read_text(encoding="utf-8").replace("基本制度", "基本制度 组织生活"),
                    encoding="utf-8")  # fmt: skip
    for edit in ("clause", "page"):
        if edit == "page":
            extra = site / "notices/z/index.html"
            extra.parent.mkdir(parents=True)
            extra.write_text((site / "notices/y/index.html").read_text(encoding="utf-8")
                             .replace("换届提醒", "组织生活会"), encoding="utf-8")  # fmt: skip
        folders = _parts(site, tmp_path)
        merge(folders, tmp_path / "warm", memo, known)
        merge(folders, tmp_path / f"fresh-{edit}")
        assert _files(tmp_path / "warm") == _files(tmp_path / f"fresh-{edit}")
    assert _contents(tmp_path / "warm")["pages"] == 6


def test_a_killed_merge_worker_is_started_again_and_merges_the_same(tmp_path: Path) -> None:
    site = _site(tmp_path / "site")
    folders = _parts(site, tmp_path)
    merge(folders, tmp_path / "fresh")
    worker = search_worker.WORKER
    assert worker.merge(tmp_path / "warm", folders, None) == search_worker.MERGED
    pid = worker.pid
    assert pid is not None
    os.kill(pid, signal.SIGKILL)
    assert worker.merge(tmp_path / "warm", folders, None) == search_worker.MERGED
    assert worker.pid != pid
    assert _files(tmp_path / "warm") == _files(tmp_path / "fresh")


def test_parts_that_cannot_be_merged_are_answered_not_mergeable(tmp_path: Path) -> None:
    site = _site(tmp_path / "site")
    folders = _parts(site, tmp_path)
    (folders[1] / "pagefind-entry.json").write_text('{"languages": {}}', encoding="utf-8")
    assert search_worker.WORKER.merge(tmp_path / "out", folders, None) == (
        search_worker.NOT_MERGEABLE
    )
    assert not (tmp_path / "out").exists()


def test_when_no_merge_worker_starts_the_site_is_indexed_in_one_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    site = _site(tmp_path / "site")
    run_pagefind(site, output=tmp_path / "one")
    groups = {ROOT_PART: ["index.md"], "notices": ["notices/x/index.md", "notices/y/index.md"],
              "standards": ["standards/a/index.md", "standards/b/index.md"]}  # fmt: skip
    keys = {name: "1" for name in groups}
    search_worker.WORKER.close()
    monkeypatch.setattr(search_worker.sys, "executable", str(tmp_path / "no-python"))
    search.index_site(site, tmp_path / "store", groups, keys, {}, fresh=True)
    assert search_worker.WORKER.pid is None
    assert _contents(site / "pagefind/pages") == _contents(tmp_path / "one")


def test_a_warm_merge_after_a_new_metadata_field_writes_what_a_fresh_merge_writes(
    tmp_path: Path,
) -> None:
    # A page with a field no page had before numbers the merged fields anew: what the
    # warm merge kept of the parts that did not change must be numbered anew too.
    site = _site(tmp_path / "site")
    folders = _parts(site, tmp_path)
    known = Parts()
    merge(folders, tmp_path / "warm", tmp_path / "memo.json", known)
    page = site / "standards/c/index.html"
    page.parent.mkdir(parents=True)
    page.write_text((site / "standards/a/index.html").read_text(encoding="utf-8").replace(
        "<p>", '<p data-pagefind-meta="edition">2.0</p><p>', 1), encoding="utf-8")  # fmt: skip
    run_pagefind(site, pages="standards/**/*.html", output=folders[2])
    merge(folders, tmp_path / "warm", tmp_path / "memo.json", known)
    merge(folders, tmp_path / "fresh")
    assert _files(tmp_path / "warm") == _files(tmp_path / "fresh")
    assert "edition" in _read_meta_fields(tmp_path / "warm")


def _read_meta_fields(index: Path) -> list[str]:
    entry = json.loads((index / "pagefind-entry.json").read_text(encoding="utf-8"))
    ((_, info),) = entry["languages"].items()
    fields: list[str] = _read(index / f"pagefind.{info['hash']}.pf_meta")[5]
    return fields
