"""How the site's search is split into indexes.

Pagefind cannot update an index; it builds one from the pages it is given. The
search can be several indexes, one per part of the site (name the top-level
folders in `SECTIONS`), merged in the reader's browser (Pagefind's
`mergeIndex`); a rebuild then indexes again only the parts whose searchable
text changed. The site has one index all the same, because readers come first:

- each index ranks its pages on its own statistics. With the standards in an
  index of their own, a search for 主题党日 listed the standard that defines it
  after every manual and notice that mentions it (score 5.6 against 13.1 in one
  index, whatever Pagefind's ranking options); in one index it comes second,
  after the manual's chapter of that name;
- each index costs a search its own chunks: at 10,000 pages a search for 党支部
  fetched 274 KiB with one index, 286 KiB with two, 366 KiB with four.

The price is paid by editors: when the searchable text of any page changes
(editing a clause, not a score: scores and histories are outside search), the
whole site is indexed again, about 1 ms a page.
"""

from __future__ import annotations

from collections.abc import Iterable

from generator.urls import page_url

# Top-level folders with their own index, besides "pages" (everything else).
SECTIONS: tuple[str, ...] = ()
PAGES = "pages"


def shard_of(path: str, sections: tuple[str, ...] | None = None) -> str:
    """The index a page (its path in the docs folder) belongs to (`sections`:
    the folders with an index of their own, `SECTIONS` by default)."""
    first = path.split("/", 1)[0]
    return first if first in (SECTIONS if sections is None else sections) else PAGES


def shards(paths: Iterable[str], sections: tuple[str, ...] | None = None) -> dict[str, list[str]]:
    """Pages by index, "pages" first (it carries the search code), then the sections."""
    sections = SECTIONS if sections is None else sections
    found: dict[str, list[str]] = {}
    for path in paths:
        if path.endswith(".md"):
            found.setdefault(shard_of(path, sections), []).append(path)
    order = [PAGES, *sections]
    return {name: sorted(found[name]) for name in order if name in found}


def glob(shard: str, paths: Iterable[str], sections: tuple[str, ...] | None = None) -> str:
    """The HTML files of a part of the built site, as a Pagefind glob."""
    sections = SECTIONS if sections is None else sections
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
