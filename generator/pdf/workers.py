"""The worker processes that set the PDFs when there are many (`stage.Stage`).

They are spawned, not forked from the build's large process, and kept for the
process's next builds (`handbook serve`, a benchmark), whose few PDFs they then
set with the fonts they have read, off the build's thread: the build finishes
its PDFs while the engine runs (`engine/finish.py`). A failed build stops them.
"""

from __future__ import annotations

import concurrent.futures
import multiprocessing
import os

_POOL: concurrent.futures.ProcessPoolExecutor | None = None  # kept between builds


def kept() -> bool:
    """Whether an earlier build of this process left its workers."""
    return _POOL is not None and not getattr(_POOL, "_broken", False)


def workers() -> concurrent.futures.ProcessPoolExecutor:
    """The workers (one or two): the kept ones, or new ones (none kept, or one died)."""
    global _POOL
    if _POOL is None or not kept():
        spawn = multiprocessing.get_context("spawn")
        count = max(1, min(os.cpu_count() or 1, 2))
        _POOL = concurrent.futures.ProcessPoolExecutor(count, mp_context=spawn)
    return _POOL


def stop(pool: concurrent.futures.ProcessPoolExecutor | None = None, *, wait: bool = True) -> None:
    """Stop `pool` at once, dropping its work (default: the kept workers); not kept after."""
    global _POOL
    pool = pool or _POOL
    if pool is None:
        return
    pool.shutdown(wait=wait, cancel_futures=True)
    if pool is _POOL:
        _POOL = None
