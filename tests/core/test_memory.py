"""The build memory: what a rebuild may reuse, and that it reuses nothing stale."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from generator import layout
from generator.core import memory as memory_module
from generator.core.memory import BuildCache, digest, digest_parts, file_tree, folder_digest

REL = "standards/demo/2020.yml"


class Reader:
    """A file's `read()` that counts its calls."""

    def __init__(self, value: object) -> None:
        self.value = value
        self.calls = 0

    def __call__(self) -> object:
        self.calls += 1
        return self.value


def source(root: Path, text: str = "title: 示例标准\n") -> Path:
    path = root / REL
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def read_once(root: Path, path: Path, read: Reader) -> object:
    """One build that reads one file through the memory and keeps what it read."""
    cache = BuildCache(root, root / "docs")
    value = cache.memo(path, REL, "standard", read)
    cache.save_reads()
    cache.close()
    return value


def test_an_unchanged_file_is_not_read_again(tmp_path: Path) -> None:
    path = source(tmp_path)
    first = Reader({"title": "示例标准", "clauses": ["1.1", "1.2"]})
    assert read_once(tmp_path, path, first) == first.value
    again = Reader("not this")
    assert read_once(tmp_path, path, again) == {"title": "示例标准", "clauses": ["1.1", "1.2"]}
    assert (first.calls, again.calls) == (1, 0)


def test_a_file_whose_bytes_changed_is_read_again(tmp_path: Path) -> None:
    path = source(tmp_path)
    read_once(tmp_path, path, Reader("old"))
    source(tmp_path, "title: 示例标准（修订）\n")
    changed = Reader("new")
    assert read_once(tmp_path, path, changed) == "new"
    assert changed.calls == 1
    # and what it gave then is what the next build reuses
    assert read_once(tmp_path, path, Reader("not this")) == "new"


def test_what_one_kind_of_reading_gave_is_not_given_to_another(tmp_path: Path) -> None:
    path = source(tmp_path)
    read_once(tmp_path, path, Reader("as a standard"))
    cache = BuildCache(tmp_path, tmp_path / "docs")
    assert cache.memo(path, REL, "page", Reader("as a page")) == "as a page"
    cache.close()


def test_a_file_with_the_same_size_and_time_is_not_read_for_its_digest(tmp_path: Path) -> None:
    path = source(tmp_path, "aaaa\n")
    cache = BuildCache(tmp_path, tmp_path / "docs")
    before = cache.file_digest(path, REL)
    cache.save_reads()
    cache.close()
    stat = path.stat()
    path.write_text("bbbb\n", encoding="utf-8")  # same size
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # same modification time
    cache = BuildCache(tmp_path, tmp_path / "docs")
    assert cache.file_digest(path, REL) == before == digest("aaaa\n")  # trusted, not re-read
    cache.close()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    cache = BuildCache(tmp_path, tmp_path / "docs")
    assert cache.file_digest(path, REL) == digest("bbbb\n")
    cache.close()


def test_a_damaged_memory_is_started_afresh(tmp_path: Path) -> None:
    path = source(tmp_path)
    read_once(tmp_path, path, Reader("kept"))
    state = tmp_path / layout.CACHE_DIR / layout.CACHE_STATE
    state.write_bytes(b"not a database, the disk was full" * 100)
    cache = BuildCache(tmp_path, tmp_path / "docs")
    fresh = Reader("read again")
    assert cache.memo(path, REL, "standard", fresh) == "read again"
    assert fresh.calls == 1
    assert cache.old_pages == {} and cache.engine_key == ""
    cache.save_reads()
    cache.close()
    assert read_once(tmp_path, path, Reader("not this")) == "read again"


def write_page(docs: Path, path: str, text: str) -> None:
    (docs / path).parent.mkdir(parents=True, exist_ok=True)
    (docs / path).write_text(text, encoding="utf-8")


