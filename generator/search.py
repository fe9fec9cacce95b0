"""How the site's search is split into indexes.

Pagefind cannot update an index; it builds one from the pages it is given. The
site's search is therefore several indexes, one per part of the site, which the
reader's browser merges (Pagefind's `mergeIndex`; the merged ones share the
first one's WebAssembly, so a search fetches little more). A rebuild indexes
again only the parts whose searchable text changed: editing a standard
re-indexes the standards, not thousands of notices and result pages.
"""

from __future__ import annotations

from collections.abc import Iterable

from generator.urls import page_url

# Parts with their own index, besides "pages" (the home page, manuals, indexes).
SECTIONS = ("standards", "notices", "results")
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
    tops = sorted(
        {
            "index.html" if page_url(p) == "." else page_url(p).split("/", 1)[0] + "/**/*.html"
            for p in paths
        }
    )
    return tops[0] if len(tops) == 1 else "{" + ",".join(tops) + "}"
