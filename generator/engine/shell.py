"""The page shell's parts that do not depend on the page, made once per build for
the pages that sit alike in the site's folders, as the menu is (engine/hooks.py).

Material draws the same header (but for the page's title), the same footer and
the same scripts around every page; only the links in them differ, each
relative to the page's folder. A link from a page depends only on how deep the
page's folder is and on how far its path follows the folders of the files the
link may go to (any file of the site that is not a page, a page of the menu,
the home page, the logo): pages alike in both get the same parts, byte for
byte. The theme asks for a part with `hb_shell(name, page, nav)`
(theme/base.html, theme/partials/header.html) and makes it only when it is not
made yet.

Nothing is kept when a part could show something of the page:
- the committee's theme replaces a template the part is made of (theirs may
  show anything), or sets a feature that puts the page into it (Material's
  sticky tabs in the header, the previous and next pages in the footer);
- a plugin or hook besides ours takes part in making pages (it may change what
  the theme is given).
What is kept lives on the build's navigation: MkDocs makes a new one each
build; the engine keeps it for the next build of the same project, files and
theme (engine/engine_build.py, the same engine key), whose parts are the same.
"""

from __future__ import annotations

import posixpath
import weakref
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from mkdocs.structure.files import Files

from generator import layout

_STATE = "hb_shell"  # on the navigation object: this build's parts, or False

# Each part → the theme's templates it is made of besides Material's own (a
# committee's file there may show the page; a name ending in "/" stands for the
# folder's files) and the features that show the page in it. Every part asks
# Material's translations (language.html, imported with the page's context); the
# spans of Material's base.html (theme/hb-material/base.html) hold blocks, which a
# committee's main.html or base.html may fill with the page.
_LANGUAGE = "partials/language.html"
_BLOCKS = ("main.html", "base.html", _LANGUAGE)
_PARTS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "header": (
        (
            _LANGUAGE,
            "partials/header.html",
            "partials/logo.html",
            "partials/hb-reading.html",
            "partials/hb-search.html",
            "partials/palette.html",
            "partials/javascripts/palette.html",
            "partials/alternate.html",
            "partials/source.html",
            "partials/tabs.html",
            "partials/tabs-item.html",
        ),
        ("navigation.tabs.sticky",),
    ),
    "footer": (
        (
            _LANGUAGE,
            "partials/footer.html",
            "partials/copyright.html",
            "partials/hb-public-site.html",
            "partials/social.html",
        ),
        ("navigation.footer",),
    ),
    "config": ((_LANGUAGE,), ()),
    "scripts": ((), ()),
    "page-top": ((_LANGUAGE,), ()),
    "page-head": (
        (
            *_BLOCKS,
            "partials/icons.html",
            "partials/javascripts/base.html",
            "partials/integrations/analytics.html",
            "partials/integrations/analytics/",
        ),
        (),
    ),
    "page-body": ((_LANGUAGE,), ()),
    "page-banners": (
        (*_BLOCKS, "partials/javascripts/announce.html", "partials/javascripts/outdated.html"),
        (),
    ),
    "page-main": (
        (*_BLOCKS, "partials/tabs.html", "partials/tabs-item.html"),
        ("navigation.tabs",),
    ),
    "page-after": ((_LANGUAGE, "partials/javascripts/content.html", "partials/top.html"), ()),
    "page-end": (
        (
            *_BLOCKS,
            "partials/progress.html",
            "partials/consent.html",
            "partials/javascripts/consent.html",
        ),
        (),
    ),
}

# The events in which a plugin or hook may change what the theme is given.
_EVENTS = (
    "config",
    "files",
    "nav",
    "env",
    "pre_page",
    "page_markdown",
    "page_content",
    "page_context",
)


class Part:
    """A part of one page's shell (or its menu, engine/hooks.py): `html` made before
    for a page that sits alike, or None; `keep(html)` remembers it for the next such
    page (and returns it)."""

    def __init__(self, kept: dict[tuple[object, ...], Any] | None, key: tuple[object, ...]) -> None:
        self._kept, self._key = kept, key
        self.html = kept.get(key) if kept is not None else None

    def keep(self, html: Any) -> Any:
        """Remember what was made for this page, for the pages alike; give it back."""
        if self._kept is not None:
            self._kept[self._key] = html
        return html


class _Shell:
    """This build's parts: the folders links may go into (found when first asked),
    and what was made."""

    def __init__(self, parts: set[str], find: Callable[[], set[tuple[str, ...]]]) -> None:
        self.parts, self._find = parts, find
        self._folders: set[tuple[str, ...]] | None = None
        self.kept: dict[tuple[object, ...], Any] = {}
        # A page's address → how deep its folder is and how far it follows theirs.
        self.where: dict[str, tuple[int, tuple[str, ...]]] = {}

    @property
    def folders(self) -> set[tuple[str, ...]]:
        """The folders of the files a link in a part may go to, and their parents."""
        if self._folders is None:
            self._folders = self._find()
        return self._folders


