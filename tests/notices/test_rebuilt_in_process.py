"""A notice a process made in its previous build is made again when its period is
counted in another calendar, although its own file is unchanged."""

from __future__ import annotations

import shutil
from pathlib import Path

from generator import layout
from generator.engine.build import build_site
from tests.samples import AS_OF, copy_sample

NOTICE = "notices/biaogan-danwei-2026/index.html"


def _files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}


def test_a_calendar_edit_moves_an_unchanged_notices_period_end(tmp_path: Path) -> None:
    root = copy_sample(tmp_path / "handbook")
    build_site(root, AS_OF)
    page = (root / "site" / NOTICE).read_text(encoding="utf-8")
    assert "公示期已于2026年10月12日结束" in page  # 5 working days, 调休 10 October counted
    calendar = root / layout.CALENDAR
    text = calendar.read_text(encoding="utf-8")
    assert "  - 2026-10-10\n" in text
    calendar.write_text(text.replace("  - 2026-10-10\n", "", 1), encoding="utf-8")  # no 调休
    build_site(root, AS_OF)
    clean = tmp_path / "clean"
    for name in ("standards", "content", "site_templates", "mkdocs.yml", "CODEOWNERS"):
        source = root / name
        if source.is_dir():
            shutil.copytree(source, clean / name)
        else:
            clean.mkdir(exist_ok=True)
            shutil.copy(source, clean / name)
    build_site(clean, AS_OF)
    assert "公示期已于2026年10月13日结束" in (root / "site" / NOTICE).read_text(encoding="utf-8")
    assert _files(root / "site") == _files(clean / "site")
