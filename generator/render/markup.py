"""Escaping and formatting of data values for the place they land in.

Editors' text is data: it is never evaluated as a template, and HTML in it is
shown as text. Markdown fields are turned into sanitised HTML here, with a
fixed set of extensions, so that nothing in them can inject attributes,
scripts or include files.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Mapping
from typing import Any

import markdown
import nh3
from markdown.extensions import Extension
from markupsafe import Markup, escape
from pymdownx.slugs import slugify

_INLINE_SPECIALS = re.compile(r"([\\`*_\[\]{}|<>#!])")
_ALLOWED_TAGS = {
    "p",
    "br",
    "em",
    "strong",
    "del",
    "code",
    "pre",
    "blockquote",
    "ul",
    "ol",
    "li",
    "a",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "h4",
    "h5",
    "h6",
    "hr",
    "sup",
    "sub",
}


def inline(value: object) -> Markup:
    """A value inside a Markdown heading, link text or table cell: one line, no markup."""
    text = " ".join(str(value).split())
    return Markup(_INLINE_SPECIALS.sub(r"\\\1", text).replace("&", "&amp;"))


def attr(value: object) -> Markup:
    """A value inside an HTML attribute or element."""
    return escape(str(value))


def one_line(value: object) -> str:
    """A value on one line (runs of spaces and line breaks become one space)."""
    return " ".join(str(value).split())


_slugify = slugify(case="lower")


def slug(value: object) -> str:
    """The anchor Python-Markdown's toc gives a heading with this text (as in mkdocs.yml)."""
    return str(_slugify(str(value), "-"))


# A field's HTML in a Markdown page tells md_in_html to leave it alone; md_in_html
# leaves the attribute in (invalid HTML), so the engine's hook takes it out.
TEXT_OPEN = '<div class="hb-text">'
TEXT_OPEN_IN_MARKDOWN = '<div class="hb-text" markdown="0">'


def block(text: str) -> Markup:
    """An editor's Markdown field as sanitised HTML, in a page written in Markdown."""
    html = html_block(text)
    return Markup(str(html).replace(TEXT_OPEN, TEXT_OPEN_IN_MARKDOWN, 1))


# Chinese (and Japanese) characters, CJK punctuation, full-width forms, and the quotes,
# dashes and ellipsis Chinese text uses: a line break between two of them is no space.
_CJK = (
    "\u2e80-\u2fdf\u3000-\u303f\u3040-\u30ff\u3100-\u312f\u3400-\u4dbf\u4e00-\u9fff"
    "\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef\u2018\u2019\u201c\u201d\u2014\u2026"
)
# Inline tags may stand at the break (`**集中\n学习**`); a block's end (a table cell's, a
# paragraph's) keeps its line break, which search reads as the space between them.
_INLINE_TAGS = (
    r"(?:</?(?:a|abbr|b|cite|del|em|i|ins|mark|q|s|small|span|strong|sub|sup|u)\b[^<>]*>)*"
)
_CJK_BREAK = re.compile(rf"(?<=[{_CJK}])({_INLINE_TAGS})[ \t]*\n[ \t]*({_INLINE_TAGS})(?=[{_CJK}])")
_VERBATIM = re.compile(r"<(pre|code|script|style|textarea)\b.*?</\1>", re.S | re.I)


def join_cjk_breaks(html: str) -> str:
    """Editors wrap Chinese text in their files; a line break between two CJK characters
    (or CJK punctuation), inline tags around it included, joins with nothing, where HTML would
    show a space ("制定， 以班子"). Code and preformatted text are left as written."""
    if "\n" not in html:
        return html
    parts, last = [], 0
    for m in _VERBATIM.finditer(html):
        parts += [_CJK_BREAK.sub(r"\1\2", html[last : m.start()]), m.group(0)]
        last = m.end()
    parts.append(_CJK_BREAK.sub(r"\1\2", html[last:]))
    return "".join(parts)


