"""Every text an editor or operator reads, in each language: one catalogue per
language (`zh.py`, `en.py`), keyed by stable names.

Three kinds of key share the catalogues, all declared in `codes.py` with the
parameters they take:

- **rule codes** (`HB101`): one per rule a problem can break. A `Problem`
  carries its code and parameters and is worded only when it is shown, in the
  language chosen then (`--lang`, `HANDBOOK_LANG`, or `theme.language` in
  mkdocs.yml). Each code also has an explanation (`handbook explain HB101`):
  what the rule protects and how to fix it (per language), and a wrong and a
  right example (in `codes.py`, shared by the languages).
- **phrases** (`found.number`, `did_you_mean`): pieces a rule's message is made
  of, given as parameter values with `phrase(...)`, so that no English sentence
  is ever built in the code.
- **texts** (`cli.summary`, `help.check`): the command line's own words.

Adding a rule (for example a spreadsheet import's `BOOK.xlsx:评分!D7: …`):
pick the next free code in its domain's hundred (0 files and YAML, 1 models,
2 standards, 3 pages and citations, 4 notices, 5 results and composites,
6 settings, 7 spreadsheets; a new domain takes the next hundred), declare it in `codes.RULES` with its
parameters and examples, write its message and explanation in `zh.py` and
`en.py`, and report it with `doc.problem(loc, "HB7xx", name=...)` or
`Problem.at(path, line, column, field, "HB7xx", name=...)`. Then run
`handbook explain --write` to refresh the editors' reference page.
`tests/messages/test_catalogue.py` fails while a code lacks a message or an
explanation in a language, a message names a parameter its code does not
declare, or a call site gives other parameters than the declared ones.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Union

LANGUAGES = ("zh", "en")
DEFAULT_LANGUAGE = "zh"

Value = Union[str, int, float, "Phrase", tuple["Value", ...]]
Params = tuple[tuple[str, Value], ...]


@dataclass(frozen=True)
class Phrase:
    """A piece of a message, worded in the language of the message it is part of."""

    key: str
    params: Params = ()


def freeze(params: Mapping[str, object]) -> Params:
    """Parameters as a hashable tuple (lists become tuples; dates and others text)."""
    return tuple((name, _frozen(value)) for name, value in params.items())


def _frozen(value: object) -> Value:
    if isinstance(value, Phrase | str | int | float):
        return value
    if isinstance(value, list | tuple | set | frozenset):
        items = sorted(value) if isinstance(value, set | frozenset) else value
        return tuple(_frozen(v) for v in items)
    return str(value)


def phrase(key: str, **params: object) -> Phrase:
    """A phrase of the catalogue with its parameters."""
    return Phrase(key, freeze(params))


NOTHING = Phrase("nothing")


def language_of(setting: str | None) -> str:
    """The catalogue for a language setting: `zh`, `zh_CN`, `zh-Hans` → zh; `en`, `en_GB` → en;
    unset → the default; any other language → en (more readers of a foreign site read it)."""
    if not setting:
        return DEFAULT_LANGUAGE
    tag = setting.strip().lower().replace("_", "-")
    if tag.split("-")[0] == "zh":
        return "zh"
    return "en"


def catalogue(language: str) -> Mapping[str, str]:
    """The messages of one language."""
    from generator.messages import en, zh

    return zh.MESSAGES if language == "zh" else en.MESSAGES


def key_in_catalogue(key: str) -> bool:
    """Whether `key` names a text of the catalogues."""
    return key in catalogue(DEFAULT_LANGUAGE)


def render(key: str, params: Params, language: str) -> str:
    """The catalogue's text for `key` in `language`, its placeholders filled."""
    template = catalogue(language)[key]
    values = {name: _word(value, language) for name, value in params}
    return template.format_map(values)


def text(key: str, language: str, **params: object) -> str:
    """A text of the catalogue (the command line's words), filled in."""
    return render(key, freeze(params), language)


def _word(value: Value, language: str) -> str:
    if isinstance(value, Phrase):
        return render(value.key, value.params, language)
    if isinstance(value, tuple):
        return catalogue(language)["list.separator"].join(_word(v, language) for v in value)
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)
