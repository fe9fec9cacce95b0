"""Every registered kind is wired all the way: a kind cannot be half-registered
without one of these failing (its menu place leads nowhere, its facet value is on
no page, a page's facet value belongs to no kind, a data file has no schema)."""

from __future__ import annotations

import re
from pathlib import Path

from generator.descriptor import MenuView
from generator.kinds import KINDS, schema_files
from generator.pipeline import run
from generator.render.labels import labels_for
from tests.samples import AS_OF, REPO

L = labels_for("zh")
FACET = re.compile(r'data-pagefind-filter="类型\[data-value\]" data-value="([^"]+)"')


def test_kind_names_are_unique() -> None:
    names = [kind.name for kind in KINDS]
    assert len(names) == len(set(names))


def test_every_facet_value_is_declared_by_a_kind_and_found_on_a_page(built_site: Path) -> None:
    declared = {L[key] for kind in KINDS for _, key in kind.search.kinds}
    found = {
        value
        for page in built_site.rglob("*.html")
        if "pagefind" not in page.parts
        for value in FACET.findall(page.read_text(encoding="utf-8"))
    }
    assert found == declared


def test_every_menu_place_leads_to_pages_of_the_sample() -> None:
    result = run(REPO, AS_OF, pdf=False)
    view = MenuView(result.pages, result.store, L)
    made = {p.path for p in result.pages}
    for kind in KINDS:
        for _, entries in kind.menu:
            found = entries(view)
            assert found, kind.name
            paths = re.findall(r"'([^']+\.md)'", repr(found))
            assert paths and set(paths) <= made, kind.name


def test_every_search_section_holds_pages_of_its_kind(built_site: Path) -> None:
    for kind in KINDS:
        if kind.search.section:
            assert (built_site / kind.search.section / "index.html").is_file(), kind.name


def test_every_kind_of_data_file_in_the_sample_has_a_schema() -> None:
    covered = {p for s in schema_files() for p in REPO.glob(s.sources)}
    data = {
        p
        for folder in ("standards", "content")
        for p in (REPO / folder).rglob("*.yml")
        if "assets" not in p.parts
    }
    assert data - covered == set()
