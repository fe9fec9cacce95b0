"""What a period counted in working days shows is made again when only the holiday
calendar changes: a notice's and a draft for comment's end, wherever they appear
(pages, feeds, the catalog), as a clean build of the edited calendar shows it."""

from __future__ import annotations

from pathlib import Path

from generator import layout
from generator.engine.build import build_site
from tests.samples import AS_OF, clean_copy, copy_sample, site_files

NOTICE = "notices/biaogan-danwei-2026/index.html"
DRAFT = "standards/shuzhi-pingyi/drafts/2027.yml"


def _rebuilt_like_clean(root: Path, tmp_path: Path) -> None:
    build_site(root, AS_OF)
    clean = clean_copy(root, tmp_path / "clean")
    build_site(clean, AS_OF)
    assert site_files(root / "site") == site_files(clean / "site")


def test_a_calendar_edit_moves_an_unchanged_notices_period_end(tmp_path: Path) -> None:
    root = copy_sample(tmp_path / "handbook")
    build_site(root, AS_OF)
    page = (root / "site" / NOTICE).read_text(encoding="utf-8")
    assert "公示期已于2026年10月12日结束" in page  # 5 working days, 调休 10 October counted
    calendar = root / layout.CALENDAR
    text = calendar.read_text(encoding="utf-8")
    assert "  - 2026-10-10\n" in text
    calendar.write_text(text.replace("  - 2026-10-10\n", "", 1), encoding="utf-8")  # no 调休
    _rebuilt_like_clean(root, tmp_path)
    assert "公示期已于2026年10月13日结束" in (root / "site" / NOTICE).read_text(encoding="utf-8")


def test_a_calendar_edit_moves_an_unchanged_drafts_period_end(tmp_path: Path) -> None:
    root = copy_sample(tmp_path / "handbook")
    draft = root / DRAFT
    text = draft.read_text(encoding="utf-8")
    assert "  days: 60 " in text
    draft.write_text(text.replace("  days: 60 ", "  working_days: 20 ", 1), encoding="utf-8")
    build_site(root, AS_OF)
    before = (root / "site" / "catalog.json").read_bytes()
    calendar = root / layout.CALENDAR
    text = calendar.read_text(encoding="utf-8")
    calendar.write_text(
        text.replace("holidays:\n", "holidays:\n  - 2026-11-20\n", 1), encoding="utf-8"
    )
    _rebuilt_like_clean(root, tmp_path)
    assert (root / "site" / "catalog.json").read_bytes() != before  # the draft's end moved
