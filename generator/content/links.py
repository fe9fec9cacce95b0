"""Links and images of hand-written pages that would leave the handbook: to a
file on someone's computer (`file:`), by an absolute path (`/…`, `C:\\…`,
`\\\\server\\…`), or by a relative path that climbs out of `content/`. None of them
works on the published site or in a PDF (WeasyPrint would even keep a clickable
`file:///` link), and none may make the build read a file outside the handbook;
each is a located problem (HB309-HB311) before any page is made.

Found in Markdown's inline links and images, reference definitions, autolinks and
HTML `href`/`src` attributes, outside code."""

from __future__ import annotations

import posixpath
import re
from html import unescape as html_unescape
from urllib.parse import quote, unquote

from markupsafe import escape

from generator.content.citations import code_free_spans
from generator.errors import Problem
from generator.layout import page_url

_INLINE = re.compile(r"\]\(\s*<?([^)\s>]+)")
_REFERENCE = re.compile(r"^[ ]{0,3}\[[^\]\n]+\]:[ \t]*<?([^>\s]+)", re.M)
_AUTOLINK = re.compile(r"<((?:file|[a-zA-Z]):[^>\s]*)>", re.I)
_HTML = re.compile(
    r"""<[a-z][a-z0-9]*\b[^>]*?\b(?:href|src|srcset|data|poster)\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)""",
    re.I,
)
_PATTERNS = (_INLINE, _REFERENCE, _AUTOLINK, _HTML)
_DRIVE = re.compile(r"^[a-z]:[\\/]", re.I)
_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*:", re.I)


def leaving(url: str, page: str) -> str | None:
    """The rule a link or image from the page at `page` (its path under content/)
    breaks by leaving the handbook, or None."""
    url = url.strip().strip("<>\"'").strip()
    if not url or url.startswith("#"):
        return None
    if url.lower().startswith("file:"):
        return "HB309"
    if _DRIVE.match(url) or url.startswith(("\\", "/")) and not url.startswith("//"):
        return "HB310"
    if _SCHEME.match(url) or url.startswith("//"):
        return None  # a web address (scripts and data addresses are HB306's)
    path = unquote(re.split(r"[#?]", url, maxsplit=1)[0]).replace("\\", "/")
    if not path:
        return None
    target = posixpath.normpath(posixpath.join(posixpath.dirname(page), path))
    return "HB311" if target == ".." or target.startswith("../") else None


def link_problems(body: str, rel: str, page: str, first_line: int) -> list[Problem]:
    """Every link and image of the body that leaves the handbook, located in the file
    `rel` (the body starts on `first_line`)."""
    problems = []
    for offset, text in code_free_spans(body):
        for pattern in _PATTERNS:
            for m in pattern.finditer(text):
                url = m.group(1)
                code = leaving(url, page)
                if code is None:
                    continue
                start = offset + m.start(1) + (url[:1] in "\"'")
                line = first_line + body.count("\n", 0, start)
                column = start - (body.rfind("\n", 0, start) + 1) + 1
                shown = url.strip("<>\"'")
                problems.append(Problem.at(rel, line, column, "", code, url=shown))
    return sorted(set(problems))


_A_HREF = re.compile(r'(<a\b[^>]*?)\s+href="([^"]*)"')


def on_paper(html: str, page: str, site_url: str | None) -> str:
    """A page's HTML made for a PDF: a web address stays; a link to another page or
    file of the handbook leads to it on the published site when its address is
    known, else it is kept as text without a target (a PDF would otherwise keep the
    build machine's `file:///…` address)."""

    def one(m: re.Match[str]) -> str:
        href = html_unescape(m.group(2))
        scheme = _SCHEME.match(href)
        if href.startswith("#") or (
            scheme and scheme.group(0).lower() in ("http:", "https:", "mailto:", "tel:")
        ):
            return m.group(0)
        if leaving(href, page) is None and site_url and not scheme and not href.startswith("//"):
            path, _, anchor = href.partition("#")
            target = posixpath.normpath(posixpath.join(posixpath.dirname(page), unquote(path)))
            url = page_url(target) + "/" if target.endswith(".md") else target
            full = site_url.rstrip("/") + "/" + quote(url.removeprefix("./").lstrip("/"))
            return f'{m.group(1)} href="{escape(full + ("#" + anchor if anchor else ""))}"'
        return m.group(1)

    return _A_HREF.sub(one, html)
