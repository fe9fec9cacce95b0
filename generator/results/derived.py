"""What the results' pages show of assessments made from the results (the
composites, `generator/composites/`, which the results may not import): typed
here, given by the composites' kind through the slots in `results/kind.py`."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import NamedTuple


@dataclass(frozen=True)
class Assessment:
    """An assessment made from rounds, as the results index lists it."""

    path: str  # its page in the docs folder
    title: str
    start: dt.date
    end: dt.date
    published: dt.date


class Standing(NamedTuple):
    """A unit's place in an assessment, as the unit's page shows it."""

    path: str
    title: str
    total: float | None
    rank: int | None
    of: int  # how many units are ranked
    grade: str | None
    change: float | None  # against the assessment before
