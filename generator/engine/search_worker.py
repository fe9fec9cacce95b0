"""The merge of the search index's parts (`search_merge`) in a process kept warm.

A merge reads every part, and at a province's size the parts' words are many,
so it runs in a process of its own: the build's process stays as small as it
was. Started anew for each merge, that process would read every part again
(most of a merge's time, though after one clause edit only one part of nine
changed) and pay Python's start. So one merge process is started on the first
merge and kept for the build process's later builds (the benchmark, `handbook
serve`): it keeps the parts it read (`search_part.Parts`) and reads again only
those written anew. It ends with the build's process (its input ends).

The protocol: one JSON line per merge on its input ({"out", "parts", "memo"}),
one JSON line back ({"code": 0 merged, 3 not mergeable, 1 failed}). A worker
that dies is started again once; if that fails too, the merge has failed and
the build indexes the site in one run instead (`search.index_site`).
"""

from __future__ import annotations

import atexit
import contextlib
import gc
import json
import subprocess
import sys
import threading
from pathlib import Path
from typing import IO

import generator
from generator.engine.search_merge import NotMergeable, merge
from generator.engine.search_part import Parts

MERGED, FAILED, NOT_MERGEABLE = 0, 1, 3


def serve(requests: IO[str], answers: IO[str]) -> None:
    """Merge what each line of `requests` asks, answering each on `answers`."""
    known = Parts()
    for line in requests:
        try:
            request = json.loads(line)
            memo = request.get("memo")
            merge(
                [Path(p) for p in request["parts"]],
                Path(request["out"]),
                Path(memo) if memo else None,
                known,
            )
            code = MERGED
        except NotMergeable:
            code = NOT_MERGEABLE
        except Exception:  # reported as a failure; the build indexes in one run instead
            known = Parts()  # nothing half-read is trusted
            gc.collect()  # what the failure left (its traceback's frames hold cycles)
            code = FAILED
        answers.write(json.dumps({"code": code}) + "\n")
        answers.flush()


class Worker:
    """The build process's merge worker, started on first use."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._process: subprocess.Popen[str] | None = None
        self.started = 0  # processes started, for tests

    @property
    def pid(self) -> int | None:
        """The worker's process id, if one runs (tests end it)."""
        return self._process.pid if self._process is not None else None

    def merge(self, out: Path, parts: list[Path], memo: Path | None) -> int:
        """Merge `parts` into `out` (`search_merge.merge`): MERGED, NOT_MERGEABLE or FAILED."""
        request = json.dumps(
            {"out": str(out), "parts": [str(p) for p in parts], "memo": str(memo or "")}
        )
        with self._lock:
            for _ in range(2):  # a worker that died is started again, once
                try:
                    return self._ask(request)
                except (OSError, ValueError, KeyError, TypeError):
                    self._stop()
            return FAILED

    def warm(self) -> None:
        """Start the worker if none runs, without waiting for it: Python's start and
        imports then happen while Pagefind indexes."""
        with self._lock:
            if self._process is None or self._process.poll() is not None:
                with contextlib.suppress(OSError):  # the merge tries again, then fails
                    self._start()

    def close(self) -> None:
        """End the worker."""
        with self._lock:
            self._stop()

    def _ask(self, request: str) -> int:
        if self._process is None or self._process.poll() is not None:
            self._start()
        process = self._process
        assert process is not None and process.stdin is not None and process.stdout is not None
        process.stdin.write(request + "\n")
        process.stdin.flush()
        answer = process.stdout.readline()
        if not answer:
            raise OSError("the merge worker ended")
        return int(json.loads(answer)["code"])

    def _start(self) -> None:
        self._stop()
        self._process = subprocess.Popen(
            [sys.executable, "-m", __name__],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,  # a failure is answered (FAILED), never shown
            text=True,
            encoding="utf-8",
            # The folder of this very `generator` package: the worker imports it, not another.
            cwd=Path(generator.__file__).resolve().parent.parent,
        )
        self.started += 1

    def _stop(self) -> None:
        process, self._process = self._process, None
        if process is None:
            return
        try:
            if process.stdin is not None:
                process.stdin.close()
            process.wait(timeout=5)
        except (OSError, subprocess.TimeoutExpired):
            process.kill()
            process.wait()
        if process.stdout is not None:
            process.stdout.close()


WORKER = Worker()


@atexit.register
def _at_exit() -> None:
    """The worker ends with the process: its input closed, no waiting (a Ctrl-C as
    a build ends must not interrupt a wait here and show a traceback)."""
    try:
        process, WORKER._process = WORKER._process, None
        for pipe in (process.stdin, process.stdout) if process is not None else ():
            if pipe is not None:
                with contextlib.suppress(OSError):
                    pipe.close()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    # What the worker keeps holds no cycles (lists, dicts, tuples): reference
    # counting frees it all, and the collector's passes over the parts it keeps
    # would cost each merge more than the merge itself.
    gc.disable()
    serve(sys.stdin, sys.stdout)
