"""Which search index each page goes to, and the Pagefind glob of each."""

from __future__ import annotations

import pytest

from generator import search

PATHS = [
    "index.md",
    "standards/index.md",
    "standards/a/index.md",
    "notices/n1.md",
    "results/units/u/index.md",
    "manuals/m/index.md",
    "glossary/index.md",
    "results/r1/scores.csv",
]


def test_one_index_for_the_whole_site_by_default() -> None:
    parts = search.shards(PATHS)
    assert list(parts) == ["pages"]
    assert "results/r1/scores.csv" not in parts["pages"]  # downloads are not pages
    assert search.glob("pages", parts["pages"]) == "**/*.html"


def test_named_sections_get_their_own_index(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(search, "SECTIONS", ("standards", "notices", "results"))
    parts = search.shards(PATHS)
    assert list(parts) == ["pages", "standards", "notices", "results"]  # pages first
    assert parts["standards"] == ["standards/a/index.md", "standards/index.md"]
    assert search.glob("standards", parts["standards"]) == "standards/**/*.html"
    assert (
        search.glob("pages", parts["pages"]) == "{glossary/**/*.html,index.html,manuals/**/*.html}"
    )
