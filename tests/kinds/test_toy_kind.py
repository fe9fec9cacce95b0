"""The descriptor per kind, proven with a kind defined outside the generator: 活动
(`tests/kinds/events/`, its model, stages, templates and words in its own files)
is registered by one line and appears in pages, menu, search, schema, diff and feed."""

from __future__ import annotations

import gzip
import json
import re
from pathlib import Path
from typing import Any

import cbor2
import pytest

from generator.engine.build import build_site
from generator.errors import ValidationFailed
from generator.kinds import KINDS, editor_wiring, schemas
from generator.pipeline import run
from generator.render.labels import labels_for
from generator.review.semdiff import describe
from tests.kinds.events.kind import KIND as EVENTS
from tests.samples import AS_OF, MINIMAL, REPO, Handbook

WITH_EVENTS = (*KINDS, EVENTS)  # the one registration line

EVENT = """\
id: dangri-11
title: 十一月主题党日
date: 2026-11-20
place: 党员活动室
"""


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small handbook with one standard and one event, built with the toy kind."""
    handbook = Handbook(tmp_path_factory.mktemp("events"))
    handbook.write("standards/demo/2020.yml", MINIMAL)
    handbook.write("content/events/dangri-11.yml", EVENT)
    build_site(handbook.root, AS_OF, pdf=False, kinds=WITH_EVENTS)
    return handbook.root / "site"


def _pagefind(path: Path) -> Any:
    return cbor2.loads(gzip.decompress(path.read_bytes())[len(b"pagefind_dcd") :])


def _read(site: Path, rel: str) -> str:
    return (site / rel).read_text(encoding="utf-8")


def test_its_pages_are_built(site: Path) -> None:
    page = _read(site, "events/dangri-11/index.html")
    assert "<h1" in page and "十一月主题党日" in page
    assert "地点：党员活动室" in page
    index = _read(site, "events/index.html")
    assert re.search(
        r'<a href="dangri-11/">十一月主题党日</a>（2026年11月20日，党员活动室）', index
    )


def test_it_has_a_menu_entry_after_the_results(site: Path) -> None:
    home = _read(site, "index.html")
    nav = home[home.index('class="md-nav md-nav--primary"') :]
    entries = re.findall(r'href="([^"#]+)" class="md-nav__link', nav)
    assert "events/" in entries
    assert entries.index("events/") > entries.index("standards/")


def test_its_pages_carry_its_search_facet(site: Path) -> None:
    page = _read(site, "events/dangri-11/index.html")
    assert 'data-pagefind-filter="类型[data-value]" data-value="活动"' in page
    assert 'data-pagefind-filter="年份[data-value]" data-value="2026"' in page
    facets = json.loads(
        re.search(r"data-hb-facets='([^']+)'", page)[1].replace("&#34;", '"')  # type: ignore[index]
    )
    assert facets["order"]["类型"] == ["标准", "操作手册", "公告公示", "考核结果", "活动", "术语"]
    # Pagefind indexed its index page and its event page under that value.
    filters = dict(_pagefind(p) for p in (site / "pagefind/pages/filter").glob("*.pf_filter"))
    assert len(dict(filters["类型"])["活动"]) == 2


def test_its_feed_entry_joins_the_notices(site: Path) -> None:
    atom = _read(site, "notices/atom.xml")
    assert "<title>【活动】十一月主题党日</title>" in atom


def test_its_schema_is_exported_and_wired() -> None:
    assert "event.schema.json" in schemas(WITH_EVENTS)
    assert "event.schema.json" not in schemas(KINDS)
    wiring = editor_wiring(".vscode/schemas", WITH_EVENTS)
    assert wiring["./.vscode/schemas/event.schema.json"] == "content/events/*.yml"


def test_handbook_diff_says_what_changed(handbook: Handbook) -> None:
    handbook.write("standards/demo/2020.yml", MINIMAL)
    base = run(handbook.root, AS_OF, render=False, kinds=WITH_EVENTS)
    handbook.write("content/events/dangri-11.yml", EVENT)
    head = run(handbook.root, AS_OF, render=False, kinds=WITH_EVENTS)
    out = describe(base, head, labels_for("zh"))
    assert "### 活动\n\n- 新增活动：十一月主题党日（2026-11-20）" in out
    changed = EVENT.replace("党员活动室", "会议室")
    handbook.write("content/events/dangri-11.yml", changed)
    out = describe(
        head, run(handbook.root, AS_OF, render=False, kinds=WITH_EVENTS), labels_for("zh")
    )
    assert "- 修改活动：十一月主题党日" in out


def test_a_wrong_event_is_a_located_problem(handbook: Handbook) -> None:
    handbook.write("standards/demo/2020.yml", MINIMAL)
    handbook.write("content/events/bad.yml", EVENT.replace("2026-11-20", "十一月"))
    with pytest.raises(ValidationFailed) as failed:
        run(handbook.root, AS_OF, render=False, kinds=WITH_EVENTS)
    (problem,) = [str(p) for p in failed.value.problems]
    assert problem.startswith("content/events/bad.yml:3:7: date:")


def test_unregistered_it_is_not_there(handbook: Handbook) -> None:
    """Without its line, the handbook knows nothing of it (its files are not read)."""
    handbook.write("standards/demo/2020.yml", MINIMAL)
    handbook.write("content/events/bad.yml", "not: [an event")
    result = run(handbook.root, AS_OF, render=False)
    assert "events" not in {kind.name for kind in result.kinds}


def test_the_generator_names_no_toy_kind() -> None:
    """Its words, templates and paths live in its own files only."""
    for path in (REPO / "generator").rglob("*"):
        if path.is_file() and path.suffix in (".py", ".j2", ".html", ".js", ".css", ".json"):
            text = path.read_text(encoding="utf-8")
            assert "kind_event" not in text and "tests.kinds" not in text, path
