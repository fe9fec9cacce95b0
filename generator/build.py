"""`handbook build`: the pipeline, the engine, the search index, then the swap.

A build reuses what the previous one left in `.handbook/` (see `cache`): the
generator renders only pages whose sources changed and rewrites only files
whose text changed; when the menu and the configuration are unchanged the
engine rebuilds only those pages (MkDocs' dirty build, into `.handbook/site`),
and search is indexed again only when what it sees changed. The result is the
same site a clean build makes.
"""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Callable
from pathlib import Path

from generator import cache as build_cache
from generator import engine, search
from generator.pipeline import Result, run
from generator.project import BUILD_DIR, TEMPLATES, docs_files, write_project
from generator.repository import CONFIG_FILE

ENGINE_SITE = ".handbook/site"


def _engine_key(root: Path, config: Path, result: Result, version: str, as_of: dt.date) -> str:
    """Everything besides a page's own Markdown that shapes its HTML: the generated
    configuration (with the menu), the repository's, the theme, the set of files."""
    files = sorted(docs_files(root, result))
    return build_cache.digest_parts(
        [
            version,
            as_of,
            config.read_text(encoding="utf-8"),
            (root / CONFIG_FILE).read_text(encoding="utf-8"),
            build_cache.folder_digest(TEMPLATES / "theme"),
            files,
        ]
    )


def generate(
    cache: build_cache.BuildCache,
    as_of: dt.date,
    site_dir: Path,
    *,
    mark: Callable[[str], None] | None = None,
    serve_hooks: bool = False,
    pdf: bool = True,
) -> tuple[Result, Path]:
    """Run the pipeline, reusing what `cache` allows, and write the MkDocs project
    for a site in `site_dir`; return the result and the project's configuration."""
    try:
        with build_cache.active(cache):
            result = run(cache.root, as_of, mark=mark, pdf=pdf)
    except BaseException:
        cache.save_reads()  # what was read stays useful while the data is fixed
        raise
    config = write_project(cache.root, result, site_dir, serve_hooks=serve_hooks)
    cache.record_pages((p.path, p.key, p.search) for p in result.pages)
    cache.record_pages((path, key, "") for path, key in result.file_keys.items())
    cache.save_pages()
    return result, config


def build_site(
    root: Path,
    as_of: dt.date,
    site_dir: Path | None = None,
    mark: Callable[[str], None] | None = None,
    *,
    full: bool = False,
    pdf: bool = True,
) -> Result:
    """Build the site into `site_dir` (default `site/`); on any failure it is left as it was.

    `full`: forget the previous build and redo everything; `pdf`: print the
    standards and manuals (generator/pdf/).
    `mark(stage)` is called as each stage ends, for the benchmarks."""
    mark = mark or (lambda stage: None)
    target = (site_dir or root / "site").resolve()
    built = root / ENGINE_SITE
    if full:
        shutil.rmtree(root / build_cache.CACHE_DIR, ignore_errors=True)
        shutil.rmtree(built, ignore_errors=True)
    cache = build_cache.BuildCache(root, root / BUILD_DIR / "docs")
    try:
        result, config = generate(cache, as_of, built.resolve(), mark=mark, pdf=pdf)
        mark("write")
        engine_key = _engine_key(root, config, result, cache.version, as_of)
        dirty = cache.engine_key == engine_key and built.is_dir()
        parts = search.shards(p.path for p in result.pages)
        search_keys = {name: cache.search_key(paths) for name, paths in parts.items()}
        cache.set_engine("", {})  # until the engine is done, its folder is not to be trusted
        engine.run_mkdocs(config, as_of, dirty=dirty)
        mark("engine")
        for name, paths in parts.items():
            current = dirty and cache.search_keys.get(name) == search_keys[name]
            if not (current and (built / "pagefind" / name / "pagefind-entry.json").is_file()):
                engine.run_pagefind(built, name, search.glob(name, paths))
        for stale in (built / "pagefind").glob("*"):
            if stale.name not in parts:
                shutil.rmtree(stale)
        mark("search index")
        cache.set_engine(engine_key, search_keys)
    finally:
        cache.close()
    engine.publish(built, target)
    mark("post-build")
    return result