def test_page_keys_are_remembered_until_the_page_is_gone(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    cache = BuildCache(tmp_path, docs)
    write_page(docs, "a/index.md", "甲")
    write_page(docs, "b/index.md", "乙")
    cache.record_pages([("a/index.md", "key-a", "search-a"), ("b/index.md", "key-b", "search-b")])
    cache.save_pages()
    cache.close()

    cache = BuildCache(tmp_path, docs)
    assert cache.reusable("a/index.md", "key-a") == "search-a"
    assert cache.reusable("b/index.md", "key-b") == "search-b"
    assert cache.reusable("a/index.md", "another key") is None
    assert cache.reusable("c/index.md", "key-a") is None
    cache.record_pages([("a/index.md", "key-a", "search-a")])  # b is not made this time
    cache.save_pages()
    cache.close()

    cache = BuildCache(tmp_path, docs)
    assert cache.reusable("a/index.md", "key-a") == "search-a"
    assert cache.reusable("b/index.md", "key-b") is None
    cache.close()


def test_a_page_file_changed_or_removed_since_is_not_reusable(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    cache = BuildCache(tmp_path, docs)
    write_page(docs, "a/index.md", "甲")
    write_page(docs, "b/index.md", "乙")
    cache.record_pages([("a/index.md", "key-a", "s"), ("b/index.md", "key-b", "s")])
    cache.save_pages()
    cache.close()
    write_page(docs, "a/index.md", "甲乙丙")
    (docs / "b/index.md").unlink()
    cache = BuildCache(tmp_path, docs)
    assert cache.reusable("a/index.md", "key-a") is None
    assert cache.reusable("b/index.md", "key-b") is None
    cache.close()


def test_another_code_version_discards_everything(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    docs = tmp_path / "docs"
    path = source(tmp_path)
    cache = BuildCache(tmp_path, docs)
    cache.memo(path, REL, "standard", Reader("old code's record"))
    write_page(docs, "a/index.md", "甲")
    cache.record_pages([("a/index.md", "key-a", "s")])
    cache.save_pages()
    cache.set_engine("engine-key", {"standards": "k"})
    cache.close()

    monkeypatch.setattr(memory_module, "code_version", lambda: "the next release")
    cache = BuildCache(tmp_path, docs)
    assert cache.version == "the next release"
    assert cache.reusable("a/index.md", "key-a") is None
    assert (cache.engine_key, cache.search_keys, cache.old_stats) == ("", {}, {})
    fresh = Reader("new code's record")
    assert cache.memo(path, REL, "standard", fresh) == "new code's record"
    assert fresh.calls == 1
    cache.close()


def test_the_engine_key_is_remembered(tmp_path: Path) -> None:
    cache = BuildCache(tmp_path, tmp_path / "docs")
    cache.set_engine("engine-key", {"standards": "k1", "results": "k2"})
    cache.close()
    cache = BuildCache(tmp_path, tmp_path / "docs")
    assert (cache.engine_key, cache.search_keys) == (
        "engine-key",
        {"standards": "k1", "results": "k2"},
    )
    cache.close()


def test_digest_parts_depends_on_order_and_boundaries() -> None:
    # The same parts give the same digest in every process and build (no salt, no id()):
    # the build memory of yesterday's run is read by today's.
    assert digest_parts(["a", "b"]) == "1c904676c165e4841befe3082a10b6b8"
    assert digest_parts(["a", "b"]) != digest_parts(["b", "a"])
    assert digest_parts(["ab"]) != digest_parts(["a", "b"])
    assert digest_parts([12]) != digest_parts([1, 2])  # where one part ends counts
    assert digest_parts([1]) != digest_parts(["1"])


def test_file_tree_lists_folders_before_what_they_hold(tmp_path: Path) -> None:
    for rel in ("a/b/c.md", "a/d.md", "e.md", "f/g/h.md"):
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text("x" * len(rel), encoding="utf-8")
    (tmp_path / "empty").mkdir()
    tree = file_tree(tmp_path)
    assert set(tree) == {"a", "a/b", "a/b/c.md", "a/d.md", "e.md", "f", "f/g", "f/g/h.md", "empty"}
    order = list(tree)
    for rel in tree:
        if "/" in rel:
            assert order.index(rel.rsplit("/", 1)[0]) < order.index(rel), rel
    assert tree["a"] is None and tree["empty"] is None
    assert tree["a/b/c.md"] == (8, (tmp_path / "a/b/c.md").stat().st_mtime_ns)


def test_file_tree_of_a_missing_folder_is_empty(tmp_path: Path) -> None:
    assert file_tree(tmp_path / "nothing") == {}


def test_folder_digest_sees_names_and_contents_but_not_pycache(tmp_path: Path) -> None:
    (tmp_path / "pkg").mkdir()
    (tmp_path / "pkg" / "a.j2").write_text("甲", encoding="utf-8")
    before = folder_digest(tmp_path)
    (tmp_path / "pkg" / "__pycache__").mkdir()
    (tmp_path / "pkg" / "__pycache__" / "a.cpython-311.pyc").write_bytes(b"\x00compiled")
    assert folder_digest(tmp_path) == before
    (tmp_path / "pkg" / "a.j2").write_text("乙", encoding="utf-8")
    changed = folder_digest(tmp_path)
    assert changed != before
    (tmp_path / "pkg" / "a.j2").rename(tmp_path / "pkg" / "b.j2")
    assert folder_digest(tmp_path) != changed
