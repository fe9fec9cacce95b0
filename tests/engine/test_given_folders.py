"""The handbook's folder and the site's folder are given to a build, not carried
by the build memory or worked out a second time."""

from __future__ import annotations

from pathlib import Path

from generator import layout
from generator.core.memory import BuildCache
from generator.engine.build import build_site
from tests.samples import AS_OF, MINIMAL, Handbook


def test_a_build_publishes_where_mkdocs_yml_says(handbook: Handbook) -> None:
    handbook.write("standards/demo/2020.yml", MINIMAL)
    config = handbook.root / layout.CONFIG_FILE
    config.write_text(config.read_text(encoding="utf-8") + "\nsite_dir: public\n", encoding="utf-8")
    build_site(handbook.root, AS_OF, pdf=False)
    assert (handbook.root / "public/standards/demo/index.html").is_file()
    assert not (handbook.root / "site").exists()


def test_the_build_memory_does_not_carry_the_handbooks_folder(tmp_path: Path) -> None:
    memory = BuildCache(tmp_path, tmp_path / layout.BUILD_DOCS)
    try:
        assert not hasattr(memory, "root")  # what needs the folder is given it
        assert memory.state_file == tmp_path / layout.CACHE_DIR / layout.CACHE_STATE
        assert memory.state_file.is_file()
    finally:
        memory.close()
