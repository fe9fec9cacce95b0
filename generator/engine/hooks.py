"""MkDocs hook registered in every generated project: pages the generator wrote
as finished HTML skip Markdown.

Most generated pages (standards, results, indexes) are rendered by the
generator's templates straight to HTML, marked `hb_html: true` in their front
matter. Python-Markdown would only pass that HTML through, slowly (it parses
raw HTML to find where it ends); these hooks hand it to the theme as it is,
with the table of contents and anchors MkDocs would have read from it. The
theme's templates are compiled once and kept in `.handbook/cache/theme`.
Editors' Markdown pages (manuals, notices) are converted as usual. Another
engine without these hooks still builds the project: raw HTML is valid Markdown.
"""

from __future__ import annotations

import datetime as dt
import functools
import html
import posixpath
import re
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

from jinja2 import FileSystemBytecodeCache
from mkdocs.structure.toc import get_toc

from generator import layout
from generator.engine import shell
from generator.render.markup import TEXT_OPEN, TEXT_OPEN_IN_MARKDOWN, CjkBreaks
from generator.render.provenance import SOURCE_KEY

# The headings the generator writes (render/templates/_html.j2).
_HEADING = re.compile(r'<h([1-6])[^>]* id="([^"]+)">(.*?)<a class="headerlink"', re.S)
_TAG = re.compile(r"<[^>]+>")
# `\bid="…"`, written to start with its letters: Python's regex engine then looks
# for them quickly instead of trying a word boundary at every character.
_ID = re.compile(r'id(?<=\bid)="([^"]+)"')

# A generated page's HTML is kept on the page object between the two events:
# the hooks keep no state of their own (`mkdocs serve` reuses the process).
_BODY = "hb_html_body"


def _build_day(config: Any) -> str:
    """The as-of day the generator wrote into the project (YYYY-MM-DD)."""
    return str(config.extra["handbook_build_date"])


def on_nav(nav: Any, config: Any, files: Any, **kwargs: Any) -> Any:
    """Every page's date (the sitemap's lastmod, the gzip header's time) is the as-of
    day, not the day of the build: two builds of the same data are identical."""
    day = _build_day(config)
    for file in files:  # the documentation pages the build includes
        if file.page is not None and file.inclusion.is_included():
            file.page.update_date = day
    shell.prepare(nav, config, files, __file__)
    return nav


def _build_moment(config: Any) -> dt.datetime:
    return dt.datetime.fromisoformat(_build_day(config)).replace(tzinfo=dt.UTC)


def on_page_context(context: Any, page: Any, config: Any, nav: Any = None, **kwargs: Any) -> Any:
    """Templates that show the build date show the as-of day; a government site's
    metadata names the page's column (its menu section)."""
    context["build_date_utc"] = _build_moment(config)
    context["hb_column"] = column(page, nav, config)
    return context


def column(page: Any, nav: Any, config: Any) -> str:
    """The menu section a page belongs to (政府网站's 栏目): the top-level entry of
    the menu whose pages share the page's first folder; the home page is 首页."""
    if page.is_homepage:
        return str(config.extra["handbook_ui"]["home"])
    item = _columns(nav).get(page.url.split("/", 1)[0])
    return html.unescape(str(item.title if item is not None else page.title or ""))


_COLUMNS = "hb_columns"  # on the navigation object: first folder → its top-level entry


def _columns(nav: Any) -> dict[str, Any]:
    """Each first folder of the menu's pages → the first top-level entry holding a
    page there; made once per build (kept on its navigation)."""
    if nav is None:
        return {}
    found: dict[str, Any] | None = getattr(nav, _COLUMNS, None)
    if found is None:
        found = {}
        for item in nav.items:
            for p in [item] if item.is_page else _pages(item):
                if p.url:
                    found.setdefault(p.url.split("/", 1)[0], item)
        setattr(nav, _COLUMNS, found)
    return found


def _pages(section: Any) -> list[Any]:
    found = []
    for child in section.children or []:
        found.extend([child] if child.is_page else _pages(child) if child.is_section else [])
    return found


def on_template_context(context: Any, template_name: str, config: Any, **kwargs: Any) -> Any:
    """The same for the site's other templates (404, sitemap)."""
    context["build_date_utc"] = _build_moment(config)
    return context


def on_env(env: Any, config: Any, **kwargs: Any) -> Any:
    """Keep the theme's compiled templates between builds (Jinja checks their sources),
    and give the theme `hb_menu` (theme/partials/nav.html) and `hb_shell`
    (engine/shell.py)."""
    root = layout.root_of_build(Path(config.config_file_path))
    folder = root / layout.COMPILED_THEME
    folder.mkdir(parents=True, exist_ok=True)
    env.bytecode_cache = FileSystemBytecodeCache(str(folder))
    env.globals["hb_menu"] = menu
    env.globals["hb_shell"] = shell.part
    return env


def on_config(config: Any, **kwargs: Any) -> Any:
    """Editors' pages join a line break between Chinese characters (markup.CjkBreaks)."""
    config["markdown_extensions"].append(CjkBreaks())
    return config


_MENUS = "hb_menus"  # on the navigation object: this build's menus and the menu's folders
# Material's templates the menu is made of, besides nav.html.
_MENU_PARTS = ("partials/nav-item.html", "partials/logo.html", "partials/source.html")


def _menu_customised(config: Any) -> bool:
    """Whether the committee's theme replaces a part of Material's menu: the layered
    theme folder (engine/custom.py) holds a part that is not ours (or ours changed)."""
    folder = getattr(config.get("theme"), "custom_dir", None)
    return bool(folder) and any(shell.theirs(Path(str(folder)), rel) for rel in _MENU_PARTS)