class _JoinCjkBreaks:
    """A Markdown postprocessor (what its registry runs: `run(text)`)."""

    def run(self, text: str) -> str:
        """The finished HTML, its CJK line breaks joined."""
        return join_cjk_breaks(text)


class CjkBreaks(Extension):  # type: ignore[misc]  # Python-Markdown has no type hints
    """Python-Markdown extension: `join_cjk_breaks` on the finished HTML (raw HTML
    included). The site's pages (the engine adds it to mkdocs.yml's extensions), the PDFs
    and every Markdown field use it, so search excerpts and feeds read the same text."""

    def extendMarkdown(self, md: markdown.Markdown) -> None:  # noqa: N802 (Markdown's API)
        """Run after the raw HTML is put back (priority 30)."""
        md.postprocessors.register(_JoinCjkBreaks(), "hb_cjk_breaks", 25)


@functools.cache
def _markdown() -> markdown.Markdown:
    """One converter for every field (making one per field costs more than converting)."""
    return markdown.Markdown(extensions=["tables", "sane_lists", CjkBreaks()], output_format="html")


@functools.lru_cache(maxsize=4096)
def html_block(text: str) -> Markup:
    """An editor's Markdown field as sanitised HTML, ready to stand in a page."""
    if not text or not text.strip():
        return Markup("")
    source = text.replace("&", "&amp;").replace("<", "&lt;")
    html = _markdown().reset().convert(source)
    clean = nh3.clean(
        html,
        tags=_ALLOWED_TAGS,
        attributes={"a": {"href", "title"}, "th": {"align"}, "td": {"align"}},
        url_schemes={"http", "https", "mailto"},
    )
    return Markup(f"{TEXT_OPEN}\n{clean}\n</div>")


def zh_date(value: dt.date | None) -> str:
    """2023-05-26 → 2023年5月26日."""
    return "" if value is None else f"{value.year}年{value.month}月{value.day}日"


def points(value: float) -> str:
    """Points as people write them: 5, 2.5 (no trailing .0)."""
    return f"{value:g}"


def delta(value: float | None, unit: str = "") -> str:
    """A change as a results table shows it: +2.5, −3名 (a minus sign), 0, or — when
    there is nothing to compare (thousands of cells a page: a function, not a macro)."""
    if value is None:
        return "—"
    if value > 0:
        return f"+{value:g}{unit}"
    if value < 0:
        return f"−{-value:g}{unit}"
    return "0"


def diff_html(
    ops: tuple[tuple[str, str], ...], deleted: str = "删除：", inserted: str = "插入："
) -> Markup:
    """Character differences as <del>/<ins>, each announced to screen readers."""
    parts = []
    for op, text in ops:
        if op == "delete":
            parts.append(
                f'<del><span class="hb-sr-only">{escape(deleted)}</span>{escape(text)}</del>'
            )
        elif op == "insert":
            parts.append(
                f'<ins><span class="hb-sr-only">{escape(inserted)}</span>{escape(text)}</ins>'
            )
        else:
            parts.append(str(escape(text)))
    return Markup("".join(parts).replace("\n", "<br>"))


def score_cell(score: object, not_assessed: str) -> Markup:
    """A criterion's score in a results table: its points, "?" when not assessed, empty when absent."""
    if score is None:
        return Markup("")
    points = getattr(score, "points", None)
    if points is None:
        return Markup(f'<abbr title="{escape(not_assessed)}">?</abbr>')
    return Markup(f"{points:g}")


def score_cells(scores: Mapping[str, object], criteria: list[Any], not_assessed: str) -> Markup:
    """One unit's row of criterion scores as table cells (thousands of rows: one call each)."""
    cell = '<td style="text-align: right;">'
    return Markup(
        "".join(f"{cell}{score_cell(scores.get(c.id), not_assessed)}</td>" for c in criteria)
    )


def file_size(size: int) -> str:
    """235489 → "230 KB"; 1.5 MiB → "1.5 MB" (the units readers know)."""
    if size < 1024 * 1024:
        return f"{max(1, round(size / 1024))} KB"
    return f"{size / (1024 * 1024):.1f} MB"
