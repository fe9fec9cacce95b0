"""Where a value stands in a data file: its path of keys and list indexes, and
that path written the way messages name a field (`clauses[3].points`)."""

from __future__ import annotations

Loc = tuple[str | int, ...]


def format_loc(loc: Loc) -> str:
    """`("clauses", 3, "points")` → `clauses[3].points`."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out
