"""Plain words for what the machine refused: a full disk, a read-only folder, a
missing permission, a file that vanished. The CLI prints them instead of an
internal error; none of them is a bug in the generator, and each leaves the
published site as it was (publishing swaps in a whole new site or nothing).

The messages are the catalogue's `fault.*` texts (`generator/messages/`)."""

from __future__ import annotations

import errno
import sqlite3

from generator.messages import DEFAULT_LANGUAGE, text

KEYS = {  # the catalogue's text for each refusal
    errno.ENOSPC: "fault.disk_full",
    errno.EDQUOT: "fault.quota",
    errno.EROFS: "fault.read_only",
    errno.EACCES: "fault.access",
    errno.EPERM: "fault.not_permitted",
    errno.ENOENT: "fault.vanished",
    errno.ELOOP: "fault.loop",
    errno.EISDIR: "fault.is_folder",
    errno.ENOTDIR: "fault.not_folder",
}
DATABASE = {  # what SQLite says, for the build memory (.handbook/cache/state.sqlite)
    "database or disk is full": errno.ENOSPC,
    "attempt to write a readonly database": errno.EROFS,
    "unable to open database file": errno.EACCES,
}


def describe(
    exc: OSError | sqlite3.OperationalError, cache: str = "", language: str = DEFAULT_LANGUAGE
) -> str | None:
    """What to tell the user about `exc` in `language`, or None when it is not a
    fault of the machine we know how to name. `cache`: the build memory's path, for SQLite."""
    a_file = text("fault.a_file", language)  # when the system does not say which file
    if isinstance(exc, sqlite3.OperationalError):
        code = next((c for said, c in DATABASE.items() if said in str(exc)), None)
        return None if code is None else text(KEYS[code], language, path=cache or a_file)
    path = exc.filename if exc.filename is not None else a_file
    if exc.errno in KEYS:
        return text(KEYS[exc.errno], language, path=path)
    if exc.errno is None:
        return None
    return text("fault.other", language, path=path, reason=exc.strerror or str(exc))
