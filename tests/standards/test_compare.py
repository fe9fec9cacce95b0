"""Comparing editions clause by clause, matched by id."""

from __future__ import annotations

from pathlib import Path

from generator.standards.compare import compare_editions, diff_text
from generator.standards.load import load_standards

REPO = Path(__file__).resolve().parents[2]


def test_character_diff_marks_insertions_and_deletions() -> None:
    assert diff_text("每季度检查", "每月检查一次") == (
        ("equal", "每"),
        ("delete", "季度"),
        ("insert", "月"),
        ("equal", "检查"),
        ("insert", "一次"),
    )


def test_sample_revision_is_read_clause_by_clause() -> None:
    editions, problems = load_standards(REPO)
    assert problems == []
    models = {e.model.ref: e.model for e in editions}
    c = compare_editions(models["liuhua-24/2019"], models["liuhua-24/2023"])
    kinds = {ch.id: ch.kinds for ch in c.clauses if ch.changed}
    assert kinds == {
        "shuzhi-pingyi": ("reworded",),
        "jiancha-pingbi": ("withdrawn",),
        "shanghao-dangke": ("reworded",),
        "zhuti-dangri": ("added",),
        "huifeng-yanjin": ("renumbered",),  # 4.3 → 4.4: renumbered, not deleted and added
        "minzhu-pingyi": ("renumbered",),
        "tanhua-jishi": ("renumbered",),
    }
    assert (c.count("unchanged"), c.count("removed")) == (18, 0)
    points = {p.id: (p.old, p.new) for p in c.points}
    assert points == {"shuzhi": (5, 9), "dangke": (8, 5), "dangri": (None, 3), "jiancha": (4, None)}


def test_removed_clause_and_a_clause_both_renumbered_and_reworded() -> None:
    editions, _ = load_standards(REPO)
    models = {e.model.ref: e.model for e in editions}
    old = models["liuhua-24/2019"]
    new = old.model_copy(
        update={
            "sections": [s.model_copy(update={"clauses": s.clauses[:1]}) for s in old.sections[:1]]
        }
    )
    first = new.sections[0].clauses[0]
    moved = first.model_copy(update={"number": "1.9", "text": first.text + "（修订）"})
    new = new.model_copy(
        update={"sections": [new.sections[0].model_copy(update={"clauses": [moved]})]}
    )
    c = compare_editions(old, new)
    by_id = {ch.id: ch for ch in c.clauses}
    assert by_id["yingjian-jinjian"].kinds == ("renumbered", "reworded")
    assert by_id["yingjian-jinjian"].text[-1] == ("insert", "（修订）")
    assert by_id["banzi-jianquan"].kinds == ("removed",)
