"""The one Jinja2 environment and the renderer every kind of page goes through:
a page is made from a template, or left as the previous build wrote it when
nothing it shows changed (its key; see `core.memory`)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import posixpath
import re
import types
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from generator import layout
from generator.core.memory import BuildCache, digest, digest_parts, folder_digest
from generator.errors import ValidationFailed
from generator.render import markup
from generator.render.committee import located, page_folders
from generator.render.labels import labels_for
from generator.render.provenance import footer, with_source
from generator.settings import Settings, portable

# Where a page shows the size of a PDF: put in once the page is made (`Renderer.page`),
# or once the PDF is set (`Renderer.sized`); what search indexes never holds the size.
_SIZE_MARK = re.compile("\x00hb-pdf-size:([0-9a-f]+)\x00")
SIZE_MARK = "\x00hb-pdf-size:"  # how each mark begins

# Generated pages put what search should not index last, inside this element
# (scores, histories); what comes before it is the page's searchable text.
NOINDEX = '<div class="hb-noindex" data-pagefind-ignore="all">'


@dataclass(frozen=True)
class Page:
    """A generated page: its path in the docs folder and its Markdown.

    `content` is None when the previous build's file is still right (see `cache`)."""

    path: str
    content: str | None
    title: str
    in_nav: bool = False
    source: str | None = None  # the data file it is made from, relative to the repository
    key: str = ""  # digest of everything the page shows ("" for pages always rendered)
    search: str = ""  # digest of what search indexes of it


def make_environment(
    overrides: Path | Sequence[Path] | None = None,
    compiled: Path | None = None,
    global_values: Mapping[str, object] | None = None,
    filters: Mapping[str, Callable[..., object]] | None = None,
    extra: Path | None = None,
    more: Sequence[Path] = (),
) -> jinja2.Environment:
    """The one Jinja2 environment: overrides first (one folder, or several, the first
    winning), strict about undefined names, every value HTML-escaped unless a filter
    says where it lands. `compiled`: a folder where compiled templates are kept
    between builds; `extra`: another folder of templates (the PDFs'); `more`: the
    templates of kinds defined outside the package, after its own."""
    folders = [overrides] if isinstance(overrides, Path) else list(overrides or ())
    paths = [str(folder) for folder in folders]
    paths.append(str(layout.PAGE_TEMPLATES))
    if extra:
        paths.append(str(extra))
    paths += [str(folder) for folder in more]
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(paths),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        extensions=["jinja2.ext.do"],
        bytecode_cache=jinja2.FileSystemBytecodeCache(str(compiled)) if compiled else None,
        # `{#anchor}` is attribute-list syntax in the Markdown we write.
        comment_start_string="{##",
        comment_end_string="##}",
    )
    env.globals["noindex"] = Markup(NOINDEX)  # opens what search skips (close with </div>)
    env.globals["paths"] = PATHS  # where generated pages are: templates spell no path
    env.policies["json.dumps_kwargs"] = {"ensure_ascii": False, "sort_keys": True}
    env.filters.update(
        inline=markup.inline,
        attr=markup.attr,
        block=markup.block,
        html_block=markup.html_block,
        one_line=markup.one_line,
        slug=markup.slug,
        zh_date=markup.zh_date,
        points=markup.points,
        diff_html=markup.diff_html,
        score_cell=markup.score_cell,
        file_size=markup.file_size,
    )
    env.filters.update(filters or {})  # the domains' own (a round's period, say)
    env.globals.update(score_cells=markup.score_cells, delta=markup.delta, **(global_values or {}))
    return env


@dataclass(frozen=True)
class _PdfSize:
    """The size of a PDF, as a page shows it: known once the PDF is set (`Renderer.sized`)."""

    path: str


PATHS = types.SimpleNamespace(
    home=layout.HOME,
    standards_index=layout.STANDARDS_INDEX,
    notices_index=layout.NOTICES_INDEX,
    round=layout.round_path,
    table=layout.table_path,
)


