"""MkDocs' build (mkdocs/commands/build.py, 1.6.1), keeping per process what
does not change between two builds of the same project.

A build that follows another in the same process (`handbook serve`'s
regenerations, the benchmarks) and has the previous build's engine key
(engine/build.py `_engine_key`: the same configuration, theme and set of files)
takes from that build, instead of making them again:

- the configuration as read from the YAML files (parsed once; validated anew
  each build, since plugins may change the validated one);
- the files MkDocs found: the walk of the docs folder and of the theme's
  folders (Jinja's `list_templates`), the larger part of a dirty build's
  fixed cost at 2,000 pages; each page is made anew, so a page carries
  nothing from one build to the next;
- the theme's Jinja environment, its templates compiled (when no plugin or
  hook but ours runs: theirs may change the environment);
- the installed themes MkDocs looks up to validate the configuration
  (while the configuration's files are unchanged);
- each source's time, size and inode as the previous build found them, its
  page's output then newer than it: a source unchanged since is not looked at
  again, nor its output (the engine's folder is written by the engine alone).

Everything else runs as in MkDocs' own `build`, in its order, with its events;
a committee's hook that handles the `files` event sees a fresh collection
every time (nothing is kept then). `handbook build` builds once per process,
so nothing of this applies to it. The serve preview's own builds
(engine/serve_mkdocs.py) are MkDocs' `build` itself.
"""

from __future__ import annotations

import contextlib
import logging
import os
import pickle
import stat
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mkdocs import exceptions, utils
from mkdocs.commands import build as mkdocs_build
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files, InclusionLevel, get_files, set_exclusions
from mkdocs.structure.nav import Navigation, get_navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.yaml import get_yaml_loader, yaml_load

from generator import layout
from generator.engine import shell

log = logging.getLogger("mkdocs.commands.build")


@dataclass
class _Read:
    """A configuration as read from its files: the texts it was read from, and
    the data (pickled: validation may change what it is given)."""

    texts: tuple[str, ...]
    data: bytes


class _State:
    """The files, their pages and the menu as MkDocs' `get_navigation` leaves them
    (or the `nav` event, when only our hook handles it): each object's attributes,
    so that a build's changes to them (a page's text, its table of contents, an
    event's additions) can be undone for the next build."""

    def __init__(self, files: Files, nav: Navigation) -> None:
        self.files, self.nav = files, nav
        self.pages = [(file, file.page) for file in files]
        objects: list[Any] = [nav, *(page for _, page in self.pages if page is not None)]
        pending = list(nav.items)
        while pending:
            item = pending.pop()
            objects.append(item)
            pending.extend(getattr(item, "children", None) or [])
        unique = {id(o): o for o in objects}.values()
        self.attributes = [(o, _copied(vars(o))) for o in unique]
        # The documentation pages and the other files the build includes (the same
        # for the same files and configuration), once a build has sorted them.
        self.sorted: tuple[list[File], list[File]] | None = None
        # Each file's source as it was (time, size, inode) when its output was last
        # found or made newer than it: unchanged, the file needs no other look.
        self.seen: dict[str, tuple[int, int, int]] = {}

    def restore(self) -> None:
        """Put the pages and the menu back as they were made."""
        for file, page in self.pages:
            file.page = page
        for item, attributes in self.attributes:
            now = vars(item)
            if now != attributes:  # most are as they were (only the pages built change)
                now.clear()
                now.update(_copied(attributes))


def _copied(attributes: dict[str, Any]) -> dict[str, Any]:
    """The attributes, with their lists and dictionaries copied (one level)."""
    return {k: v.copy() if isinstance(v, (list, dict)) else v for k, v in attributes.items()}


@dataclass
class _Found:
    """What a build found, for the next build with the same engine key."""

    key: str
    config_file: str
    state: _State
    env: Any  # the theme's Jinja environment, its templates compiled; None with others' plugins


_read: _Read | None = None
_found: _Found | None = None


def load(config_file: Path, *, strict: bool) -> MkDocsConfig:
    """MkDocs' `load_config` for a generated project, with the YAML parsed once
    while the files it comes from are unchanged."""
    global _read
    texts = _texts(config_file)
    cfg = MkDocsConfig(config_file_path=str(config_file))
    same = texts is not None and _read is not None and _read.texts == texts
    if same:
        assert _read is not None
        cfg.load_dict(pickle.loads(_read.data))  # noqa: S301  # our own bytes, this process
    else:
        with open(config_file, "rb") as fd:
            data = yaml_load(fd, get_yaml_loader(config=cfg))
        pickled = _pickled(data) if texts is not None else None
        _read = _Read(texts, pickled) if texts is not None and pickled is not None else None
        cfg.load_dict(data)
    cfg.load_dict({"strict": strict})
    with _themes_kept(same):
        errors, warnings = cfg.validate()
    for name, warning in warnings:
        log.warning(f"Config value '{name}': {warning}")
    for name, error in errors:
        log.error(f"Config value '{name}': {error}")
    if errors:
        raise exceptions.Abort("Aborted with a configuration error!")
    if cfg.strict and warnings:
        raise exceptions.Abort(
            f"Aborted with {len(warnings)} configuration warnings in 'strict' mode!"
        )
    return cfg


