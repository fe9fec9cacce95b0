"""Each `handbook serve` keeps its own state: MkDocs loads a hook module once per
process, so the preview's search state lives in a plugin made per preview."""

from __future__ import annotations

from pathlib import Path

from generator import layout
from generator.core.memory import BuildCache
from generator.engine import build
from generator.engine.serve_mkdocs import PLUGIN, PreviewSession
from generator.engine.serve_search import ENTRY
from tests.samples import AS_OF, MINIMAL, Handbook


def _preview_project(handbook: Handbook) -> Path:
    memory = BuildCache(handbook.root, handbook.root / layout.BUILD_DOCS)
    try:
        return build.generate(
            handbook.root,
            memory,
            AS_OF,
            handbook.root / layout.SERVE_SITE,
            serve_hooks=True,
            pdf=False,
        )[1]
    finally:
        memory.close()


def test_two_previews_in_one_process_keep_their_own_search(handbook: Handbook) -> None:
    handbook.write("standards/demo/2020.yml", MINIMAL)
    config = _preview_project(handbook)
    first = PreviewSession(config, "127.0.0.1:8001")
    second = PreviewSession(config, "127.0.0.1:8002")
    try:
        assert first.config().plugins[PLUGIN] is first.plugin
        assert second.config().plugins[PLUGIN] is second.plugin
        first.build()
        indexed = first.plugin.search.runs
        assert indexed > 0  # the first build indexes before the preview opens
        assert second.plugin.search.runs == 0  # the other preview has indexed nothing
        second.build()
        assert second.plugin.search.runs == indexed
        assert first.plugin.search.runs == indexed  # untouched by the other preview's build
        for session in (first, second):
            standards = Path(session.site_dir, layout.SEARCH_DIR, "standards", ENTRY)
            assert standards.is_file(), f"{session.site_dir} has no search of its own"
    finally:
        first.close()
        second.close()
    assert not Path(first.site_dir).exists()
