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
  nothing from one build to the next.

Everything else runs as in MkDocs' own `build`, in its order, with its events;
a committee's hook that handles the `files` event sees a fresh collection
every time (nothing is kept then). `handbook build` builds once per process,
so nothing of this applies to it. The serve preview's own builds
(engine/serve_mkdocs.py) are MkDocs' `build` itself.
"""

from __future__ import annotations

import datetime as dt
import logging
import pickle
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mkdocs import exceptions, utils
from mkdocs.commands import build as mkdocs_build
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files, InclusionLevel, get_files, set_exclusions
from mkdocs.structure.nav import get_navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.yaml import get_yaml_loader, yaml_load

from generator import layout

log = logging.getLogger("mkdocs.commands.build")


@dataclass
class _Read:
    """A configuration as read from its files: the texts it was read from, and
    the data (pickled: validation may change what it is given)."""

    texts: tuple[str, ...]
    data: bytes


@dataclass
class _Found:
    """The files a build found, for the next build with the same engine key."""

    key: str
    config_file: str
    files: Files


_read: _Read | None = None
_found: _Found | None = None


def load(config_file: Path, *, strict: bool) -> MkDocsConfig:
    """MkDocs' `load_config` for a generated project, with the YAML parsed once
    while the files it comes from are unchanged."""
    global _read
    texts = _texts(config_file)
    cfg = MkDocsConfig(config_file_path=str(config_file))
    if texts is not None and _read is not None and _read.texts == texts:
        cfg.load_dict(pickle.loads(_read.data))  # noqa: S301  # our own bytes, this process
    else:
        with open(config_file, "rb") as fd:
            data = yaml_load(fd, get_yaml_loader(config=cfg))
        _read = _Read(texts, pickle.dumps(data)) if texts is not None and _plain(data) else None
        cfg.load_dict(data)
    cfg.load_dict({"strict": strict})
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
    if any(word in theirs for word in ("INHERIT", "!ENV", "!relative", "!!python")):
        return None
    return (str(config_file), ours, theirs)


_PLAIN = (str, int, float, bool, type(None), dt.date)


def _plain(value: object) -> bool:
    """Whether a parsed configuration holds only data (no object MkDocs made)."""
    if isinstance(value, dict):
        return all(isinstance(k, str) and _plain(v) for k, v in value.items())
    if isinstance(value, list):
        return all(_plain(v) for v in value)
    return isinstance(value, _PLAIN)


def forget() -> None:
    """Keep nothing for the next build (after a failed one)."""
    global _read, _found
    _read = _found = None


def build(config: MkDocsConfig, *, dirty: bool, key: str) -> None:
    """MkDocs' `build` for `handbook build`: the same steps and events, with the
    files of the previous build of this process when `key` is its engine key."""
    global _found
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
        env = config.theme.get_env()
        files = _files(config, env, key if dirty else None)
        files = config.plugins.on_files(files, config=config)
        set_exclusions(files, config)
        nav = get_navigation(files, config)
        nav = config.plugins.on_nav(nav, config=config, files=files)
        for file in files.documentation_pages(inclusion=inclusion):
            if file.page is None and file.inclusion.is_not_in_nav():  # type: ignore[no-untyped-call]
                Page(None, file, config)
            assert file.page is not None
            mkdocs_build._populate_page(file.page, config, files, dirty)
        env = config.plugins.on_env(env, config=config, files=files)
        files.copy_static_files(dirty=dirty, inclusion=inclusion)
        for template in config.theme.static_templates:
            mkdocs_build._build_theme_template(template, env, files, config, nav)
        for template in config.extra_templates:
            mkdocs_build._build_extra_template(template, files, config, nav)
        pages = files.documentation_pages(inclusion=inclusion)
        for file in pages:
            assert file.page is not None
            mkdocs_build._build_page(file.page, config, pages, nav, env, dirty)
        level = config.validation.links.anchors
        for file in pages:
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
    _keep(config, key, files)


def _files(config: MkDocsConfig, env: Any, key: str | None) -> Files:
    """The docs folder's files and the theme's: the previous build's when it had
    the same engine key (the same files, configuration and theme), else found."""
    found = _found
    if found is not None and key == found.key and found.config_file == config.config_file_path:
        return found.files
    files = get_files(config)
    files.add_files_from_theme(env, config)
    return files


def _keep(config: MkDocsConfig, key: str, files: Files) -> None:
    """Keep the files for the next build, without their pages (each build makes its
    own, and they hold the pages' text); nothing when a plugin or hook may
    change the collection (the `files` event)."""
    global _found
    for file in files:
        file.page = None
    keepable = not config.plugins.events["files"]
    _found = _Found(key, str(config.config_file_path), files) if keepable else None
