"""The site's search: Pagefind indexes of the built pages.

The built site has one index ("pages", every page), because readers come first:
each index ranks its pages on its own statistics, so with the standards in an
index of their own the standard that defines 主题党日 came after every manual and
notice mentioning it (score 5.6 against 13.1 in one index), and each extra index
costs a search its own chunks (at 10,000 pages a search for 党支部 fetched 274 KiB
with one index, 286 KiB with two, 366 KiB with four).

Pagefind cannot update an index, so the build indexes each part of the site (a
top-level folder, `parts`) on its own into `.handbook/cache/search/`, again only
when the searchable text of its pages changed (a clause, not a score: scores and
histories are outside search), and joins the parts into the one index
(`engine/search_merge.py`), which ranks as one run of Pagefind over every page.

`handbook serve` splits its index by top-level folder (`engine/serve_search.py`),
merged in the browser (Pagefind's `mergeIndex`), so that an edit re-indexes only
its part: `shards` and `glob` say which pages go where.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import zlib
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from generator import layout
from generator.engine import search_service, search_worker
from generator.engine.search_canon import canonicalize
from generator.engine.search_merge import ENTRY
from generator.errors import BuildFailed
from generator.layout import page_url

PAGES = "pages"  # the index of every page not in a section of its own
ROOT_PART = ""  # the build's part of the pages in no folder (the home page, 404)
PART_PAGES = 100  # a top-level folder with fewer pages is indexed with ROOT_PART
# Folders whose pages editors change most, cut into parts of about GROUP_PAGES pages
# by their sub-folders (a standard's pages stay together): a clause edit then indexes
# a few standards again, not all. Each more part costs a full build one more start
# of Pagefind (about 0.15 s), so only these are cut.
SPLIT = (layout.STANDARDS_DIR,)
GROUP_PAGES = 40


def shard_of(path: str, sections: tuple[str, ...] = ()) -> str:
    """The index a page (its path in the docs folder) belongs to, given the
    folders (`sections`) that have an index of their own."""
    first = path.split("/", 1)[0]
    return first if first in sections else PAGES


def shards(paths: Iterable[str], sections: tuple[str, ...] = ()) -> dict[str, list[str]]:
    """Pages by index, "pages" first (it carries the search code), then the sections."""
    found: dict[str, list[str]] = {}
    for path in paths:
        if path.endswith(".md"):
            found.setdefault(shard_of(path, sections), []).append(path)
    order = [PAGES, *sections]
    return {name: sorted(found[name]) for name in order if name in found}


def glob(shard: str, paths: Iterable[str], sections: tuple[str, ...] = ()) -> str:
    """The HTML files of a part of the built site, as a Pagefind glob."""
    if shard != PAGES:
        return f"{shard}/**/*.html"
    if not sections:
        return "**/*.html"
    tops = sorted(
        {
            "index.html" if page_url(p) == "." else page_url(p).split("/", 1)[0] + "/**/*.html"
            for p in paths
        }
    )
    return tops[0] if len(tops) == 1 else "{" + ",".join(tops) + "}"


def pagefind_binary() -> Path:
    """Pagefind's extended build, which segments Chinese text."""
    try:
        from pagefind_bin_extended import get_executable
    except ImportError:  # pragma: no cover - it is a pinned dependency
        raise BuildFailed("error.indexer_missing") from None
    return Path(get_executable())


def parts(paths: Iterable[str]) -> dict[str, list[str]]:
    """The build's parts of the search index: pages (their paths in the docs
    folder) by the top-level folder of their address when it holds at least
    PART_PAGES of them, else in ROOT_PART with the pages in no folder. A folder
    of SPLIT is cut further (`_groups`). The same pages as the previous build's
    (a rebuild after an edit) are parted as they were, not again."""
    given = (PART_PAGES, GROUP_PAGES, SPLIT, tuple(paths))
    if _parted and _parted[0][0] == given:
        return {name: list(members) for name, members in _parted[0][1].items()}
    made = _parts(given[3])
    _parted[:] = [(given, {name: list(members) for name, members in made.items()})]
    return made


_parted: list[tuple[tuple[object, ...], dict[str, list[str]]]] = []


def _parts(paths: Iterable[str]) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for path in paths:
        if path.endswith(".md"):
            url = page_url(path)
            found.setdefault(url.split("/", 1)[0] if url != "." else ROOT_PART, []).append(path)
    grouped: dict[str, list[str]] = {}
    for top, members in found.items():
        own = top != ROOT_PART and len(members) >= PART_PAGES
        if own and top in SPLIT:
            grouped.update(_groups(top, members))
        else:
            grouped.setdefault(top if own else ROOT_PART, []).extend(members)
    return {name: sorted(grouped[name]) for name in sorted(grouped)}


