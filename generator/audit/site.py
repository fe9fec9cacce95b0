"""The checks made on the built site: dead internal links and anchors, pages
heavier than a 3-second load on a 1.6 Mbps link, images without alternative
text. Each finding is placed in the built page (`site/…/index.html:line:column`)."""

from __future__ import annotations

import html.parser
import os
import posixpath
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

from generator import layout
from generator.errors import Problem

LINK_BITS_PER_SECOND = 1_600_000  # the inspection's reference link
SKIPPED_SCHEMES = ("mailto:", "tel:", "javascript:", "data:")


@dataclass
class _Page:
    """What one built page holds and points at."""

    ids: set[str] = field(default_factory=set)
    links: list[tuple[str, int, int]] = field(default_factory=list)  # href, line, column
    loads: list[str] = field(default_factory=list)  # stylesheets, scripts, images
    no_alt: list[tuple[str, int, int]] = field(default_factory=list)


class _Reader(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page = _Page()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        line, column = self.getpos()
        if "id" in a:
            self.page.ids.add(a["id"])
        if tag == "a" and "name" in a:
            self.page.ids.add(a["name"])
        if tag == "a" and "href" in a:
            self.page.links.append((a["href"], line, column + 1))
        elif tag == "link" and "stylesheet" in a.get("rel", "").split() and a.get("href"):
            self.page.loads.append(a["href"])
        elif tag == "script" and a.get("src"):
            self.page.loads.append(a["src"])
        elif tag == "img" and a.get("src"):
            self.page.loads.append(a["src"])
            # Markdown's ![](x.png) writes alt="": an editor's image without a description.
            # An image marked as decoration (role="presentation", aria-hidden) needs none.
            decorative = a.get("role") in ("presentation", "none") or a.get("aria-hidden") == "true"
            if not a.get("alt", "").strip() and not decorative:
                self.page.no_alt.append((a["src"], line, column + 1))


def _read(path: Path) -> _Page:
    reader = _Reader()
    reader.feed(path.read_text(encoding="utf-8", errors="replace"))
    reader.close()
    return reader.page


def _internal(href: str) -> bool:
    return not (
        urlsplit(href).scheme or href.startswith("//") or href.lower().startswith(SKIPPED_SCHEMES)
    )


def _target(site: Path, page: str, href: str, base: str = "/") -> tuple[str, str]:
    """The file a link leads to (relative to the site) and its anchor; `base` is the
    path the site is served at (`site_url`'s), which links from the root begin with."""
    parts = urlsplit(href)
    path = unquote(parts.path)
    if not path:
        target = page
    else:
        if path.startswith("/"):  # from the server's root (the 404 page's links)
            if not (path + "/").startswith(base):
                return "../" + path, ""  # outside the site: not found here
            path = path[len(base) :] or "."
            here = ""
        else:
            here = posixpath.dirname(page)
        target = posixpath.normpath(posixpath.join(here, path))
        if path.endswith("/") or (site / target).is_dir():
            target = posixpath.join(target, "index.html")
    return target, unquote(parts.fragment)


def check_site(root: Path, site: Path, page_kib: int, site_url: str = "") -> list[Problem]:
    """Every dead link and anchor, heavy page and image without alt text in `site`."""
    base = urlsplit(site_url).path.rstrip("/") + "/"
    pages: dict[str, _Page] = {}
    for path in sorted(site.rglob("*.html")):
        rel = path.relative_to(site).as_posix()
        if rel.split("/", 1)[0] != layout.SEARCH_DIR:
            pages[rel] = _read(path)
    shown = Path(os.path.relpath(site, root)).as_posix()
    problems = []
    for rel, page in pages.items():
        where = f"{shown}/{rel}"
        for href, line, column in page.links:
            if not _internal(href) or href == "#":
                continue
            target, anchor = _target(site, rel, href, base)
            if target.startswith("../") or not (site / target).is_file():
                problems.append(Problem.at(where, line, column, "", "HB803", target=href))
            elif anchor and target in pages and anchor not in pages[target].ids:
                problems.append(
                    Problem.at(where, line, column, "", "HB804", target=target, anchor=anchor)
                )
        for src, line, column in page.no_alt:
            problems.append(Problem.at(where, line, column, "", "HB807", src=src))
        size = (site / rel).stat().st_size
        for load in dict.fromkeys(page.loads):
            if _internal(load):
                file = site / _target(site, rel, load, base)[0]
                size += file.stat().st_size if file.is_file() else 0
        if size > page_kib * 1024:
            seconds = f"{size * 8 / LINK_BITS_PER_SECOND:.1f}"
            kib = round(size / 1024)
            problems.append(
                Problem.at(where, 0, 0, "", "HB805", kib=kib, seconds=seconds, limit=page_kib)
            )
    return problems
