"""Build a synthetic handbook and report where the time and memory go.

    python benchmarks/run.py --size S|M|L

Prints a Markdown table of the stages (wall time, peak memory), the output size,
the median page size and the bytes one search fetches, then two lines:
`total: …` and `speedup vs Material search + prune: …`. The baseline builds the
same generated pages with MkDocs + Material and its built-in search (jieba for
Chinese) and `navigation.prune`: the best a careful user gets without us.
Run on demand; not part of the test suite.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.make_handbook import make  # noqa: E402
from generator.engine.build import build_site  # noqa: E402

AS_OF = dt.date(2026, 11, 22)
MIB = 1024 * 1024


# One edit of each kind the targets name: a clause's text, one unit's score in a round.
EDITS = [
    ("one standard (a clause's text)", "standards/biaozhun-001/2023.yml", "text: ", "text: 修订"),
    ("one round (a unit's score)", "content/results/rounds/r01.yml", "k1: 2", "k1: 5"),
]


def rss_mib(who: int = resource.RUSAGE_SELF) -> float:
    return resource.getrusage(who).ru_maxrss / 1024  # Linux reports KiB


def folder_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def merged(rows: list[tuple[str, float, float]]) -> list[tuple[str, float, float]]:
    """One row a stage, in the order the stages first end: the PDF stage ends twice
    (it hands the PDFs to its workers, which set them while the pages are rendered,
    then it waits for them and puts the booklets and the 汇编 together: in a build,
    after the search index, the engine and search having run meanwhile), and the
    pages' rendering with it."""
    found: dict[str, tuple[float, float]] = {}
    for stage, seconds, mem in rows:
        before, _ = found.get(stage, (0.0, 0.0))
        found[stage] = (before + seconds, mem)
    return [(stage, seconds, mem) for stage, (seconds, mem) in found.items()]


def search_bytes(site: Path, word: str) -> tuple[int, int]:
    """Bytes the browser fetches from /pagefind/ to answer one query, measured in
    Chromium, and then to narrow it by one facet (类型: 标准)."""
    import functools
    import http.server
    import threading

    from playwright.sync_api import sync_playwright

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:
            pass

    handler = functools.partial(Quiet, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    total = narrowed = 0
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(
                executable_path=os.environ.get("CHROMIUM", "/usr/bin/chromium"),
                args=[
                    "--headless",
                    "--no-sandbox",
                    "--disable-gpu",
                    "--disable-background-networking",
                ],
            )
            page = browser.new_page()
            page.goto(f"http://127.0.0.1:{server.server_port}/")
            sizes: list[int] = []
            page.on(
                "response", lambda r: sizes.append(len(r.body())) if "/pagefind/" in r.url else None
            )
            page.fill(".hb-search .md-search__input", word)
            page.wait_for_selector(".hb-search .md-search-result__item", timeout=30000)
            page.wait_for_timeout(1000)
            total = sum(sizes)
            page.click('.hb-search .hb-facet__value[data-value="标准"]')
            page.wait_for_function(
                "() => (document.querySelector('.hb-search').getAttribute('data-filters') || '').includes('标准')",
                timeout=30000,
            )
            page.wait_for_timeout(1000)
            narrowed = sum(sizes) - total
            browser.close()
    finally:
        server.shutdown()
        server.server_close()
    return total, narrowed


def indexer_peak_mib(site: Path) -> float:
    """Peak memory of Pagefind indexing the whole built site once, measured alone.

    A child's peak as seen by the build's own process would include what it
    inherited from that (large) process when forked; a small Python process
    that only runs Pagefind reports Pagefind's own."""
    from generator.engine.search import pagefind_binary

    out = "pagefind-benchmark"
    probe = (
        "import resource, subprocess, sys; "
        "subprocess.run(sys.argv[1:], check=True, capture_output=True); "
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
    )
    try:
        done = subprocess.run(
            [sys.executable, "-c", probe, str(pagefind_binary()), "--site", str(site)]
            + ["--glob", "**/*.html", "--output-subdir", out, "--quiet"],
            check=True,
            capture_output=True,
            text=True,
        )
    finally:
        shutil.rmtree(site / out, ignore_errors=True)
    return int(done.stdout.strip()) / 1024


def baseline(build_dir: Path, out: Path) -> float:
    """The same Markdown built by MkDocs + Material with its own Chinese search and prune."""
    config = build_dir / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    base = build_dir / "baseline.yml"
    base.write_text(
        text + f"\nplugins:\n  - search:\n      lang: zh\nsite_dir: {out}\nhooks: []\n",
        encoding="utf-8",
    )
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(base)], check=True, cwd=build_dir
    )
    return time.perf_counter() - start


