"""Hand-written Markdown pages under `content/`: read them, check them for
safety, find their headings and citations; and the home page's introduction."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel
from pymdownx.slugs import slugify

from generator import layout
from generator.content.citations import Citation, code_free_spans, find_citations
from generator.content.links import link_problems
from generator.content.model import PageMeta
from generator.core.documents import Document, MarkdownFile, load_markdown
from generator.core.files import entries, present
from generator.core.memory import BuildCache, memoized
from generator.core.typed import parse
from generator.errors import Problem

_HEADING = re.compile(r"^(#{1,6})[ \t]+(.+?)(?:[ \t]+\{#([^}\s]+)[^}]*\})?[ \t#]*$", re.M)
_UNSAFE_LINK = re.compile(r"\]\(\s*<?\s*(javascript|data|vbscript):", re.I)
_EVENT_ATTR = re.compile(r"\{[^}\n]*\bon[a-z]+\s*=", re.I)
_slug = slugify(case="lower")


@dataclass(frozen=True)
class Heading:
    """A heading of a hand-written page: where it starts, its level, text and anchor."""

    offset: int
    level: int
    title: str
    anchor: str


@dataclass
class ContentPage:
    """A page of a manual or guide, as the committee wrote it."""

    source: str  # path relative to the repository
    path: str  # path in the docs folder
    meta: PageMeta
    meta_doc: Document
    body: str
    body_line: int
    headings: list[Heading] = field(default_factory=list)
    citations: list[Citation] = field(default_factory=list)
    typed: BaseModel | None = None  # the front matter as its own model (a notice's, say)

    @property
    def is_index(self) -> bool:
        """Whether the page is its folder's index (the section's own page)."""
        return layout.is_index(self.path)

    def section_at(self, offset: int) -> Heading | None:
        """The heading a place in the body falls under."""
        before = [h for h in self.headings if h.offset <= offset and h.level > 1]
        return before[-1] if before else None


def _headings(body: str) -> list[Heading]:
    """Headings outside code, with the anchors MkDocs' toc will give them."""
    seen: set[str] = set()
    found = []
    for offset, text in code_free_spans(body):
        for m in _HEADING.finditer(text):
            title = m.group(2).strip()
            anchor = m.group(3) or _slug(re.sub(r"[*_`\[\]]", "", title), "-")
            base, n = anchor, 0
            while anchor in seen:
                n += 1
                anchor = f"{base}_{n}"
            seen.add(anchor)
            found.append(Heading(offset + m.start(), len(m.group(1)), title, anchor))
    return found


def _safety(body: str, rel: str, first_line: int) -> list[Problem]:
    problems = []
    for offset, text in code_free_spans(body):
        for pattern, code in ((_UNSAFE_LINK, "HB306"), (_EVENT_ATTR, "HB307")):
            for m in pattern.finditer(text):
                start = offset + (m.start(1) if m.re.groups else m.start())
                line = first_line + body.count("\n", 0, start)
                column = start - (body.rfind("\n", 0, start) + 1) + 1
                problems.append(Problem.at(rel, line, column, "", code))
    return problems


def load_pages(
    root: Path, memory: BuildCache | None = None
) -> tuple[list[ContentPage], list[Path], list[Problem]]:
    """Every Markdown page under content/ (except the home page's introduction and
    the notices), the other files there (images, attachments), and the problems found."""
    base = root / layout.CONTENT_DIR
    pages: list[ContentPage] = []
    assets: list[Path] = []
    problems: list[Problem] = []
    if not base.is_dir():
        return pages, assets, problems
    # The home page's introduction, notices and results have their own readers.
    for entry in entries(root, base, skip=layout.GENERATED_SECTIONS):
        if entry.is_dir or entry.name.startswith("."):
            continue
        docs_path = entry.rel
        rel = f"{layout.CONTENT_DIR}/{docs_path}"
        if docs_path == layout.HOME:
            continue
        path = entry.path
        if path.suffix.lower() in (".yml", ".yaml"):
            continue  # data is published through its pages, never as a raw file
        if not entry.inside:
            problems.append(Problem.at(rel, 0, 0, "", "HB025"))
            continue
        if path.suffix.lower() != ".md":
            assets.append(path)
            continue
        page, found = read_page(path, rel, docs_path, PageMeta, memory)
        problems += found
        if page is not None:
            pages.append(page)
    return pages, assets, problems


M = TypeVar("M", bound=BaseModel)


def read_page(
    path: Path, rel: str, docs_path: str, model: type[M], memory: BuildCache | None = None
) -> tuple[ContentPage | None, list[Problem]]:
    """A Markdown file whose front matter follows `model`, checked for safety and
    citations. The page's `typed` holds the front matter as `model`; its `meta`
    is a PageMeta (for other models, made from their title)."""
    return memoized(
        memory,
        path,
        rel,
        f"page:{model.__name__}:{docs_path}",
        lambda: _read_page(path, rel, docs_path, model),
    )


def _read_page(
    path: Path, rel: str, docs_path: str, model: type[M]
) -> tuple[ContentPage | None, list[Problem]]:
    loaded, problems = load_markdown(path, rel)
    if loaded is None:
        return None, problems
    if loaded.meta is None:
        problems.append(Problem.at(rel, 1, 1, "", "HB026"))
        return None, problems
    typed, found = parse(loaded.meta, model)
    problems += found
    if typed is None:
        return None, problems
    problems += _safety(loaded.body, rel, loaded.body_line)
    problems += link_problems(loaded.body, rel, docs_path, loaded.body_line)
    citations, malformed = find_citations(loaded.body, loaded.body_line)
    problems += [
        Problem.at(rel, line, column, "", "HB308", text=text) for line, column, text in malformed
    ]
    meta = (
        typed
        if isinstance(typed, PageMeta)
        else PageMeta.model_validate({"title": typed.model_dump().get("title", "")})
    )
    page = ContentPage(rel, docs_path, meta, loaded.meta, loaded.body, loaded.body_line)
    page.typed = typed
    page.headings = _headings(loaded.body)
    page.citations = citations
    return page, problems


def load_home(
    root: Path, memory: BuildCache | None = None
) -> tuple[MarkdownFile | None, list[Problem]]:
    """The committee's own introduction for the home page, if it wrote one."""
    path = root / layout.HOME_SOURCE
    if not present(path):
        return None, []
    rel = layout.HOME_SOURCE
    return memoized(memory, path, rel, "markdown", lambda: load_markdown(path, rel))
