"""A large YAML file read again after an edit (`handbook serve`) is parsed only where
it changed, and gives exactly what reading it whole gives: the same data, the same
raw texts for messages, the same problems at the same places."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.core import documents
from generator.core.documents import Document, load_yaml

HEADER = """\
# 示例
id: r01
title: 2023年第2季度督查
period: {kind: 季, start: 2023-04-01, end: 2023-06-30}
scores:
"""
FLOW = "  - {unit: danwei-%04d, scores: {k1: 2, k2: 3, k3: 4.5, k4: '?', k5: 1}}\n"
BLOCK = "- unit: danwei-%04d\n  scores:\n    k1: 2\n    k2: 3  # 备注\n    k3: 4.5\n"
FOOTER = "note: 完\n"


def _text(item: str, count: int = 600) -> str:
    return HEADER + "".join(item % n for n in range(count)) + FOOTER


def _read(path: Path, text: str) -> tuple[Document | None, list[str]]:
    path.write_text(text, encoding="utf-8")
    doc, problems = load_yaml(path, "content/results/rounds/r01.yml", places=False)
    return doc, [str(p) for p in problems]


def _whole(path: Path, text: str) -> tuple[Document | None, list[str]]:
    documents._READS.clear()  # nothing read before: the whole file is parsed
    return _read(path, text)


EDITS = [
    ("a score", FLOW, "danwei-0007, scores: {k1: 2", "danwei-0007, scores: {k1: 5"),
    (
        "a score, block style",
        BLOCK,
        "danwei-0007\n  scores:\n    k1: 2",
        "danwei-0007\n  scores:\n    k1: 7",
    ),
    (
        "a comment",
        BLOCK,
        "k2: 3  # 备注\n    k3: 4.5\n- unit: danwei-0300",
        "k2: 3  # 已改\n    k3: 4.5\n- unit: danwei-0300",
    ),
    ("the last item", FLOW, "danwei-0599, scores: {k1: 2", "danwei-0599, scores: {k1: 0"),
    ("the first item", FLOW, "danwei-0000, scores: {k1: 2", "danwei-0000, scores: {k1: 3"),
]


@pytest.mark.parametrize(("item", "old", "new"), [e[1:] for e in EDITS], ids=[e[0] for e in EDITS])
def test_an_edited_item_is_read_alone_and_gives_what_the_whole_file_gives(
    tmp_path: Path, item: str, old: str, new: str
) -> None:
    path = tmp_path / "r01.yml"
    before = _text(item)
    assert old in before
    first, _ = _whole(path, before)
    edited = before.replace(old, new, 1)
    spliced, problems = _read(path, edited)
    whole, whole_problems = _whole(path, edited)
    assert first is not None and spliced is not None and whole is not None
    assert problems == whole_problems == []
    assert spliced.data == whole.data
    assert spliced.raw == whole.raw
    # Only the edited item was read: the others are the very values read before.
    same = [a is b for a, b in zip(spliced.data["scores"], first.data["scores"], strict=True)]
    assert same.count(False) == 1


CHANGES = [
    ("an item added", FLOW % 7, FLOW % 7 + FLOW % 9999),
    ("a top-level value", "title: 2023年第2季度督查", "title: 2023年第3季度督查"),
    ("an anchor", "{unit: danwei-0007,", "&a {unit: danwei-0007,"),
    ("a day that does not exist", "{k1: 2, k2: 3", "{k1: 2023-02-30, k2: 3"),
    ("a duplicate key", "{k1: 2, k2: 3", "{k1: 2, k1: 3"),
    ("a syntax error", "danwei-0007, scores: {k1: 2", "danwei-0007, scores: {k1: [2"),
    ("a line at the margin", FLOW % 7, FLOW % 7 + "extra: 1\n"),
]


@pytest.mark.parametrize(("old", "new"), [c[1:] for c in CHANGES], ids=[c[0] for c in CHANGES])
def test_other_edits_read_the_whole_file_with_every_problem_placed(
    tmp_path: Path, old: str, new: str
) -> None:
    path = tmp_path / "r01.yml"
    before = _text(FLOW)
    _whole(path, before)
    edited = before.replace(old, new, 1)
    assert edited != before
    doc, problems = _read(path, edited)
    whole, whole_problems = _whole(path, edited)
    assert problems == whole_problems
    assert (doc is None) == (whole is None)
    if doc is not None and whole is not None:
        assert (doc.data, doc.raw) == (whole.data, whole.raw)
        assert doc.where(("scores", 7, "scores", "k1")) == whole.where(
            ("scores", 7, "scores", "k1")
        )


def test_a_problem_in_an_edited_item_is_placed_in_the_file(tmp_path: Path) -> None:
    path = tmp_path / "r01.yml"
    before = _text(FLOW)
    _whole(path, before)
    edited = before.replace(
        "danwei-0007, scores: {k1: 2", "danwei-0007, scores: {k1: 2023-02-30", 1
    )
    _, problems = _read(path, edited)
    assert problems == [
        "content/results/rounds/r01.yml:13:38: scores[7].scores.k1: "
        "'2023-02-30' 不是真实存在的日期（2023 年 2 月只有 28 天） [HB021]"
    ]