def serve_latency(root: Path, port: int = 8765) -> tuple[float, float]:
    """Seconds from saving an edited standard to `handbook serve` answering with the
    new text, and to its search (in the dialog, in Chromium) finding it."""
    import urllib.request

    url = f"http://127.0.0.1:{port}/handbook/standards/biaozhun-001/"
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "generator",
            "serve",
            "--root",
            str(root),
            "--as-of",
            str(AS_OF),
            "-a",
            f"127.0.0.1:{port}",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )

    def fetch() -> str:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                return response.read().decode("utf-8")
        except OSError:
            return ""

    try:
        deadline = time.time() + 900
        while "SJ/DJ 001" not in fetch():
            if time.time() > deadline:
                raise RuntimeError("handbook serve did not start")
            time.sleep(1)
        time.sleep(3)  # let the watcher settle after the first build
        base = url.rsplit("standards/", 1)[0]
        before = index_entries(base)
        path = root / "standards" / "biaozhun-001" / "2023.yml"
        marker = "基准测试修改标记"
        path.write_text(
            path.read_text(encoding="utf-8").replace("text: ", f"text: {marker}", 1),
            encoding="utf-8",
        )
        start = time.perf_counter()
        while marker not in fetch():
            if time.perf_counter() - start > 300:
                raise RuntimeError("the edit never showed")
            time.sleep(0.1)
        shown = time.perf_counter() - start
        return shown, found_by_search(base, marker, start, before)
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def index_entries(base: str) -> str:
    """The entry files of the search indexes of the site at `base` ("" if unreachable)."""
    import urllib.request

    try:
        with urllib.request.urlopen(base, timeout=5) as response:
            page = response.read().decode("utf-8")
        names = re.search(r'data-hb-indexes="([^"]*)"', page)
        found = []
        for name in (names.group(1) if names else "pages").split():
            with urllib.request.urlopen(f"{base}pagefind/{name}/pagefind-entry.json") as r:
                found.append(r.read().decode("utf-8"))
        return "".join(found)
    except OSError:
        return ""


