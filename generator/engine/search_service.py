"""Pagefind kept running between indexes: its service mode (`pagefind_extended --service`).

Each run of Pagefind's command line starts afresh and loads its Chinese
segmenter again (about 0.2 s of the 0.35 s a part of 40 standard pages takes);
a service loads it once and indexes part after part. The build indexes its
parts with at most WORKERS services, started on first use and kept by the
process for its later builds (the benchmark, `handbook serve`), closed when it
exits. What a service writes is what the command line writes for the same
pages (tests check it byte for byte).

The protocol is Pagefind's (the PyPI package `pagefind` speaks it with asyncio and
polls every 0.1 s, too slow here): each message is base64 of a JSON object,
followed by a comma, on stdin; each answer likewise on stdout. A service that
dies or answers an error is closed (`ServiceFailed`); the caller tries another
once, then the command line, whose failure is the build's coded error.
"""

from __future__ import annotations

import atexit
import base64
import contextlib
import json
import os
import shutil
import subprocess
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

WORKERS = 2  # as many services as the build indexes parts at once
# The command line's options (`search.run_pagefind`), as the service's index settings.
CONFIG = {"exclude_selectors": [".headerlink"]}


class ServiceFailed(Exception):
    """The service died, could not be started, or answered with an error."""


class NoPages(Exception):
    """No page matched: the command line fails then, with its own words."""


class Service:
    """One running `pagefind_extended --service`, used by one thread at a time."""

    def __init__(self, binary: Path) -> None:
        try:
            self._process = subprocess.Popen(
                [str(binary), "--service"],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.DEVNULL,  # its answers are on stdout only
            )
        except OSError as error:
            raise ServiceFailed(str(error)) from None
        self._buffer = b""
        self._sent = 0

    @property
    def pid(self) -> int:
        """The service's process id (tests end it to check the fallback)."""
        return self._process.pid

    def index(self, site: Path, glob: str, output: Path) -> None:
        """Index the pages of `site` matching `glob` into the folder `output` (made anew)."""
        index = self._ask({"type": "NewIndex", "config": CONFIG})["index_id"]
        try:
            added = {"type": "AddDir", "index_id": index, "path": str(site), "glob": glob}
            if not self._ask(added).get("page_count"):
                raise NoPages(glob)
            # Its files, written here: the service answers WriteFiles before its
            # files are all written (an entry file was found empty).
            files = self._ask({"type": "GetFiles", "index_id": index}).get("files")
            _write(files, output)
        finally:
            if self.alive:
                self._ask({"type": "DeleteIndex", "index_id": index})

    @property
    def alive(self) -> bool:
        """Whether the process is still running."""
        return self._process.poll() is None

    def close(self) -> None:
        """End the service: it stops when its input ends; killed if it does not."""
        stdin = self._process.stdin
        try:
            if stdin is not None:
                stdin.close()
            self._process.wait(timeout=5)
        except (OSError, subprocess.TimeoutExpired):
            self._process.kill()
            self._process.wait()
        if self._process.stdout is not None:
            self._process.stdout.close()

    def end(self) -> None:
        """Close its input, without waiting: it ends by itself."""
        for pipe in (self._process.stdin, self._process.stdout):
            if pipe is not None:
                with contextlib.suppress(OSError):
                    pipe.close()

    def _ask(self, payload: dict[str, Any]) -> dict[str, Any]:
        self._sent += 1
        message = {"message_id": self._sent, "payload": payload}
        stdin, stdout = self._process.stdin, self._process.stdout
        assert stdin is not None and stdout is not None
        try:
            stdin.write(base64.b64encode(json.dumps(message).encode("utf-8")) + b",")
            stdin.flush()
            while True:
                answer = self._receive(stdout)
                if answer is not None and answer.get("message_id") == self._sent:
                    break
        except (OSError, ValueError) as error:  # a closed pipe, a garbled answer
            raise ServiceFailed(str(error)) from None
        result: dict[str, Any] = answer.get("payload") or {}
        if result.get("type") == "Error" or result.get("type") is None:
            raise ServiceFailed(str(result.get("message", "no answer")))
        return result

    def _receive(self, stdout: Any) -> dict[str, Any] | None:
        while b"," not in self._buffer:
            more = stdout.read1(1 << 20)
            if not more:
                raise ServiceFailed("the service ended")
            self._buffer += more
        message, _, self._buffer = self._buffer.partition(b",")
        answer = json.loads(base64.b64decode(message, validate=True))
        return answer if isinstance(answer, dict) else None


def _write(files: object, output: Path) -> None:
    """Write the service's files ([{"path", "content": base64}]) into `output`."""
    if not isinstance(files, list) or not files:
        raise ServiceFailed("no files")
    made: set[str] = set()
    top = str(output)
    try:
        for file in files:
            rel = str(file["path"])
            if rel.startswith(("/", "\\")) or ".." in rel.replace("\\", "/").split("/"):
                raise ServiceFailed(f"a file outside the index: {rel}")
            path = os.path.join(top, rel)
            folder = os.path.dirname(path)
            if folder not in made:
                os.makedirs(folder, exist_ok=True)
                made.add(folder)
            with open(path, "wb") as out:
                out.write(base64.b64decode(file["content"], validate=True))
    except (KeyError, TypeError, ValueError, OSError) as error:
        raise ServiceFailed(str(error)) from None


class Pool:
    """The process's services: an idle one is lent to an indexing thread, a new
    one started when none is idle; a failed one is closed and forgotten."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._idle: list[Service] = []
        self._all: list[Service] = []
        self.started = 0  # services started, for tests

    @contextmanager
    def lend(self, binary: Path) -> Iterator[Service]:
        """A service for one thread's use; returned when done, unless it failed."""
        with self._lock:
            service = self._idle.pop() if self._idle else None
        if service is None or not service.alive:
            if service is not None:
                self._forget(service)
            service = Service(binary)
            with self._lock:
                self._all.append(service)
                self.started += 1
        try:
            yield service
        except ServiceFailed:
            self._forget(service)
            raise
        except BaseException:
            self._give_back(service)
            raise
        self._give_back(service)

    def services(self) -> list[Service]:
        """The services running now (for tests)."""
        with self._lock:
            return list(self._all)

    def close(self) -> None:
        """End every service (at the process's exit)."""
        with self._lock:
            services, self._all, self._idle = self._all, [], []
        for service in services:
            service.close()

    def _give_back(self, service: Service) -> None:
        with self._lock:
            if service in self._all:
                self._idle.append(service)

    def _forget(self, service: Service) -> None:
        with self._lock:
            if service in self._all:
                self._all.remove(service)
            if service in self._idle:
                self._idle.remove(service)
        service.close()


POOL = Pool()


@atexit.register
def _at_exit() -> None:
    """The services end with the process: their input closed, no waiting (a Ctrl-C
    as a build ends must not interrupt a wait here and show a traceback)."""
    try:
        with POOL._lock:
            services, POOL._all, POOL._idle = POOL._all, [], []
        for service in services:
            service.end()
    except KeyboardInterrupt:
        pass


def index(binary: Path, site: Path, glob: str, output: Path) -> bool:
    """Index with a service (a failed one is replaced once); False when no service
    could, and the caller runs the command line instead."""
    for _ in range(2):
        shutil.rmtree(output, ignore_errors=True)  # nothing of an older index stays
        try:
            with POOL.lend(binary) as service:
                service.index(site, glob, output)
            return True
        except ServiceFailed:
            continue
        except NoPages:
            break
    return False
