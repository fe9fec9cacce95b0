"""One run at a time per handbook: the lock held by whatever writes `.handbook/` or `site/`.

`build` (from its first write to the end of publishing) and each of `serve`'s
regenerations hold it. A second run waits, saying which run holds it (its
command and process id), or stops at once with that message (`--no-wait`).

It is an `fcntl.flock` on `.handbook/lock`, not a file whose existence is the
lock: the kernel releases it when its process ends, however it ends (kill -9,
a crash, a power cut), so a lock left by a dead process never blocks. The
file's text only names the holder, for the message.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
from collections.abc import Callable, Iterator
from pathlib import Path

from generator import layout
from generator.errors import HandbookError
from generator.messages import Phrase, phrase


class Busy(HandbookError):
    """Another run holds the handbook's lock, and this one was asked not to wait."""


@contextlib.contextmanager
def one_run(
    root: Path, command: str, *, wait: bool = True, notify: Callable[[Phrase], None] | None = None
) -> Iterator[None]:
    """Hold the handbook's lock for the body; `notify` hears once that this run waits."""
    path = root / layout.LOCK_FILE
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = _holder(fd)
            if not wait:
                raise Busy("error.busy", holder=holder) from None
            if notify is not None:
                notify(phrase("notice.waiting", holder=holder))
            fcntl.flock(fd, fcntl.LOCK_EX)
        os.ftruncate(fd, 0)
        os.pwrite(fd, json.dumps({"command": command, "pid": os.getpid()}).encode(), 0)
        yield
    finally:
        os.close(fd)  # releases the lock


def _holder(fd: int) -> Phrase:
    """Who holds the lock, from what it wrote (it may be writing it right now)."""
    try:
        text = os.pread(fd, 4096, 0).decode("utf-8")
        info = json.loads(text)
        return phrase("lock.holder", command=str(info["command"]), pid=int(info["pid"]))
    except (OSError, ValueError, KeyError, TypeError):
        return phrase("lock.unknown")