def _groups(top: str, members: list[str]) -> dict[str, list[str]]:
    """The pages of the folder `top` in about len / GROUP_PAGES parts named `top~n`,
    each sub-folder's pages in one part, chosen by a digest of its name (a new
    standard leaves the others where they were)."""
    count = -(-len(members) // GROUP_PAGES)
    if count <= 1:
        return {top: members}
    grouped: dict[str, list[str]] = {}
    for path in members:
        below = page_url(path).split("/")[1:2]  # the sub-folder ([] for the folder's own page)
        n = zlib.crc32(below[0].encode("utf-8")) % count if below else 0
        grouped.setdefault(f"{top}~{n}", []).append(path)
    return grouped


def part_glob(part: str, members: Iterable[str]) -> str:
    """The HTML files of a part of the build's index (its pages' paths in the docs
    folder), as a Pagefind glob."""
    if "~" in part:  # some sub-folders of a folder, and its own page
        top = part.split("~", 1)[0]
        below = {"/".join(page_url(p).split("/")[:2]) for p in members}
        globs = [f"{top}/*.html"] if top in below else []
        globs += [f"{b}/**/*.html" for b in sorted(below - {top})]
        return "{" + ",".join(globs) + "}"
    if part != ROOT_PART:
        return f"{part}/**/*.html"
    tops = {page_url(p).split("/", 1)[0] for p in members} - {"."}
    return "{" + ",".join(["*.html", *(f"{top}/**/*.html" for top in sorted(tops))]) + "}"


def run_pagefind(
    site: Path,
    shard: str = PAGES,
    pages: str = "**/*.html",
    output: Path | None = None,
    *,
    service: bool = True,
) -> None:
    """Index the pages of `site` matching the glob `pages` into `pagefind/<shard>/`
    (or the folder `output`), afresh; filter files are rewritten in a stable order.
    `service`: by a Pagefind kept running (`search_service`) when one works, else
    by a run of its command line."""
    out = (
        output or site / (f"{layout.SEARCH_DIR}/{shard}" if shard else layout.SEARCH_DIR)
    ).resolve()
    binary = pagefind_binary()
    if not (service and search_service.index(binary, site.resolve(), pages, out)):
        _run_command(binary, site, pages, out)
    canonicalize(out)  # filter files in a stable order: builds stay identical


def _run_command(binary: Path, site: Path, pages: str, out: Path) -> None:
    """One run of Pagefind's command line; its failure is the coded error."""
    shutil.rmtree(out, ignore_errors=True)  # nothing of an older index stays
    done = subprocess.run(
        [
            str(binary),
            "--site",
            str(site),
            "--glob",
            pages,
            "--output-path",
            str(out),
            "--quiet",
            # Permalink pilcrows are not text to search (search_service.CONFIG: the same).
            "--exclude-selectors",
            ".headerlink",
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        raise BuildFailed("error.indexer", detail=f"{done.stdout}{done.stderr}".rstrip())


def index_site(
    site: Path,
    store: Path,
    groups: dict[str, list[str]],
    keys: dict[str, str],
    previous: dict[str, str],
    *,
    fresh: bool,
) -> None:
    """Bring the built site's one index (`pagefind/pages/`) up to date.

    `groups`: the parts' pages (`parts`), `keys`: each part's search key now,
    `previous`: as the last build left them in `store` (one folder per part);
    `fresh`: every page's HTML was written anew, so every part is indexed again. Parts whose key changed are
    indexed again, then all are joined; when they cannot be (pages in another
    language), the site is indexed in one run instead."""
    folders = {name: store / (f"part-{name}" if name != ROOT_PART else "root") for name in keys}
    for stale in store.glob("*") if store.is_dir() else ():
        if stale not in folders.values():
            shutil.rmtree(stale)
    changed = [
        name
        for name, folder in folders.items()
        if fresh or previous.get(name) != keys[name] or not (folder / ENTRY).is_file()
    ]
    changed.sort(key=lambda name: -len(groups[name]))  # the biggest first: both end together
    if changed:
        search_worker.WORKER.warm()  # the join's process starts while Pagefind indexes
    with ThreadPoolExecutor(max_workers=search_service.WORKERS) as pool:  # each is serial
        done = pool.map(
            lambda name: run_pagefind(
                site, pages=part_glob(name, groups[name]), output=folders[name]
            ),
            changed,
        )
        list(done)  # raises what a run raised
    index = site / layout.SEARCH_DIR
    target = index / PAGES
    if changed or not (target / ENTRY).is_file():
        indexed = [f.resolve() for f in folders.values() if _languages(f)]
        memo = (store.parent / layout.SEARCH_MEMO).resolve()
        # In a process of its own, kept warm: the parts' words are many (`search_worker`).
        merged = search_worker.WORKER.merge(target.resolve(), indexed, memo)
        if merged != search_worker.MERGED:
            run_pagefind(site)  # parts in other languages, or damaged: one run instead
    for stale in index.glob("*"):  # a part of an index this build does not make
        if stale.name != PAGES:
            shutil.rmtree(stale)


def _languages(folder: Path) -> bool:
    """Whether Pagefind found any page with text in this part."""
    entry = folder / ENTRY
    return entry.is_file() and bool(json.loads(entry.read_text(encoding="utf-8")).get("languages"))
