"""A second build in the same process (`handbook serve`) takes what the first read
from the process instead of unpickling it: only if nothing the build does changes
those values, and only for files whose bytes are unchanged."""

from __future__ import annotations

import pickle
from pathlib import Path
from typing import Any

import pytest

from generator import layout
from generator.core import memory as memory_module
from generator.engine.build import build_site
from tests.samples import AS_OF, clean_copy, copy_sample, site_files

ROUND = "content/results/rounds/ducha-2025q1.yml"


def _kept(root: Path) -> dict[tuple[str, str], tuple[str, Any]]:
    state = str(root / layout.CACHE_DIR / layout.CACHE_STATE)
    found = [values for (path, _), values in memory_module._KEPT.items() if path == state]
    assert len(found) == 1
    return found[0]


def test_a_build_changes_nothing_it_read_and_the_next_one_reuses_it(tmp_path: Path) -> None:
    root = copy_sample(tmp_path / "handbook")
    build_site(root, AS_OF)
    first = _kept(root)
    pickled = {key: pickle.dumps(value) for key, (_, value) in first.items()}
    assert any(rel == ROUND for rel, _ in first)
    build_site(root, AS_OF)
    second = _kept(root)
    assert second.keys() == first.keys()
    reused = [key for key in first if second[key][1] is first[key][1]]
    assert reused == list(first)  # the same objects, not unpickled copies
    changed = [key for key, (_, value) in second.items() if pickle.dumps(value) != pickled[key]]
    assert changed == []  # two whole builds used them and left them as read


def test_edits_in_one_process_make_the_site_a_clean_build_makes(tmp_path: Path) -> None:
    root = copy_sample(tmp_path / "handbook")
    build_site(root, AS_OF)
    before = _kept(root)
    path = root / ROUND
    text = path.read_text(encoding="utf-8")
    assert "huanjie: 5" in text
    path.write_text(text.replace("huanjie: 5", "huanjie: 2", 1), encoding="utf-8")
    build_site(root, AS_OF)
    after = _kept(root)
    (edited,) = [key for key in after if key[0] == ROUND]
    assert after[edited][1] is not before[edited][1]  # read again, not kept
    clean = clean_copy(root, tmp_path / "clean")
    build_site(clean, AS_OF)
    assert site_files(root / "site") == site_files(clean / "site")


def test_the_code_version_follows_the_package_without_reading_it_each_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    template = tmp_path / "generator" / "render" / "templates" / "page.html.j2"
    template.parent.mkdir(parents=True)
    template.write_text("{{ title }}\n", encoding="utf-8")
    monkeypatch.setattr(layout, "PACKAGE", tmp_path / "generator")
    first = memory_module.code_version()
    assert memory_module.code_version() == first
    template.write_text("<h1>{{ title }}</h1>\n", encoding="utf-8")  # a template edited
    second = memory_module.code_version()
    assert second != first
    template.write_text("{{ title }}\n", encoding="utf-8")
    assert memory_module.code_version() == first