def found_by_search(base: str, word: str, start: float, seen: str) -> float:
    """Seconds since `start` until a search for `word` in the site at `base` finds it.

    The search indexes' entry files are watched (cheap; `seen` is what they were
    before the edit); when one changes, a search in the dialog tells whether
    the new text is found."""
    from playwright.sync_api import Error, sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=os.environ.get("CHROMIUM", "/usr/bin/chromium"),
            args=["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        try:
            while time.perf_counter() - start < 300:
                now = index_entries(base)
                if not now or now == seen:
                    time.sleep(0.05)
                    continue
                page = browser.new_page()
                try:
                    page.goto(base)
                    page.fill(".hb-search .md-search__input", word)
                    page.wait_for_function(
                        "q => document.querySelector('.hb-search').getAttribute('data-shown') === q",
                        arg=word,
                        timeout=5000,
                    )
                    if page.locator(".hb-search .md-search-result__item").count():
                        return time.perf_counter() - start
                    seen = now  # another part of the index changed: wait for the next
                except Error:  # a reload or an index being replaced: ask again
                    pass
                finally:
                    page.close()
        finally:
            browser.close()
    raise RuntimeError("search never found the edit")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--size", choices=["S", "M", "L"], default="S")
    parser.add_argument("--word", default="党支部", help="a common word to search for")
    parser.add_argument("--no-baseline", action="store_true")
    parser.add_argument(
        "--serve", action="store_true", help="also time an edit in `handbook serve`"
    )
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix=f"handbook-bench-{args.size}-"))
    root = make(args.size, work / "handbook")

    rows: list[tuple[str, float, float]] = []
    last = [time.perf_counter()]

    def mark(stage: str) -> None:
        now = time.perf_counter()
        rows.append((stage, now - last[0], rss_mib()))
        last[0] = now

    start = time.perf_counter()
    result = build_site(root, AS_OF, root / "site", mark=mark)
    total = time.perf_counter() - start
    peak = rss_mib()  # the full build's, before the rebuilds below
    site = root / "site"
    pages = len(result.pages)
    html = sorted(p.stat().st_size for p in site.rglob("*.html"))
    generator_time = sum(t for stage, t, _ in rows if stage not in ("engine", "search index"))

    print(f"## Benchmark {args.size}: {pages} pages\n")
    print("| stage | wall time (s) | ms/page | peak memory so far (MiB) |")
    print("| --- | ---: | ---: | ---: |")
    for stage, seconds, mem in merged(rows):
        print(f"| {stage} | {seconds:.2f} | {seconds / pages * 1000:.2f} | {mem:.0f} |")
    print(f"| **total** | **{total:.2f}** | **{total / pages * 1000:.2f}** | {rss_mib():.0f} |")
    print()
    print(
        f"- generator's own stages (all but engine and search index): {generator_time:.2f} s, "
        f"{generator_time / total:.1%} of the build"
    )
    print(
        f"- peak memory of the generator and the engine (one process): {peak:.0f} MiB; "
        f"of the search indexer (Pagefind extended, indexing every page at once): "
        f"{indexer_peak_mib(site):.0f} MiB"
    )
    # The time the build waited for its PDFs; they are set in workers while the pages
    # are rendered and, in a build, while the engine and search run (engine/finish.py):
    # how long that took from the stage's start is said after it.
    pdf_time = sum(t for stage, t, _ in rows if stage == "pdf")
    pdfs = sorted(p.stat().st_size for p in site.rglob("*.pdf"))
    if pdfs:
        names = [stage for stage, _, _ in rows]
        began = start + sum(t for _, t, _ in rows[: names.index("compute") + 1])
        overlapped = (
            f"; set in {result.later[0].done - began:.2f} s from the stage's start, "
            "alongside the pages, the engine and search"
            if result.later
            else ""
        )
        print(
            f"- PDF stage: {len(result.pdfs_made)} PDFs in {pdf_time:.2f} s "
            f"({pdf_time / max(1, len(result.pdfs_made)):.2f} s each), {sum(pdfs) / MIB:.1f} MiB, "
            f"median {statistics.median(pdfs) / 1024:.0f} KiB, the 汇编 "
            f"{(site / 'pdf/huibian.pdf').stat().st_size / MIB:.1f} MiB{overlapped}"
        )
    print(
        f"- output: {folder_size(site) / MIB:.1f} MiB, {len(html)} HTML files, median page {statistics.median(html) / 1024:.1f} KiB"
    )
    for what, rel, old, new in EDITS:
        path = root / rel
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
        rows.clear()
        start = last[0] = time.perf_counter()
        again = build_site(root, AS_OF, root / "site", mark=mark)
        seconds = time.perf_counter() - start
        rendered = sum(p.content is not None for p in again.pages)
        stages = ", ".join(f"{stage} {t:.2f}" for stage, t, _ in merged(rows) if t >= 0.01)
        print(
            f"- rebuild after editing {what}: {seconds:.2f} s, {seconds / total:.1%} of the full build "
            f"({rendered} pages rendered again, {len(again.pdfs_made)} PDFs made again; {stages})"
        )
    fetched, narrowed = search_bytes(site, args.word)
    print(
        f"- a search for “{args.word}” fetches {fetched / 1024:.0f} KiB (the facets' counts included); "
        f"narrowing it to 类型 标准 fetches {narrowed / 1024:.0f} KiB more"
    )
    speedup = "n/a"
    if not args.no_baseline:
        base_time = baseline(root / ".handbook" / "build", work / "baseline-site")
        index = work / "baseline-site" / "search" / "search_index.json"
        print(
            f"- baseline (MkDocs + Material, built-in search with jieba, navigation.prune): {base_time:.2f} s, "
            f"{base_time / pages * 1000:.2f} ms/page, search index {index.stat().st_size / MIB:.1f} MiB sent to every reader"
        )
        speedup = f"{base_time / total:.2f}x"
    if args.serve:
        shown, found = serve_latency(root)
        print(
            f"- `handbook serve`: an edited standard shows in {shown:.1f} s; "
            f"its search finds the new text after {found:.1f} s"
        )
    print()
    print(
        f"total: {pages} pages, {total:.1f} s, {total / pages * 1000:.1f} ms/page, peak {peak:.0f} MiB"
    )
    print(f"speedup vs Material search + prune: {speedup}")
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
