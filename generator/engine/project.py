"""Write the generated pages as a plain MkDocs project in a build folder.

The project inherits the repository's mkdocs.yml, so any engine that reads
MkDocs configuration (MkDocs, ProperDocs, Zensical) can build it. Files whose
content has not changed are not rewritten, so their modification times stay.
"""

from __future__ import annotations

import copy
import os
import secrets
import shutil
from collections.abc import Callable, Iterable
from pathlib import Path

import yaml

from generator import facets, layout
from generator.core.memory import BuildCache, file_tree
from generator.descriptor import MenuView, words_of
from generator.engine import search, serve_search
from generator.engine.custom import config_keys, public_site, read_custom, write_theme
from generator.pipeline import Result
from generator.render.labels import labels_for

HOOKS = Path(__file__).with_name("hooks.py")

# The files of the docs folder after this process's last `write_project` there (by
# folder), with the mark it left in the build memory: a build that finds its memory
# with that mark knows what the folder holds without walking it, since whatever
# else writes there (another process's build) clears the mark first
# (`BuildCache.docs_changing`). Only this process's finishing of the PDFs and the
# preview's problems file (both among the files wanted) write there between two builds.
_left: dict[str, tuple[str, frozenset[str]]] = {}


def _nothing() -> None:
    pass


def _write(path: Path, content: str | bytes, changing: Callable[[], None] = _nothing) -> None:
    data = content.encode("utf-8") if isinstance(content, str) else content
    if path.is_file() and path.read_bytes() == data:
        return
    changing()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)


def _copy(source: Path, target: Path, changing: Callable[[], None]) -> None:
    if target.is_file() and target.read_bytes() == source.read_bytes():
        return
    changing()
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, target)


def docs_files(root: Path, result: Result) -> set[str]:
    """Every file of the generated docs folder, relative to it."""
    files = {page.path for page in result.pages} | set(result.files)
    files |= {layout.asset_path(asset.name) for asset in layout.SITE_ASSETS.iterdir()}
    files |= set(result.copies)
    return files


def write_project(
    root: Path,
    result: Result,
    site_dir: Path,
    *,
    serve_hooks: bool = False,
    memory: BuildCache | None = None,
) -> Path:
    """Write docs and mkdocs.yml under `.handbook/build`; return the config path.
    `memory`: the build's, which knows who wrote the docs folder last (`_left`)."""
    build = root / layout.BUILD_DIR
    docs = root / layout.BUILD_DOCS
    left = _left.pop(str(docs), None)
    known = left[1] if left and memory and memory.docs_mark == left[0] else None
    changing = memory.docs_changing if memory is not None else _nothing
    for page in result.pages:
        if page.content is not None:  # None: the file from the previous build is still right
            _write(docs / page.path, page.content, changing)
    for asset in sorted(layout.SITE_ASSETS.iterdir()):
        _write(docs / layout.asset_path(asset.name), asset.read_text(encoding="utf-8"), changing)
    for rel, text in result.files.items():  # downloads, feeds and PDFs
        if text is not None:
            _write(docs / rel, text, changing)
    for rel, path in result.copies.items():  # images and attachments under content/
        _copy(path, docs / rel, changing)
    wanted = docs_files(root, result) | ({layout.SERVE_PROBLEMS} if serve_hooks else set())
    _clean(docs, wanted, known, changing)
    if memory is not None:
        memory.new_docs_mark = secrets.token_hex(8)
        _left[str(docs)] = (memory.new_docs_mark, frozenset(wanted))
    labels = labels_for(result.settings.language) | words_of(result.kinds, result.settings.language)
    view = MenuView(result.pages, result.store, labels)
    places = sorted((place for kind in result.kinds for place in kind.menu), key=lambda p: p[0])
    nav = [entry for _, entries in places for entry in entries(view)]
    sections = facets.sections(result.kinds)
    config: dict[str, object] = {
        "INHERIT": os.path.relpath(root / layout.CONFIG_FILE, build),
        "docs_dir": "docs",
        "site_dir": os.path.relpath(site_dir, build),  # relative: the repository may move
        "nav": nav,
        # Thousands of unit and round pages stay out of the menu: index pages lead to them.
        "not_in_nav": "".join(kind.not_in_nav for kind in result.kinds),
        "extra": {
            "handbook_ui": {"sample_data": result.settings.sample_data, **labels},
            # A government office's footer and page metadata (partials/hb-public-site.html).
            "handbook_public": public_site(result.settings),
            # The engine's dates (sitemap, gzip header) are this day (see hooks.py).
            "handbook_build_date": result.as_of.isoformat(),
            # The search indexes, merged in the browser: one for the built site,
            # parts in the preview, so that an edit re-indexes little (engine/serve_search.py).
            "handbook_search": list(
                serve_search.shards((p.path for p in result.pages), sections)
                if serve_hooks
                else search.shards(p.path for p in result.pages)
            ),
            # The search dialog's facets and marks (see generator/facets.py).
            "handbook_facets": facets.dialog_settings(labels, result.kinds),
            # The preview shows its current problems on every page (engine/serve.py).
            "handbook_problems": layout.SERVE_PROBLEMS if serve_hooks else "",
        },
    }
    hooks = [str(HOOKS)]  # the preview's own plugin is added by engine/serve_mkdocs.py
    # The committee's lists after ours, their custom_dir layered over our theme.
    custom = read_custom(root)
    write_theme(root, custom)
    ours = {
        "extra_css": [
            layout.asset_path("handbook.css"),
            layout.asset_path("reading.css"),
            layout.asset_path("print.css"),
        ],
        "extra_javascript": [layout.asset_path("handbook.js"), layout.asset_path("reading.js")],
        "hooks": hooks,
    }
    config.update(config_keys(root, custom, ours))
    path = root / layout.BUILD_CONFIG
    _write(path, "# Generated by `handbook`; edit ../../mkdocs.yml instead.\n" + _dumped(config))
    return path


def _clean(
    docs: Path, wanted: set[str], known: frozenset[str] | None, changing: Callable[[], None]
) -> None:
    """Remove what earlier builds left in the docs folder that is not `wanted`: the
    files `known` to be there (`_left`), or (not known) every one found there."""
    if known is not None:
        stale = known - wanted
        if stale:  # a folder left empty held one of them
            changing()
            for rel in stale:
                (docs / rel).unlink(missing_ok=True)
            for rel in sorted(_folders(stale) - _folders(wanted), reverse=True):  # inner first
                shutil.rmtree(docs / rel, ignore_errors=True)
        return
    folders = _folders(wanted)
    for rel, signature in sorted(file_tree(docs).items(), reverse=True):
        if signature is not None and rel not in wanted:
            changing()
            (docs / rel).unlink()
        elif signature is None and rel not in folders:
            changing()
            shutil.rmtree(docs / rel)


def _folders(files: Iterable[str]) -> set[str]:
    """The folders that hold these files (relative paths), at every depth."""
    return {rel.rsplit("/", i)[0] for rel in files for i in range(1, rel.count("/") + 1)}


# The process's last configuration and its YAML: PyYAML's emitter takes tens of
# milliseconds over a menu of thousands of pages, and a rebuild's is mostly the same.
_last: list[tuple[dict[str, object], str]] = []


def _dumped(config: dict[str, object]) -> str:
    """The configuration as YAML, as the previous build's when it is equal to it."""
    if _last and _last[0][0] == config:
        return _last[0][1]
    text = yaml.safe_dump(config, allow_unicode=True, sort_keys=False)
    _last[:] = [(copy.deepcopy(config), text)]
    return text