@functools.lru_cache(maxsize=65536)
def relative_url(here: str, there: str) -> str:
    """The link from the folder `here` to the folder `there` (both site-relative, "." for the root)."""
    a = [] if here == "." else here.split("/")
    b = [] if there == "." else there.split("/")
    common = 0
    while common < min(len(a), len(b)) and a[common] == b[common]:
        common += 1
    parts = [".."] * (len(a) - common) + b[common:]
    return "/".join(parts) + "/" if parts else "./"


class Renderer:
    """Renders pages for one build: the environment, the labels, and the keys that
    decide whether a page must be made again (`memory`: the build memory, or
    None to make every page)."""

    def __init__(
        self,
        settings: Settings,
        as_of: dt.date,
        memory: BuildCache | None = None,
        *,
        dates: Mapping[str, dt.date] | None = None,
        global_values: Mapping[str, object] | None = None,
        filters: Mapping[str, Callable[..., object]] | None = None,
        root: Path | None = None,
        templates: Sequence[Path] = (),
        labels: Mapping[str, str] | None = None,
    ) -> None:
        self.settings = settings
        self.root = root  # the handbook's folder: a committee template's mistake is placed in it
        self.memory = memory
        compiled = None
        if memory is not None and root is not None:
            compiled = root / layout.COMPILED_TEMPLATES
            compiled.mkdir(parents=True, exist_ok=True)
        self.folders = page_folders(settings)  # the committee's templates, first
        self.env = make_environment(self.folders, compiled, global_values, filters, more=templates)
        self.labels = labels_for(settings.language) | dict(labels or {})  # kinds' own words too
        self.dates = dict(dates or {})  # source file → day of its last commit
        self.file_keys: dict[str, str] = {}  # download → key (see `file`)
        # Page → the PDF it links (path, size, key), from the PDF stage (generator/pdf/).
        self.pdfs: dict[str, Any] = {}
        self.marked: dict[str, str] = {}  # a size's mark on a page → the PDF
        self.undecided: set[str] = set()  # indexes to be kept or not once the sizes are known
        self.env.filters["file_size"] = self._file_size
        # What every page depends on: the generator's code and templates, the
        # settings, the day statuses are computed for, the committee's templates
        # (by what they hold, not where the repository is: it may move).
        self.scope = digest_parts(
            [
                memory.version if memory else "",
                as_of,
                portable(settings),
                [folder_digest(folder) for folder in (*self.folders, *templates)],
            ]
        )

    def page(
        self,
        path: str,
        title: str,
        make: Callable[[], str],
        *,
        deps: Iterable[str] | None = None,
        in_nav: bool = False,
        source: str | None = None,
    ) -> Page:
        """A page made by `make()`, or left as the previous build wrote it when the
        files it depends on (`deps`, besides everything in `scope`) are unchanged.
        Pages without `deps` (indexes that list everything) are always made."""
        key = ""
        pdf = self.pdfs.get(path)
        if deps is not None and pdf is not None:  # the link shows the PDF's size
            deps = [*deps, self.part(f"pdf:{pdf.path}", lambda: pdf.key)]
        if self.memory is not None and deps is not None:
            key = self.memory.page_key(path, self.scope, deps, self.dates.get(source or ""))
            previous = self.memory.reusable(path, key)
            if previous is not None:
                return Page(path, None, title, in_nav, source, key, previous)
        content = make()
        search = digest(content.split(NOINDEX, 1)[0])
        tail = footer(source, self.dates, self.labels)
        if tail:
            content = content.rstrip("\n") + tail
        content = with_source(content, source)
        if "\x00hb-pdf-size:" in content:
            content = self._sizes(content, {link.path: link.size for link in self.pdfs.values()})
        if self.memory is not None and deps is None:
            if _SIZE_MARK.search(content):  # a PDF still being set: decided in `sized`
                self.undecided.add(path)
                return Page(path, content, title, in_nav, source, key, search)
            return self._made(Page(path, content, title, in_nav, source, key, search))
        return Page(path, content, title, in_nav, source, key, search)

    def _made(self, page: Page) -> Page:
        """An index that lists everything is made every time: when it comes out as
        before, the file written last time stays (a rebuild without changes makes none)."""
        assert self.memory is not None and page.content is not None
        key = "made:" + digest(page.content)
        previous = self.memory.reusable(page.path, key)
        if previous is not None:
            return dataclasses.replace(page, content=None, key=key, search=previous)
        return dataclasses.replace(page, key=key)

    def file(
        self, path: str, make: Callable[[], str | bytes], deps: Iterable[str]
    ) -> str | bytes | None:
        """A generated download (CSV, JSON, XLSX), or None when the previous build's is still right."""
        if self.memory is None:
            return make()
        key = self.memory.page_key(path, self.scope, deps)
        self.file_keys[path] = key
        return None if self.memory.reusable(path, key) is not None else make()

    def part(self, name: str, shown: Callable[[], object]) -> str:
        """A dependency on part of the data (what a page shows of it), for pages that
        show little of large files: `shown()` gives that part, `name` names it."""
        if self.memory is not None and name not in self.memory.parts:
            self.memory.parts[name] = digest_parts([shown()])
        return name

    def helpers(self, page_path: str) -> dict[str, Callable[..., str]]:
        """Link builders relative to the page at `page_path` (a path in the docs folder)."""

        here = layout.page_url(page_path)

        def url(target: str, anchor: str = "") -> str:
            """A relative URL to another page (directory URLs), for HTML."""
            return relative_url(here, layout.page_url(target)) + (f"#{anchor}" if anchor else "")

        def md(target: str, anchor: str = "") -> str:
            """A relative link to another page's Markdown file, for MkDocs to check and resolve."""
            rel = posixpath.relpath(target, posixpath.dirname(page_path) or ".")
            return rel + (f"#{anchor}" if anchor else "")

        return {"url": url, "md": md}

    def _file_size(self, size: object) -> str:
        """A file's size as readers read it; a PDF's, a mark (see `_SIZE_MARK`)."""
        if isinstance(size, _PdfSize):
            mark = digest(size.path)
            self.marked[mark] = size.path
            return f"\x00hb-pdf-size:{mark}\x00"
        assert isinstance(size, int)
        return markup.file_size(size)

    def _sizes(self, content: str, sizes: Mapping[str, int | None]) -> str:
        """The marks of the PDFs' sizes whose sizes are known, replaced by them."""

        def size(m: re.Match[str]) -> str:
            known = sizes.get(self.marked[m.group(1)])
            return m.group(0) if known is None else markup.file_size(known)

        return _SIZE_MARK.sub(size, content)

    def sized(self, pages: list[Page], links: Mapping[str, Any]) -> list[Page]:
        """The pages with the sizes of the PDFs that were being set while they were
        rendered (`links`: the PDF stage's, with every size)."""
        sizes = {link.path: link.size for link in links.values()}
        done = []
        for page in pages:
            if page.content is not None and "\x00hb-pdf-size:" in page.content:
                page = dataclasses.replace(page, content=self._sizes(page.content, sizes))
                if page.path in self.undecided:
                    page = self._made(page)
            done.append(page)
        return done

    def pdf_link(self, page_path: str) -> dict[str, object] | None:
        """The PDF the page links ("下载PDF"): its address from the page, and its size."""
        link = self.pdfs.get(page_path)
        if link is None:
            return None
        folder, name = posixpath.split(link.path)
        here = layout.page_url(page_path)
        return {"href": relative_url(here, folder) + name, "size": _PdfSize(link.path)}

    def render(self, template: str, page_path: str, **context: object) -> str:
        """A template rendered for the page at `page_path`; a mistake in a committee's
        template is a located problem."""
        try:
            return self.env.get_template(template).render(
                L=self.labels,
                settings=self.settings,
                **self.helpers(page_path),
                pdf=functools.partial(self.pdf_link, page_path),
                **context,
            )
        except Exception as exc:
            problem = located(exc, self.root, self.folders) if self.root else None
            if problem is None:
                raise
            raise ValidationFailed([problem]) from None
