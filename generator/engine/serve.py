"""`handbook serve`: a live preview. Source edits re-run the pipeline; MkDocs'
own server notices the regenerated Markdown, rebuilds and reloads the browser."""

from __future__ import annotations

import datetime as dt
import json
import threading
from collections.abc import Callable
from pathlib import Path

from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer

from generator import layout
from generator.core.lock import Busy, one_run
from generator.core.memory import BuildCache
from generator.engine import build
from generator.engine.custom import read_custom
from generator.engine.serve_mkdocs import PreviewSession
from generator.errors import Problem, ValidationFailed
from generator.messages import DEFAULT_LANGUAGE, Phrase, text


class _Regenerate(FileSystemEventHandler):
    def __init__(self, root: Path, action: Callable[[], None]) -> None:
        self.root = root
        self.action = action
        self.timer: threading.Timer | None = None
        self.build = (root / layout.BUILD_DIR).resolve()

    def on_any_event(self, event: FileSystemEvent) -> None:
        path = Path(str(event.src_path)).resolve()
        if self.build in path.parents or event.event_type in ("opened", "closed_no_write"):
            return
        if self.timer:
            self.timer.cancel()
        self.timer = threading.Timer(0.2, self.action)  # one run per burst of saves
        self.timer.start()


def show_problems(root: Path, problems: list[Problem], language: str) -> None:
    """Put the preview's current problems where every page of it reads them (handbook.js
    shows them over the page, as Vite and Hugo do); none: nothing is shown. MkDocs'
    server sees the file change, copies it and reloads the browser."""
    found: dict[str, object] = {}
    if problems:
        found = {
            "title": text("serve.problems_title", language, n=len(problems)),
            "hint": text("serve.problems_hint", language),
            "problems": [p.format(language) for p in problems],
        }
    path = root / layout.BUILD_DOCS / layout.SERVE_PROBLEMS
    content = json.dumps(found, ensure_ascii=False, indent=1)
    if not path.is_file() or path.read_text(encoding="utf-8") != content:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(content, encoding="utf-8")


def serve(
    root: Path,
    as_of: dt.date,
    dev_addr: str,
    report: Callable[[ValidationFailed], None],
    *,
    wait: bool = True,
    notify: Callable[[Phrase], None] | None = None,
    command: str = "handbook serve",
    pdf: bool = False,
    language: str = DEFAULT_LANGUAGE,
) -> None:
    """Preview the handbook at `dev_addr`; problems in an edit are reported (in the terminal
    and on every page of the preview) and the last good page stays; "已修复" when they are gone.
    `pdf`: make the PDFs too (slow: a preview skips them unless asked)."""
    site = root / layout.SERVE_SITE

    def generate() -> Path:
        """Run the pipeline, reusing what is unchanged (see `core.memory`), and write
        the project; one run at a time with `handbook build` (see `core.lock`)."""
        with one_run(root, command, wait=wait, notify=notify):
            memory = BuildCache(root, root / layout.BUILD_DOCS, notify)
            try:
                return build.generate(root, memory, as_of, site, serve_hooks=True, pdf=pdf)[1]
            finally:
                memory.close()

    config = generate()
    show_problems(root, [], language)

    running = threading.Lock()  # one pipeline run at a time, however the saves come
    failing = [False]  # whether the last run found problems

    def regenerate() -> None:
        with running:
            try:
                generate()
            except ValidationFailed as failed:
                report(failed)
                show_problems(root, failed.problems, language)
                failing[0] = True
            except Busy as busy:  # --no-wait: this edit waits for the next save
                if notify is not None:
                    notify(Phrase(busy.key, busy.params))
            else:
                show_problems(root, [], language)
                if failing[0] and notify is not None:
                    notify(Phrase("serve.fixed"))
                failing[0] = False

    observer = Observer()
    handler = _Regenerate(root, regenerate)
    custom = read_custom(root)  # their theme and hooks are layered in by `generate`
    watched = [root / name for name in layout.DATA] + [custom.custom_dir or root / layout.DATA[0]]
    watched.append(root / layout.SITE_TEMPLATES)  # the committee's page and theme templates
    for path in dict.fromkeys(watched):
        if path.is_dir():
            observer.schedule(handler, str(path), recursive=True)
    observer.schedule(handler, str(root), recursive=False)
    observer.start()
    try:
        # Dirty builds: MkDocs rebuilds only pages whose Markdown changed, and the
        # generator rewrites only the files whose content changed.
        PreviewSession(config, dev_addr).serve()
    finally:
        observer.stop()
        observer.join()