# The folders of a collection of files' own files (not pages): the engine keeps
# the collection between builds that have the same files (engine/engine_build.py).
_file_folders: weakref.WeakKeyDictionary[Files, frozenset[tuple[str, ...]]] = (
    weakref.WeakKeyDictionary()
)


def prepare(nav: Any, config: Any, files: Files, hooks_file: str) -> None:
    """Set up this build's parts on its navigation (the `nav` event)."""
    parts: set[str] = set()
    if _ours_alone(config, hooks_file):
        folder = getattr(config.get("theme"), "custom_dir", None)
        committee = _committee_files(Path(str(folder))) if folder else set()
        features = set(config["theme"].get("features") or [])
        for name, (templates, shown) in _PARTS.items():
            replaced = any(_among(rel, templates) for rel in committee)
            if not replaced and not features & set(shown):
                parts.add(name)
    if not parts:
        setattr(nav, _STATE, False)
        return
    made = getattr(nav, _STATE, None)
    if isinstance(made, _Shell) and made.parts == parts:
        return  # the menu of a previous build, kept with its parts (engine/engine_build.py)
    setattr(nav, _STATE, _Shell(parts, lambda: _folders(nav, config, files)))


def forget(nav: Any) -> None:
    """Keep no part a previous build made on this navigation (its configuration
    may read what changes between builds: `!ENV`)."""
    vars(nav).pop(_STATE, None)


def _folders(nav: Any, config: Any, files: Files) -> set[tuple[str, ...]]:
    """The folders a link in a part may go into: those of the site's files that are
    not pages, of the menu's pages, of the logo, the icon, the home page, the
    stylesheets and scripts, the other languages' sites; and their parents."""
    theme, extra = config.get("theme") or {}, config.get("extra") or {}
    targets = [p.url for p in nav.pages]
    targets += [
        str(v) for v in (theme.get("logo"), theme.get("favicon"), extra.get("homepage")) if v
    ]
    targets += [
        str(getattr(v, "path", v)) for v in (*config["extra_css"], *config["extra_javascript"])
    ]
    targets += [str(a.get("link")) for a in extra.get("alternate") or [] if isinstance(a, dict)]
    own = _file_folders.get(files)
    if own is None:
        own = frozenset(parents(f.url for f in files if not f.is_documentation_page()))
        _file_folders[files] = own
    return parents(targets) | own


def parents(urls: Iterable[str]) -> set[tuple[str, ...]]:
    """The folders the addresses are in, and their parents."""
    return {
        tuple(parts[:i])
        for url in map(_normal, urls)
        for parts in [url.split("/")[:-1]]
        for i in range(1, len(parts) + 1)
    }


def _normal(url: str) -> str:
    """A link's target inside the site, its `..` resolved as the engine resolves it."""
    normal = posixpath.normpath("/" + url).lstrip("/")
    return normal + "/" if url.endswith("/") and normal else normal


def _ours_alone(config: Any, hooks_file: str) -> bool:
    """Whether no plugin or hook but ours takes part in making the pages."""
    for event in _EVENTS:
        for method in config.plugins.events[event]:
            code = getattr(getattr(method, "__func__", method), "__code__", None)
            if code is None or code.co_filename != hooks_file:
                return False
    return True


def part(name: str, page: Any, nav: Any) -> Part:
    """The part `name` of `page`'s shell (`hb_shell` in the theme's templates)."""
    state = getattr(nav, _STATE, None) if page is not None and nav is not None else None
    if not isinstance(state, _Shell) or name not in state.parts or not isinstance(page.url, str):
        return Part(None, ())
    where = state.where.get(page.url)
    if where is None:
        where = state.where[page.url] = sits(page.url, state.folders)
    return Part(state.kept, (name, *where))


def sits(url: str, folders: set[tuple[str, ...]]) -> tuple[int, tuple[str, ...]]:
    """Where the page at `url` sits for links into `folders` (see `parents`): how deep
    its folder is and how far its path follows theirs. Relative links from two pages
    that sit alike are the same."""
    path = url.split("/")[:-1]
    follows = 0
    while follows < len(path) and tuple(path[: follows + 1]) in folders:
        follows += 1
    return len(path), tuple(path[:follows])


def _among(rel: str, templates: tuple[str, ...]) -> bool:
    """Whether the theme's file `rel` is one of the templates (or in one of their folders)."""
    return any(rel == t or (t.endswith("/") and rel.startswith(t)) for t in templates)


def _committee_files(folder: Path) -> set[str]:
    """The files of the layered theme folder (engine/custom.py) that are the
    committee's: not ours (engine/theme/, hb-material/)."""
    return {
        rel
        for path in folder.rglob("*")
        if path.is_file()
        for rel in [path.relative_to(folder).as_posix()]
        if not rel.startswith("hb-material/") and theirs(folder, rel)
    }


def theirs(folder: Path, rel: str) -> bool:
    """Whether the theme folder's `rel` is a committee's file: there, and not a copy
    of our own theme's (engine/theme/), which the layered folder holds besides theirs."""
    try:
        found = (folder / rel).read_bytes()
    except OSError:
        return False
    try:
        return found != (layout.THEME / rel).read_bytes()
    except OSError:
        return True
