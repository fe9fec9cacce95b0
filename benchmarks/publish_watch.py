"""What a reader of site/ sees while sites are published, measured.

A site of `--files` pages in folders is published again and again, alternating
two versions (`--changed`: the share of files that differ), while a reader in
another process looks at site/ as a web server would: each look reads a sample
of pages by their paths. A look is whole (every page from one version), mixed
(pages from both versions), or missing (site/ or a page is not there). Then
publishing is killed (SIGKILL) at random moments, and what it left is looked at
in full.

    python benchmarks/publish_watch.py                       # this tree's publish
    python benchmarks/publish_watch.py --module OLD.py       # another publish(built, target)
"""

from __future__ import annotations

import argparse
import importlib.util
import multiprocessing as mp
import os
import random
import shutil
import signal
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

Publish = Callable[[Path, Path], None]


def load_publish(module: str | None) -> Publish:
    if module is None:
        from generator.engine.publish import publish

        return publish
    spec = importlib.util.spec_from_file_location("publish_under_test", module)
    assert spec and spec.loader
    loaded = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(loaded)
    return loaded.publish  # type: ignore[no-any-return]


def make_version(folder: Path, version: str, files: int, changed: float) -> list[str]:
    """The built site of one version; returns the pages that differ between versions."""
    differing = []
    for i in range(files):
        rel = f"section{i % 20}/page{i}/index.html"
        differs = i < files * changed
        text = f"{version} page {i}\n" if differs else f"same page {i}\n"
        path = folder / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text * 40, encoding="utf-8")
        stamp = 1_700_000_000 + (int(version[1:]) * 1000 if differs else 0)
        os.utime(path, (stamp, stamp))
        if differs:
            differing.append(rel)
    return differing


def look(site: Path, sample: list[str]) -> str:
    """One reader's look: the versions of the sampled pages (pages that differ
    between versions). The first page is read again at the end: a look during
    which it changed straddled a publish (each instant may still have been
    whole), and is counted apart."""
    versions = []
    for rel in [*sample, sample[0]]:
        try:
            with open(site / rel, encoding="utf-8") as page:
                versions.append(page.read(2))
        except FileNotFoundError:
            return "missing"
    if versions[0] != versions[-1]:
        return "straddled"
    return "whole" if len(set(versions)) == 1 else "mixed"


def reader(site: str, sample: list[str], stop: mp.Event, out: mp.Queue) -> None:  # type: ignore[type-arg]
    seen: Counter[str] = Counter()
    while not stop.is_set():
        seen[look(Path(site), sample)] += 1
    out.put(dict(seen))


def publisher(module: str | None, versions: list[str], site: str, seconds: float, out: mp.Queue) -> None:  # type: ignore[type-arg]
    publish = load_publish(module)
    end, n, spent = time.monotonic() + seconds, 0, 0.0
    while time.monotonic() < end:
        started = time.monotonic()
        publish(Path(versions[n % 2]), Path(site))
        spent += time.monotonic() - started
        n += 1
    out.put((n, spent / max(n, 1)))


def kill_one(module: str | None, built: str, site: str) -> None:
    load_publish(module)(Path(built), Path(site))


def whole_state(site: Path, differing: list[str]) -> str:
    """What a kill left: every page that differs between versions, from one version?"""
    if not site.is_dir():
        return "missing"
    return look(site, differing)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--module", help="a Python file with publish(built, target); default: this tree's")
    parser.add_argument("--files", type=int, default=2000)
    parser.add_argument("--changed", type=float, default=0.3)
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--kills", type=int, default=30)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="publish-watch-"))
    try:
        v1, v2, site = work / "v1", work / "v2", work / "site"
        differing = make_version(v1, "v1", args.files, args.changed)
        make_version(v2, "v2", args.files, args.changed)
        sample = random.Random(1).sample(differing, min(40, len(differing)))
        publish = load_publish(args.module)
        publish(v1, site)

        results: mp.Queue = mp.Queue()  # type: ignore[type-arg]
        stop = mp.Event()
        watcher = mp.Process(target=reader, args=(str(site), sample, stop, results))
        watcher.start()
        time.sleep(0.5)
        writer = mp.Process(
            target=publisher, args=(args.module, [str(v2), str(v1)], str(site), args.seconds, results)
        )
        writer.start()
        writer.join()
        n, mean = results.get()
        stop.set()
        watcher.join()
        seen = results.get()
        total = sum(seen.values())
        print(f"{args.files} pages, {args.changed:.0%} changed, {n} publishes, {mean * 1000:.0f} ms each")
        print(
            f"reader: {total} looks; whole {seen.get('whole', 0)}, mixed {seen.get('mixed', 0)}, "
            f"missing {seen.get('missing', 0)}, straddling a change {seen.get('straddled', 0)}"
        )

        states: Counter[str] = Counter()
        rng = random.Random(2)
        for _ in range(args.kills):
            publish(v1, site)
            kill = mp.Process(target=kill_one, args=(args.module, str(v2), str(site)))
            kill.start()
            time.sleep(rng.uniform(0.05, 0.05 + 1.5 * mean))
            if kill.pid is not None and kill.is_alive():
                os.kill(kill.pid, signal.SIGKILL)
            kill.join()
            states[whole_state(site, differing)] += 1
        print(
            f"after kill -9 mid-publish ({args.kills} times): "
            + ", ".join(f"{k} {v}" for k, v in sorted(states.items()))
        )
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
