"""The site's search: Pagefind indexes of the built pages.

The built site has one index ("pages", every page), because readers come first:
each index ranks its pages on its own statistics, so with the standards in an
index of their own the standard that defines 主题党日 came after every manual and
notice mentioning it (score 5.6 against 13.1 in one index), and each extra index
costs a search its own chunks (at 10,000 pages a search for 党支部 fetched 274 KiB
with one index, 286 KiB with two, 366 KiB with four). Pagefind cannot update an
index, so when the searchable text of any page changes (a clause, not a score:
scores and histories are outside search) the site is indexed again.

`handbook serve` splits its index by top-level folder (`engine/serve_search.py`),
merged in the browser (Pagefind's `mergeIndex`), so that an edit re-indexes only
its part: `shards` and `glob` say which pages go where.
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterable
from pathlib import Path

from generator import layout
from generator.engine.search_canon import canonicalize
from generator.errors import BuildFailed
from generator.layout import page_url

PAGES = "pages"  # the index of every page not in a section of its own


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


def run_pagefind(site: Path, shard: str = PAGES, pages: str = "**/*.html") -> None:
    """Index the pages of `site` matching the glob `pages` into `pagefind/<shard>/`,
    afresh; filter files are rewritten in a stable order."""
    out = f"{layout.SEARCH_DIR}/{shard}" if shard else layout.SEARCH_DIR
    shutil.rmtree(site / out, ignore_errors=True)  # nothing of an older index stays
    done = subprocess.run(
        [
            str(pagefind_binary()),
            "--site",
            str(site),
            "--glob",
            pages,
            "--output-subdir",
            out,
            "--quiet",
            # Permalink pilcrows are not text to search.
            "--exclude-selectors",
            ".headerlink",
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        raise BuildFailed("error.indexer", detail=f"{done.stdout}{done.stderr}".rstrip())
    canonicalize(site / out)  # filter files in a stable order: builds stay identical