_themes: dict[str, Any] | None = None  # MkDocs' `get_themes()`, as last read


@contextlib.contextmanager
def _themes_kept(same: bool) -> Iterator[None]:
    """MkDocs reads the installed themes' entry points anew each time it validates
    a theme (it clears its own cache of them): for a configuration read before,
    the themes read then serve."""
    global _themes
    if not same or _themes is None:
        _themes = None
        yield
        with contextlib.suppress(Exception):
            _themes = utils.get_themes()
        return
    kept = _themes

    def get_themes() -> dict[str, Any]:
        return kept

    get_themes.cache_clear = lambda: None  # type: ignore[attr-defined]
    mkdocs_own, utils.get_themes = utils.get_themes, get_themes  # type: ignore[assignment]
    try:
        yield
    finally:
        utils.get_themes = mkdocs_own


def _texts(config_file: Path) -> tuple[str, ...] | None:
    """The generated configuration and the repository's it inherits; None when the
    latter inherits another file, or has values MkDocs reads from the
    environment or from each page (`!ENV`, `!relative`): those are read every time."""
    try:
        ours = config_file.read_text(encoding="utf-8")
        theirs = (layout.root_of_build(config_file.resolve()) / layout.CONFIG_FILE).read_text(
            encoding="utf-8"
        )
    except OSError:
        return None
    if any(word in theirs for word in ("INHERIT", "!ENV", "!relative")):
        return None
    return (str(config_file), ours, theirs)


def _pickled(data: dict[str, Any]) -> bytes | None:
    """The parsed configuration as bytes, or None when it holds an object that
    cannot be copied that way (a committee's `!!python/object` tag may make any)."""
    try:
        return pickle.dumps(data)
    except (pickle.PicklingError, TypeError, AttributeError):
        return None


def forget() -> None:
    """Keep nothing for the next build (after a failed one)."""
    global _read, _found
    _read = _found = None


def build(config: MkDocsConfig, *, dirty: bool, key: str) -> bool:
    """MkDocs' `build` for `handbook build`: the same steps and events, with the
    files and menu of the previous build of this process when `key` is its
    engine key and the build is dirty.

    Every file it writes is a new file (the old one is removed first), never
    one written into; True when that holds for all it made, that is when no
    plugin or hook but ours ran (theirs may write into the site): the
    published site may then share the engine's files (engine/publish.py)."""
    counter = utils.CountHandler()
    counter.setLevel(logging.WARNING)
    if config.strict:
        logging.getLogger("mkdocs").addHandler(counter)
    inclusion = InclusionLevel.is_included
    try:
        config = config.plugins.on_config(config)
        config.plugins.on_pre_build(config=config)
        if not dirty:
            utils.clean_directory(config.site_dir)
        state = _reusable(config, key if dirty else None)
        reused = state is not None
        kept_env = _found.env if reused and _found is not None else None
        env = kept_env if kept_env is not None else config.theme.get_env()
        files = state.files if state else _find(config, env)
        files = config.plugins.on_files(files, config=config)
        set_exclusions(files, config)
        # The menu as the `nav` event leaves it is kept when only our hook handles
        # the event (its changes are the same each build, and most objects then
        # need no putting back); as `get_navigation` leaves it otherwise.
        after_nav = _ours(config, "nav")
        if state is None:
            nav = get_navigation(files, config)
            state = None if after_nav else _State(files, nav)
        else:
            nav = state.nav
            if _read is None:  # a configuration read anew each time (`!ENV`, INHERIT)
                shell.forget(nav)
        nav = config.plugins.on_nav(nav, config=config, files=files)
        if state is None:
            state = _State(files, nav)
        if state.sorted is None or not reused:
            state.sorted = (
                list(files.documentation_pages(inclusion=inclusion)),
                [f for f in files if not f.is_documentation_page() and _included(f)],
            )
        pages, static = state.sorted
        for file in pages:
            if file.page is None and file.inclusion.is_not_in_nav():  # type: ignore[no-untyped-call]
                Page(None, file, config)
        # A dirty build renders the pages whose Markdown is newer than their HTML.
        seen = state.seen if reused else {}
        looked: dict[str, tuple[int, int, int]] = {}
        changed = [file for file in pages if not dirty or _modified(file, seen, looked)]
        for file in changed:
            assert file.page is not None
            mkdocs_build._populate_page(file.page, config, files)
        env = config.plugins.on_env(env, config=config, files=files)
        for file in static:  # MkDocs' `copy_static_files`
            if not dirty or _modified(file, seen, looked):
                _replaced(file.abs_dest_path)
                file.copy_file()
        for template in config.theme.static_templates:
            output = os.path.join(config.site_dir, template)
            gz = f"{output}.gz" if template == "sitemap.xml" else output
            if reused and os.path.isfile(output) and os.path.isfile(gz):
                # The sitemap and the 404 page show the menu, the pages' addresses and
                # the as-of day: the same under the same engine key.
                continue
            _replaced(output)
            if template == "sitemap.xml":
                _replaced(f"{output}.gz")
            mkdocs_build._build_theme_template(template, env, files, config, nav)
        for template in config.extra_templates:
            if (extra := files.get_file_from_path(template)) is not None:
                _replaced(extra.abs_dest_path)
            mkdocs_build._build_extra_template(template, files, config, nav)
        for file in changed:
            assert file.page is not None
            _replaced(file.abs_dest_path)
            mkdocs_build._build_page(file.page, config, pages, nav, env)
        level = config.validation.links.anchors
        for file in changed:  # the others have no links read, as in MkDocs' dirty build
            assert file.page is not None
            file.page.validate_anchor_links(files=files, log_level=level)
        config.plugins.on_post_build(config=config)
        if counts := counter.get_counts():
            found = ", ".join(f"{v} {k.lower()}s" for k, v in counts)
            raise exceptions.Abort(f"Aborted with {found} in strict mode!")
    except Exception as e:
        forget()
        config.plugins.on_build_error(error=e)
        if isinstance(e, exceptions.BuildError):
            log.error(str(e))
            raise exceptions.Abort("Aborted with a BuildError!") from None
        raise
    finally:
        logging.getLogger("mkdocs").removeHandler(counter)
    ours = all(getattr(plugin, "__file__", None) == _HOOKS for plugin in config.plugins.values())
    if state is not None:
        state.seen = {**seen, **looked}
    _keep(config, key, state, env if ours else None)
    return ours


