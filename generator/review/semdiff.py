"""What a change means, for a pull-request description: the difference between
the handbook at a base ref and the working tree, read through the models. Each
kind says its own lines (`Kind.diff`); this puts them in their sections."""

from __future__ import annotations

from collections.abc import Mapping

from generator.descriptor import words_of
from generator.pipeline import Result


def describe(base: Result | None, head: Result, L: Mapping[str, str]) -> str:
    """Markdown for a pull-request description; `base` None when the base has no handbook."""
    L = {**L, **words_of(head.kinds, head.settings.language)}  # the kinds' own words too
    parts = sorted((d for kind in head.kinds for d in kind.diff), key=lambda d: d[0])
    grouped: dict[str, list[str]] = {}
    for _, title, lines in parts:
        grouped.setdefault(title, []).extend(lines(base.store if base else None, head.store, L))
    sections = [
        f"### {L[title]}\n\n" + "\n".join(lines) for title, lines in grouped.items() if lines
    ]
    if not sections:
        return f"## {L['diff_title']}\n\n{L['diff_none']}\n"
    return f"## {L['diff_title']}\n\n" + "\n\n".join(sections) + "\n"