def menu(nav: Any, page: Any, config: Any) -> shell.Part:
    """The menu of a page it does not list depends only on the links in it, each
    relative to the page's folder; those depend only on how deep the page's
    folder is and on how far its path follows the menu's own folders. Pages
    alike in both get the same menu. The menus are kept on this build's
    navigation (`mkdocs serve` makes a new one per build)."""
    if page is None or nav is None:
        return shell.Part(None, ())
    state = getattr(nav, _MENUS, None)
    if state is None:
        if _menu_customised(config):
            setattr(nav, _MENUS, False)  # their menu items may show anything of the page
            return shell.Part(None, ())
        listed = {id(p) for p in nav.pages}
        # Where the menu's links go: its pages, and the logo and home it may name.
        theme, extra = config.get("theme") or {}, config.get("extra") or {}
        targets = [p.url for p in nav.pages]
        targets += [str(v) for v in (theme.get("logo"), extra.get("homepage")) if v]
        state = (listed, shell.parents(targets), {})
        setattr(nav, _MENUS, state)
    if state is False:
        return shell.Part(None, ())
    listed, folders, kept = state
    if id(page) in listed:
        return shell.Part(None, ())  # the page's own item is marked: made as Material makes it
    return shell.Part(kept, shell.sits(page.url, folders))


def on_page_read_source(page: Any, **kwargs: Any) -> str | None:
    """A page's text as MkDocs reads it (UTF-8, a byte order mark dropped, every line
    ending in LF), from its bytes: MkDocs' reading in text mode takes four times as
    long over a large generated page (a round's 600-row tables). None leaves the
    reading to MkDocs (a file that cannot be read is reported as it reports it)."""
    path = page.file.abs_src_path
    if path is None:
        return None
    try:
        with open(path, "rb") as f:
            text = f.read().decode("utf-8-sig")
    except (OSError, ValueError):
        return None
    return text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text


def on_page_markdown(markdown: str, page: Any, config: Any = None, **kwargs: Any) -> str:
    """A finished-HTML page gives Python-Markdown nothing to parse, and is not even
    handed to it: setting up Python-Markdown with the extensions costs a page
    more than converting it. Every generated page's "编辑此页" link opens its own
    source file (a standard's edition YAML)."""
    if config is not None and SOURCE_KEY in page.meta:
        page.edit_url = edit_url(page.meta[SOURCE_KEY], config)
    if page.meta.get("hb_html"):
        setattr(page, _BODY, markdown)
        page.render = functools.partial(_render_nothing, page)  # this page's only
        return ""
    return markdown


def _render_nothing(page: Any, config: Any, files: Any) -> None:
    """What MkDocs' `Page.render` leaves on a page whose Markdown is empty
    (on_page_content then gives the page its HTML, table of contents and anchors)."""
    page.content = ""
    page.toc = get_toc([])
    page._title_from_render = None
    page.present_anchor_ids = set()
    page.links_to_anchors = {}


def on_page_content(content: str, page: Any, **kwargs: Any) -> str:
    """A finished-HTML page gets its HTML back, with its table of contents and anchors."""
    body: str | None = getattr(page, _BODY, None)
    if body is None:  # an editor's page: md_in_html keeps `markdown="0"` (see markup.block)
        return _spaced_cells(content.replace(TEXT_OPEN_IN_MARKDOWN, TEXT_OPEN))
    delattr(page, _BODY)
    page.toc = get_toc(toc_tokens(body))  # type: ignore[arg-type]  # the same keys as its TypedDict
    page.present_anchor_ids = set(_ID.findall(body))
    return _spaced_cells(body)


def _spaced_cells(html: str) -> str:
    """A space after each table cell and row: search reads a table's text as words
    ("序号 评分内容 分值"), not run together; a browser shows no difference.
    Plain replacements (a results page has thousands of cells): one pass spaces
    every other tag of a run of the same tag ("</td></td><"), so a run takes two."""
    for tag, space in (("</td>", " "), ("</th>", " "), ("</tr>", "\n")):
        runs = tag + tag in html
        for _ in range(2 if runs else 1):
            html = html.replace(tag + "<", tag + space + "<")
    return html


def toc_tokens(body: str) -> list[dict[str, Any]]:
    """The table of contents of generated HTML, nested by heading level, in the
    form of Python-Markdown's toc extension."""
    root: dict[str, Any] = {"level": 0, "children": []}
    stack = [root]
    for level, anchor, inner in _HEADING.findall(body):
        token = {
            "level": int(level),
            "id": html.unescape(anchor),
            "name": html.escape(html.unescape(_TAG.sub("", inner)).strip(), quote=False),
            "children": [],
        }
        while stack[-1]["level"] >= token["level"]:
            stack.pop()
        stack[-1]["children"].append(token)
        stack.append(token)
    children: list[dict[str, Any]] = root["children"]
    return children


def edit_url(source: str | None, config: Any) -> str | None:
    """The forge's editor for `source` (relative to the repository), as MkDocs makes
    edit links: `repo_url` joined with `edit_uri` (or `edit_uri_template`), which
    point at the pages' folder, content/; a standard's file is `../standards/…`
    from there. None for a page made from many files, or without `edit_uri`."""
    template: str | None = config.get("edit_uri_template")
    base: str | None = config.get("edit_uri")
    if source is None or not (template or base):
        return None
    rel = posixpath.relpath(source, layout.CONTENT_DIR)
    if template:
        uri = template.format(path=rel, path_noext=posixpath.splitext(rel)[0])
    else:
        uri = f"{base}{rel}"
    repo: str | None = config.get("repo_url")
    return urljoin(repo.rstrip("/") + "/", uri) if repo else uri
