"""The fonts the PDFs are set in: fontconfig is asked once per process while the
families the settings name are there, and again when one is missing."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.messages import Phrase
from generator.pdf import fonts
from generator.settings import PdfSettings


@pytest.fixture
def listings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> list[dict[str, set[str]]]:
    """What fontconfig lists, call by call (the last one again after it); each call counted."""
    serif, sans = tmp_path / "serif.otf", tmp_path / "sans.otf"
    serif.write_bytes(b"serif")
    sans.write_bytes(b"sans")
    given: list[dict[str, set[str]]] = [{"Noto Sans CJK SC": {str(sans)}}]
    calls: list[dict[str, set[str]]] = []

    def listed() -> dict[str, set[str]]:
        calls.append(given[min(len(calls), len(given) - 1)])
        return calls[-1]

    monkeypatch.setattr(fonts, "_chinese_families", listed)
    monkeypatch.setattr(fonts, "_listed", {})
    given.append({"Noto Serif CJK SC": {str(serif)}, "Noto Sans CJK SC": {str(sans)}})
    return calls


def test_a_font_installed_while_the_preview_runs_is_found_by_the_next_build(
    listings: list[dict[str, set[str]]],
) -> None:
    settings = PdfSettings()
    first = fonts.find_fonts(settings)
    assert not isinstance(first, Phrase) and first.serif == "Noto Sans CJK SC"  # in its place
    second = fonts.find_fonts(settings)  # the serif installed meanwhile
    assert not isinstance(second, Phrase) and second.serif == "Noto Serif CJK SC"
    assert fonts.find_fonts(settings) == second
    assert len(listings) == 2  # both there: not asked again


def test_a_font_file_gone_is_listed_again(
    listings: list[dict[str, set[str]]], tmp_path: Path
) -> None:
    settings = PdfSettings()
    fonts.find_fonts(settings)
    found = fonts.find_fonts(settings)
    assert not isinstance(found, Phrase) and len(found.files) == 2
    (tmp_path / "serif.otf").unlink()
    fonts.find_fonts(settings)
    assert len(listings) == 3
