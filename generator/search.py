"""How the site's search is split into indexes.

Pagefind cannot update an index; it builds one from the pages it is given. The
search can be several indexes, one per part of the site, merged in the reader's
browser (Pagefind's `mergeIndex`); a rebuild then indexes again only the parts
whose searchable text changed. Each part costs a query its own index chunks:
at 10,000 pages a search for 党支部 fetched 366 KiB with four parts (standards,
notices, results, the rest) and 274 KiB with one. Standards are what editors
change most and their part is small: at 2,000 pages it adds 8 KiB to a search
(215 KiB against 207) and takes a standard edit's rebuild from 6.8 s to 2.7 s,
since it re-indexes a few hundred pages instead of all. So the site has two
indexes: the standards, and everything else. Scores and histories are outside
search, so a changed score re-indexes nothing.
"""

from __future__ import annotations

from collections.abc import Iterable

from generator.urls import page_url

# Top-level folders with their own index, besides "pages" (everything else).
SECTIONS: tuple[str, ...] = ("standards",)
PAGES = "pages"


def shard_of(path: str) -> str:
    """The index a page (its path in the docs folder) belongs to."""
    first = path.split("/", 1)[0]
    return first if first in SECTIONS else PAGES


def shards(paths: Iterable[str]) -> dict[str, list[str]]:
    """Pages by index, "pages" first (it carries the search code), then the sections."""
    found: dict[str, list[str]] = {}
    for path in paths:
        if path.endswith(".md"):
            found.setdefault(shard_of(path), []).append(path)
    order = [PAGES, *SECTIONS]
    return {name: sorted(found[name]) for name in order if name in found}


def glob(shard: str, paths: Iterable[str]) -> str:
    """The HTML files of a part of the built site, as a Pagefind glob."""
    if shard != PAGES:
        return f"{shard}/**/*.html"
    if not SECTIONS:
        return "**/*.html"
    tops = sorted(
        {
            "index.html" if page_url(p) == "." else page_url(p).split("/", 1)[0] + "/**/*.html"
            for p in paths
        }
    )
    return tops[0] if len(tops) == 1 else "{" + ",".join(tops) + "}"
