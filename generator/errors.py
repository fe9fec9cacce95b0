"""The generator's exceptions and the problem records every stage reports."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from dataclasses import field as dataclass_field

from generator.messages import (
    DEFAULT_LANGUAGE,
    NOTHING,
    Params,
    Phrase,
    freeze,
    key_in_catalogue,
    phrase,
    render,
)


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with the input, located in a file.

    `path` is relative to the repository root, `line` and `column` are 1-based
    (0 when the whole file is meant), `field` is the key path such as
    `clauses[3].number` (empty when the file itself is meant), `code` the rule
    it breaks (`HB101`) and `params` what its message is made of; the message
    is worded from the catalogue in the language it is shown in (`messages`).
    """

    path: str
    line: int
    column: int
    field: str
    code: str
    params: Params = dataclass_field(default=(), compare=False)

    @classmethod
    def at(
        cls, path: str, line: int, column: int, field: str, code: str, /, **params: object
    ) -> Problem:
        """A problem of rule `code` with its parameters by name."""
        return cls(path, line, column, field, code, freeze(params))

    def moved(self, lines: int = 0, prefix: str = "") -> Problem:
        """The same problem `lines` further down, its field under `prefix`."""
        field = prefix + ("." + self.field if prefix and self.field else self.field)
        return replace(self, line=self.line + lines, field=field)

    def text(self, language: str = DEFAULT_LANGUAGE) -> str:
        """The message alone, in `language` (a `code` that is no key of the catalogue is
        shown as it is: a message written before it had a code)."""
        if not key_in_catalogue(self.code):
            return self.code
        return render(self.code, self.params, language)

    @property
    def message(self) -> str:
        """The message in the default language."""
        return self.text()

    def format(self, language: str = DEFAULT_LANGUAGE) -> str:
        """`path:line:column: field: message [code]`, for people."""
        where = self.path
        if self.line:
            where += f":{self.line}:{self.column}"
        message = self.text(language)
        if key_in_catalogue(self.code):
            message += f" [{self.code}]"
        return f"{where}: {self.field}: {message}" if self.field else f"{where}: {message}"

    def __str__(self) -> str:
        return self.format()


def did_you_mean(value: str, known: Iterable[str]) -> Phrase:
    """A hint naming the closest known name ("，是否应为 'x'？"), or nothing when none is close."""
    close = difflib.get_close_matches(value, sorted(known), n=1, cutoff=0.6)
    return phrase("did_you_mean", name=close[0]) if close else NOTHING


class RuleBroken(ValueError):
    """Raised by a model's validator: pydantic reports it as a `value_error`
    whose `ctx` carries this exception, so its code reaches the problem."""

    def __init__(self, code: str, **params: object) -> None:
        self.code = code
        self.params = freeze(params)
        super().__init__(code)


class HandbookError(Exception):
    """Base of every error the generator raises on purpose: a key of the
    catalogue's texts with its parameters (`HandbookError("error.git_ref",
    ref=ref)`), worded when shown; any other first argument is shown as it is."""

    def __init__(self, key: str, **params: object) -> None:
        self.key = key
        self.params = freeze(params)
        super().__init__(key)

    def text(self, language: str = DEFAULT_LANGUAGE) -> str:
        """The error in `language`."""
        if key_in_catalogue(self.key):
            return render(self.key, self.params, language)
        return self.key

    def __str__(self) -> str:
        return self.text()


# A place in a workbook or text table: `BOOK.xlsx:评分!B9`, `BOOK.xlsx:评分`, `data.csv:B9`.
_BOOK = re.compile(r"(.+?\.(?:xlsx|xlsm|xls|xlsb|ods|csv|txt|tsv))(?::(.*))?", re.IGNORECASE)
_CELL = re.compile(r"([A-Z]{1,3})([0-9]+)")


def place(path: str) -> tuple[str, str, int, int]:
    """A problem's place as (file, sheet, row, column): a sheet's cells in the order a
    person reads them (B9 before B10), any other file as itself."""
    book = _BOOK.fullmatch(path)
    if book is None:
        return path, "", 0, 0
    rest = book.group(2) or ""
    sheet, _, cell = rest.rpartition("!")
    found = _CELL.fullmatch(cell)
    if found is None:
        return book.group(1), rest, 0, 0
    column = 0
    for ch in found.group(1):
        column = column * 26 + ord(ch) - 64
    return book.group(1), sheet, int(found.group(2)), column


def _order(p: Problem) -> tuple[object, ...]:
    return (*place(p.path), p.line, p.column, p.field, p.code)


class ValidationFailed(HandbookError):
    """The input has problems; the build stops before anything is written."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems, key=_order)
        super().__init__(f"{len(self.problems)} problem(s) found")


class BuildFailed(HandbookError):
    """The engine or a post-build step failed; the previous site is kept."""
