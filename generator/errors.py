"""The generator's exceptions and the problem records every stage reports."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with the input, located in a file.

    `path` is relative to the repository root, `line` and `column` are 1-based
    (0 when the whole file is meant), `field` is the key path such as
    `clauses[3].number` (empty when the file itself is meant).
    """

    path: str
    line: int
    column: int
    field: str
    message: str

    def __str__(self) -> str:
        where = self.path
        if self.line:
            where += f":{self.line}:{self.column}"
        return (
            f"{where}: {self.field}: {self.message}" if self.field else f"{where}: {self.message}"
        )


def did_you_mean(value: str, known: Iterable[str]) -> str:
    """ "; did you mean 'x'?" for the closest known name, or nothing when none is close."""
    close = difflib.get_close_matches(value, sorted(known), n=1, cutoff=0.6)
    return f"; did you mean '{close[0]}'?" if close else ""


class HandbookError(Exception):
    """Base of every error the generator raises on purpose."""


class ValidationFailed(HandbookError):
    """The input has problems; the build stops before anything is written."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems)
        super().__init__(f"{len(self.problems)} problem(s) found")


class BuildFailed(HandbookError):
    """The engine or a post-build step failed; the previous site is kept."""
