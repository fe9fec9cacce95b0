"""Working days across weekends, public holidays and 调休 working weekends."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from generator.notices.load import load_calendar

REPO = Path(__file__).resolve().parents[2]
D = dt.date


@pytest.fixture(scope="module")
def calendar():  # type: ignore[no-untyped-def]
    cal, problems = load_calendar(REPO)
    assert problems == []
    return cal


@pytest.mark.parametrize(
    ("start", "days", "end"),
    [
        (D(2026, 11, 18), 5, D(2026, 11, 24)),  # Wednesday: over one weekend
        (D(2026, 11, 21), 1, D(2026, 11, 23)),  # starts on a Saturday: counting begins on Monday
        (D(2026, 11, 23), 5, D(2026, 11, 27)),  # Monday to Friday
        (D(2026, 9, 30), 5, D(2026, 10, 12)),  # National Day: Oct 1–7 off, Saturday Oct 10 works
        (D(2026, 9, 18), 2, D(2026, 9, 20)),  # Sunday Sep 20 is a 调休 working day
        (D(2026, 2, 13), 2, D(2026, 2, 14)),  # Spring Festival: Saturday Feb 14 works …
        (D(2026, 2, 13), 3, D(2026, 2, 24)),  # … then Feb 15–23 are off
        (D(2025, 12, 31), 2, D(2026, 1, 4)),  # across New Year: Jan 1–3 off, Sunday Jan 4 works
    ],
)
def test_end_of_a_period(calendar, start: dt.date, days: int, end: dt.date) -> None:  # type: ignore[no-untyped-def]
    assert calendar.end_of(start, days) == end


def test_weekends_and_holidays(calendar) -> None:  # type: ignore[no-untyped-def]
    assert not calendar.is_working_day(D(2026, 11, 22))  # Sunday
    assert calendar.is_working_day(D(2026, 10, 10))  # 调休 Saturday
    assert not calendar.is_working_day(D(2026, 10, 5))  # Monday in the National Day holiday
    assert calendar.covers(D(2026, 6, 1)) and not calendar.covers(D(2030, 6, 1))