_HOOKS = str(Path(__file__).with_name("hooks.py"))


def _included(file: File) -> bool:
    """Whether the build includes the file (MkDocs' `InclusionLevel.is_included`)."""
    return bool(InclusionLevel.is_included(file.inclusion))  # type: ignore[no-untyped-call]


def _ours(config: MkDocsConfig, event: str) -> bool:
    """Whether only our hooks (engine/hooks.py) handle the event."""
    for method in config.plugins.events[event]:
        code = getattr(getattr(method, "__func__", method), "__code__", None)
        if code is None or code.co_filename != _HOOKS:
            return False
    return True


def _replaced(path: str) -> None:
    """Remove a file the engine writes again, so that it writes a new one: the
    published site may share the old one (a hard link), which must stay as it is."""
    with contextlib.suppress(FileNotFoundError):
        os.unlink(path)


def _reusable(config: MkDocsConfig, key: str | None) -> _State | None:
    """The previous build's files and menu, when it had the same engine key (the
    same files, configuration and theme)."""
    found = _found
    if found is None or key != found.key or found.config_file != config.config_file_path:
        return None
    return found.state


def _find(config: MkDocsConfig, env: Any) -> Files:
    """The docs folder's files and the theme's."""
    files = get_files(config)
    files.add_files_from_theme(env, config)
    return files


def _modified(
    file: File, seen: dict[str, tuple[int, int, int]], looked: dict[str, tuple[int, int, int]]
) -> bool:
    """MkDocs' `File.is_modified`: whether the page's Markdown is newer than its HTML.
    A source `seen` as it is now (by the previous build, which then found or made
    its output newer) is not; what is looked at goes into `looked`."""
    if file._content is not None:
        return True
    assert file.abs_src_path is not None
    try:
        source = os.stat(file.abs_src_path)
    except OSError:
        return True
    signature = (source.st_mtime_ns, source.st_size, source.st_ino)
    looked[file.abs_src_path] = signature
    if seen.get(file.abs_src_path) == signature:
        return False
    try:
        built = os.stat(file.abs_dest_path)
    except OSError:
        return True
    if not stat.S_ISREG(built.st_mode):
        return True
    return built.st_mtime < source.st_mtime


def _keep(config: MkDocsConfig, key: str, state: _State | None, env: Any) -> None:
    """Keep the files and the menu for the next build, the pages put back as they
    were made (without their text); nothing when a plugin or hook may change
    the collection of files (the `files` event)."""
    global _found
    _found = None
    if state is None or config.plugins.events["files"]:
        return
    state.restore()
    _found = _Found(key, str(config.config_file_path), state, env)
