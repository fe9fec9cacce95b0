"""Working days under a holiday calendar kept as data (法定节假日与调休).

`content/notices/calendar.yml` lists the public holidays that fall on weekdays
and the weekend days that are working days (调休). Everything else follows
the week: Monday to Friday work, Saturday and Sunday rest.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass(frozen=True)
class WorkCalendar:
    """Working days: Monday to Friday, less public holidays, plus 调休 working weekends."""

    holidays: frozenset[dt.date] = field(default_factory=frozenset)
    workdays: frozenset[dt.date] = field(default_factory=frozenset)

    def is_working_day(self, day: dt.date) -> bool:
        """Whether `day` is a working day."""
        if day in self.workdays:
            return True
        if day in self.holidays:
            return False
        return day.weekday() < 5

    def end_of(self, start: dt.date, working_days: int) -> dt.date:
        """The last day of a period of `working_days` working days beginning on `start`
        (counted from the first working day on or after `start`)."""
        day, counted = start, 0
        while True:
            if self.is_working_day(day):
                counted += 1
                if counted == working_days:
                    return day
            day += dt.timedelta(days=1)

    def working_days(self, start: dt.date, end: dt.date) -> tuple[dt.date, ...]:
        """The working days from `start` to `end`, both included."""
        days = (start + dt.timedelta(days=n) for n in range((end - start).days + 1))
        return tuple(day for day in days if self.is_working_day(day))

    def last_year(self) -> int | None:
        """The last year the calendar has data for (None: an empty calendar)."""
        return max((d.year for d in self.holidays | self.workdays), default=None)

    def covers(self, day: dt.date) -> bool:
        """Whether the calendar has data for the year of `day`."""
        return any(d.year == day.year for d in self.holidays | self.workdays)
