"""What one data file may cost to read, and the messages that say a limit was passed.

The limits are far above what any handbook needs (the largest sample file is
12 KB, 4 levels deep, with no aliases; the largest benchmark file, 6,200 units,
is 450 KB) and far below what would hurt: a file at every limit reads in about
a second and a few hundred MiB.

- `MAX_FILE_BYTES`: a data file larger than this is not read at all.
- `MAX_DEPTH`: lists and mappings nested deeper than this.
- `MAX_VALUES`: values in one file, counting each value an alias repeats.
- `MAX_ALIAS_VALUES`: values reached through aliases (`*name`). Our data never
  needs aliases; a few small ones are allowed, an alias bomb (9 levels of 9
  aliases: 387 million values from 1 KB) is refused at once.

The messages are the catalogue's rules HB030-HB040 (`generator/messages/`).
"""

from __future__ import annotations

MAX_FILE_BYTES = 8 * 1024 * 1024
MAX_DEPTH = 64
MAX_VALUES = 1_000_000
MAX_ALIAS_VALUES = 10_000


def too_large(size: int) -> dict[str, object]:
    """The parameters of HB030 for a file of `size` bytes: its size and the limit in MiB."""
    return {"size": f"{size / 1024 / 1024:.1f}", "limit": MAX_FILE_BYTES // 1024 // 1024}


def shown(limit: int) -> str:
    """A limit as editors read it: 1,000,000."""
    return f"{limit:,}"
