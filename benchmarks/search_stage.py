"""The search stage alone: its wall time and the CPU seconds of every process it
uses (the build's, Pagefind's, the join's), for a full build and for clause edits.

    python benchmarks/search_stage.py [--size M] [--edits 5]

It makes and builds a synthetic handbook (benchmarks/make_handbook.py) in a
temporary folder, then indexes its built pages as a full build does (no parts,
no index, no memo yet) and, for each edit, inserts a word at the start of the
text of one standard's page and indexes again as a rebuild does (its group of
standard pages, then the join). CPU time is counted, not only wall time, so
that a busy machine shows the same work. To compare with another checkout, run
this file with that checkout first on the path (PYTHONPATH=/that/checkout).
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

# Last: a checkout named by PYTHONPATH comes first (the figures of another version).
sys.path.append(str(Path(__file__).resolve().parent.parent))

from benchmarks.make_handbook import make  # noqa: E402
from benchmarks.run import AS_OF  # noqa: E402
from generator import layout  # noqa: E402
from generator.engine import search  # noqa: E402
from generator.engine.build import build_site  # noqa: E402

TICK = os.sysconf("SC_CLK_TCK")


def _helpers() -> list[int]:
    """The processes kept running by this build process (Pagefind's services, the join)."""
    service, worker = (
        getattr(search, "search_service", None),
        getattr(search, "search_worker", None),
    )
    pids = [s.pid for s in service.POOL.services()] if service else []
    if worker and worker.WORKER.pid:
        pids.append(worker.WORKER.pid)
    return pids


def _cpu_of(pid: int) -> float:
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / TICK


def _peak_mib(pid: int) -> float:
    """A running process's peak resident memory."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0


def _memory() -> str:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    ended = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    kept = ", ".join(f"{_peak_mib(pid):.0f}" for pid in _helpers()) or "none"
    return (
        f"peak memory (MiB): this process {own:.0f}, the biggest process that ended {ended:.0f},"
        f" the processes kept running {kept}"
    )


def _own_cpu() -> float:
    me, children = (
        resource.getrusage(resource.RUSAGE_SELF),
        resource.getrusage(resource.RUSAGE_CHILDREN),
    )
    return me.ru_utime + me.ru_stime + children.ru_utime + children.ru_stime


def _measure(label: str, run: Callable[[], None]) -> None:
    helpers = {pid: _cpu_of(pid) for pid in _helpers()}
    cpu, wall = _own_cpu(), time.perf_counter()
    run()
    wall = time.perf_counter() - wall
    cpu = _own_cpu() - cpu + sum(_cpu_of(pid) - helpers.get(pid, 0.0) for pid in _helpers())
    print(f"- {label}: {wall:.3f} s wall, {cpu:.3f} CPU-s", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--size", choices=["S", "M", "L"], default="M")
    parser.add_argument("--edits", type=int, default=5)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix=f"handbook-search-{args.size}-"))
    try:
        root = make(args.size, work / "handbook")
        build_site(root, AS_OF, root / "site")
        built, store = root / layout.ENGINE_SITE, root / layout.SEARCH_PARTS
        docs = root / layout.BUILD_DOCS
        groups = search.parts(p.relative_to(docs).as_posix() for p in docs.rglob("*.md"))
        keys = {name: "0" for name in groups}
        print(f"## Search stage, {args.size} ({search.__file__})")
        shutil.rmtree(store, ignore_errors=True)
        shutil.rmtree(built / layout.SEARCH_DIR, ignore_errors=True)
        (store.parent / layout.SEARCH_MEMO).unlink(missing_ok=True)
        _measure(
            "full build", lambda: search.index_site(built, store, groups, keys, {}, fresh=True)
        )
        page = built / "standards/biaozhun-001/index.html"
        part = next(
            name for name, pages in groups.items() if "standards/biaozhun-001/index.md" in pages
        )
        for edit in range(args.edits):
            text = page.read_text(encoding="utf-8")
            page.write_text(text.replace("<p>", f"<p>修订{edit} ", 1), encoding="utf-8")
            previous = dict(keys)
            keys[part] = str(edit + 1)
            _measure(
                f"clause edit {edit + 1}",
                lambda previous=previous: search.index_site(
                    built, store, groups, keys, previous, fresh=False
                ),
            )
        print(f"- {_memory()}")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
