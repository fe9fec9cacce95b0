"""`handbook build`: the pipeline, the engine, the search index, then publishing.

A build reuses what the previous one left in `.handbook/` (see `core.memory`):
the generator renders only pages whose sources changed and rewrites only files
whose text changed; when the menu and the configuration are unchanged the
engine rebuilds only those pages (MkDocs' dirty build, into `.handbook/site`),
and search indexes again only the parts of the site whose searchable text
changed (engine/search.py). The result is the
same site a clean build makes.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import gc
import shutil
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

from generator import layout
from generator.core.lock import one_run
from generator.core.memory import BuildCache, digest_parts, folder_digest
from generator.descriptor import Kind
from generator.engine import search
from generator.engine.custom import read_custom
from generator.engine.finish import Finisher
from generator.engine.project import docs_files, write_project
from generator.engine.publish import publish, spare_made
from generator.engine.run import run_mkdocs
from generator.kinds import KINDS
from generator.messages import Phrase
from generator.pipeline import Result, run
from generator.settings import Settings, site_folder


def _engine_key(root: Path, config: Path, result: Result, version: str, as_of: dt.date) -> str:
    """Everything besides a page's own Markdown that shapes its HTML: the generated
    configuration (with the menu), the repository's, the theme, the set of files."""
    files = sorted(docs_files(root, result))
    return digest_parts(
        [
            version,
            as_of,
            config.read_text(encoding="utf-8"),
            (root / layout.CONFIG_FILE).read_text(encoding="utf-8"),
            folder_digest(root / layout.BUILD_THEME),  # ours, Material's base, theirs
            [p.read_bytes() for p in read_custom(root).hooks if p.is_file()],
            files,
        ]
    )


def generate(
    root: Path,
    memory: BuildCache,
    as_of: dt.date,
    site_dir: Path,
    *,
    mark: Callable[[str], None] | None = None,
    serve_hooks: bool = False,
    pdf: bool = True,
    settings: Settings | None = None,
    kinds: Sequence[Kind] = KINDS,
    finish: bool = True,
) -> tuple[Result, Path]:
    """Run the pipeline over the handbook at `root`, reusing what `memory` allows, and
    write the MkDocs project for a site in `site_dir`; return the result and the
    project's configuration. `finish`: wait for the PDFs, else leave them to be
    finished (`engine.finish`): the files they change are not remembered yet."""
    try:
        result = run(
            root,
            as_of,
            memory=memory,
            mark=mark,
            pdf=pdf,
            settings=settings,
            kinds=kinds,
            finish=finish,
        )
    except BaseException:
        memory.save_reads()  # what was read stays useful while the data is fixed
        raise
    finisher = Finisher(result, memory)
    try:
        config = write_project(root, result, site_dir, serve_hooks=serve_hooks, memory=memory)
        unfinished = finisher.unfinished()  # written again, whatever their keys: never kept
        pages = [(p.path, "" if p.path in unfinished else p.key, p.search) for p in result.pages]
        # Files not written by this build are as the memory found them (`reusable`).
        untouched = {p.path for p in result.pages if p.content is None}
        untouched |= {path for path, data in result.files.items() if data is None}
        untouched -= unfinished
        memory.record_pages(pages, untouched)
        files = [(path, key) for path, key in result.file_keys.items() if path not in unfinished]
        memory.record_pages(((path, key, "") for path, key in files), untouched)
        memory.save_pages()
    except BaseException:
        finisher.cancel()
        raise
    return result, config


def build_site(
    root: Path,
    as_of: dt.date,
    site_dir: Path | None = None,
    mark: Callable[[str], None] | None = None,
    *,
    full: bool = False,
    pdf: bool = True,
    wait: bool = True,
    notify: Callable[[Phrase], None] | None = None,
    command: str = "handbook build",
    settings: Settings | None = None,
    kinds: Sequence[Kind] = KINDS,
) -> Result:
    """Build the site into `site_dir` (default: where mkdocs.yml's settings put it,
    `settings.site_folder`); on any failure it is left as it was.

    `full`: forget the previous build and redo everything; `pdf`: print the
    standards and manuals (generator/pdf/).
    `mark(stage)` is called as each stage ends, for the benchmarks.
    One build at a time per handbook (`core.lock`): `wait` for another one, or
    stop; `notify` hears what the user should know (waiting, a healed memory).
    `settings`: the handbook's, when the caller has read them; `kinds`: the kinds
    of content built (`generator/kinds.py`)."""
    with (
        one_run(root, command, wait=wait, notify=notify),
        _old_objects_left_alone(),
        spare_made(root / layout.ENGINE_SITE),
    ):
        stages = mark or (lambda stage: None)
        return _build(root, as_of, site_dir, stages, full, notify, pdf, settings, kinds)


@contextlib.contextmanager
def _old_objects_left_alone() -> Iterator[None]:
    """Python's cycle collector left off the objects that were alive before the build
    (`gc.freeze`) until it ends: in a process that built before (`handbook serve`,
    the benchmarks) each of the build's full collections would otherwise go over
    the previous build's objects again (0.4–0.6 s of an edit's rebuild at M).
    They are handed back afterwards (`gc.unfreeze`), so garbage among them is
    collected as before."""
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


def _build(
    root: Path,
    as_of: dt.date,
    site_dir: Path | None,
    mark: Callable[[str], None],
    full: bool,
    notify: Callable[[Phrase], None] | None,
    pdf: bool,
    settings: Settings | None,
    kinds: Sequence[Kind],
) -> Result:
    built = root / layout.ENGINE_SITE
    if full:
        shutil.rmtree(root / layout.CACHE_DIR, ignore_errors=True)
        shutil.rmtree(built, ignore_errors=True)
    memory = BuildCache(root, root / layout.BUILD_DOCS, notify)
    finisher: Finisher | None = None
    try:
        result, config = generate(
            root,
            memory,
            as_of,
            built.resolve(),
            mark=mark,
            pdf=pdf,
            settings=settings,
            kinds=kinds,
            finish=False,
        )
        finisher = Finisher(result, memory)
        finisher.start()  # the PDFs set while the engine and search run
        mark("write")
        engine_key = _engine_key(root, config, result, memory.version, as_of)
        if memory.engine_key and not built.is_dir():
            memory.found_damage()  # the engine's folder is gone: it is built in full
        dirty = memory.engine_key == engine_key and built.is_dir()
        groups = search.parts(p.path for p in result.pages)
        search_keys = {name: memory.search_key(paths) for name, paths in groups.items()}
        memory.set_engine("", {})  # until the engine is done, its folder is not to be trusted
        linked = run_mkdocs(config, dirty=dirty, key=engine_key)
        mark("engine")
        previous = memory.search_keys
        store = root / layout.SEARCH_PARTS
        search.index_site(built, store, groups, search_keys, previous, fresh=not dirty)
        mark("search index")
        finisher.join(built)  # written before the engine's folder is trusted again
        mark("pdf")
        memory.set_engine(engine_key, search_keys)
    except BaseException:
        if finisher is not None:
            finisher.cancel()
        raise
    finally:
        memory.close()
    publish(built, site_folder(root, result.settings, site_dir).resolve(), linked=linked)
    mark("post-build")
    return result
