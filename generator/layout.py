"""Every path of the layout, in one place: where a handbook's sources are, where
the build keeps its memory (`.handbook/`), where generated pages land in the
docs folder (and so their URLs), and where the package keeps its templates.

Nothing else in the generator spells a path of the layout; a test
(`tests/test_architecture.py`) fails on a path literal outside this module."""

from __future__ import annotations

import posixpath
from pathlib import Path

# -- the handbook's sources, relative to its root -------------------------------------
CONFIG_FILE = "mkdocs.yml"
STANDARDS_DIR = "standards"
CONTENT_DIR = "content"
HOME_SOURCE = f"{CONTENT_DIR}/index.md"
NOTICES_DIR = "notices"  # under content/ (and in the docs folder)
RESULTS_DIR = "results"  # under content/ (and in the docs folder)
NOTICES_SOURCE = f"{CONTENT_DIR}/{NOTICES_DIR}"
CALENDAR = f"{NOTICES_SOURCE}/calendar.yml"
RESULTS_SOURCE = f"{CONTENT_DIR}/{RESULTS_DIR}"
UNITS_SOURCE = f"{RESULTS_SOURCE}/units.yml"
SERIES_SOURCE = f"{RESULTS_SOURCE}/series.yml"
DRAFTS_DIR = "drafts"  # under standards/<id>/: drafts for comment (征求意见稿)
ROUNDS_DIR = "rounds"  # under content/results/
TABLES_DIR = "tables"  # under content/results/
COMPOSITES_DIR = "composites"  # under content/results/
CODEOWNERS = "CODEOWNERS"
# The committee's own templates: page templates override the tool's of the same
# name, and `theme/` is layered over the handbook's theme (as `theme.custom_dir`).
SITE_TEMPLATES = "site_templates"
SITE_THEME = f"{SITE_TEMPLATES}/theme"
# The editors' reference of error codes, per language (`handbook explain --write`).
ERROR_CODES_PAGES = {"zh": "docs/错误代码.md", "en": "docs/error-codes.md"}
EDITOR_SCHEMAS = ".vscode/schemas"  # a committee's copy of the JSON Schemas (`handbook new`)
EDITOR_SETTINGS = ".vscode/settings.json"  # wires each schema to its files
# The data files each JSON Schema describes (the editors' wiring, `.vscode/settings.json`).
EDITION_FILES = f"{STANDARDS_DIR}/*/*.yml"
DRAFT_FILES = f"{STANDARDS_DIR}/*/{DRAFTS_DIR}/*.yml"
ROUND_FILES = f"{RESULTS_SOURCE}/{ROUNDS_DIR}/*.yml"
TABLE_FILES = f"{RESULTS_SOURCE}/{TABLES_DIR}/*.yml"
COMPOSITE_FILES = f"{RESULTS_SOURCE}/{COMPOSITES_DIR}/*.yml"
# What `handbook diff` compares and `handbook serve` watches.
DATA = (STANDARDS_DIR, CONTENT_DIR, CONFIG_FILE)
# Folders whose files' last commits are shown on their pages.
DATED = (STANDARDS_DIR, CONTENT_DIR)


def notice_source(slug: str) -> str:
    """The file of a notice."""
    return f"{NOTICES_SOURCE}/{slug}.md"


# -- the build's memory, relative to the handbook's root ------------------------------
WORK_DIR = ".handbook"
CACHE_DIR = f"{WORK_DIR}/cache"
CACHE_STATE = "state.sqlite"  # in CACHE_DIR
COMPILED_TEMPLATES = f"{CACHE_DIR}/templates"
COMPILED_THEME = f"{CACHE_DIR}/theme"
PDF_PARTS = f"{CACHE_DIR}/pdf-parts"  # a booklet's chapters as PDFs, by their source's digest
PDF_READS = f"{CACHE_DIR}/pdf-reads.pickle"  # each part's pages, bookmarks, destinations
PDF_STATE = f"{CACHE_DIR}/pdf-state.pickle"  # what the PDF workers make editions' sources from
SEARCH_PARTS = f"{CACHE_DIR}/search"  # each part of the site's search index, before the merge
SEARCH_MEMO = "search-merge.json"  # beside SEARCH_PARTS: the merged chunks by their sources
BUILD_DIR = f"{WORK_DIR}/build"  # the generated MkDocs project
BUILD_DOCS = f"{BUILD_DIR}/docs"
BUILD_CONFIG = f"{BUILD_DIR}/mkdocs.yml"
BUILD_THEME = f"{BUILD_DIR}/theme"  # ours, Material's base.html and the committee's custom_dir
MATERIAL_BASE = "hb-material/base.html"  # in BUILD_THEME: Material's base.html, under our layer
MATERIAL_NAV = "hb-material/partials/nav.html"  # Material's menu, under ours (made once)
ENGINE_SITE = f"{WORK_DIR}/site"  # what the engine built, before publishing
SERVE_SITE = f"{WORK_DIR}/serve-site"
# In the preview's docs: its current problems, shown on every page (engine/serve.py).
SERVE_PROBLEMS = "hb-problems.json"
LOCK_FILE = f"{WORK_DIR}/lock"  # held by the one run writing .handbook/ and site/
SITE_DIR = "site"  # published, unless --site-dir says otherwise
STAGING_SUFFIX = ".swap"  # `.site.swap` beside the site: the next version is made there
STAGING_GITIGNORE = "# handbook: the previous site, kept to make the next one quickly\n*\n"
ASIDE_SUFFIX = ".old"  # beside the site, for an instant, where folders cannot be exchanged


def root_of_build(config: Path) -> Path:
    """The handbook's folder, from the generated project's configuration file."""
    return config.parents[len(BUILD_CONFIG.split("/")) - 1]


# -- generated pages, relative to the docs folder (their URLs) ------------------------
HOME = "index.md"
STANDARDS_INDEX = f"{STANDARDS_DIR}/index.md"
GLOSSARY = "glossary/index.md"
NOTICES_INDEX = f"{NOTICES_DIR}/index.md"
ATOM_FEED = f"{NOTICES_DIR}/atom.xml"
RSS_FEED = f"{NOTICES_DIR}/rss.xml"
RESULTS_INDEX = f"{RESULTS_DIR}/index.md"
UNITS_INDEX = f"{RESULTS_DIR}/units/index.md"
ASSETS = "assets/handbook"  # the site's own CSS and JavaScript
SEARCH_DIR = "pagefind"  # in the built site
# Pages reached from index pages, not from the menu (MkDocs' `not_in_nav`), by kind.
STANDARDS_NOT_IN_NAV = (
    f"/{STANDARDS_DIR}/*/*/index.md\n/{STANDARDS_DIR}/*/*/changes/index.md\n"
)
NOTICES_NOT_IN_NAV = f"/{NOTICES_DIR}/*.md\n"
RESULTS_NOT_IN_NAV = f"/{RESULTS_DIR}/**\n"
# Top-level docs folders whose pages the generator makes from data, not from content/.
GENERATED_SECTIONS = (NOTICES_DIR, RESULTS_DIR)


def standard_path(standard_id: str, edition: str | None = None) -> str:
    """A standard's page (the edition in force), or one edition's."""
    if edition:
        return f"{STANDARDS_DIR}/{standard_id}/{edition}/index.md"
    return f"{STANDARDS_DIR}/{standard_id}/index.md"


def compare_path(standard_id: str, edition: str) -> str:
    """The page comparing `edition` with the edition before it."""
    return f"{STANDARDS_DIR}/{standard_id}/{edition}/changes/index.md"


def draft_source(standard_id: str, edition: str) -> str:
    """The file of a draft for comment (征求意见稿)."""
    return f"{STANDARDS_DIR}/{standard_id}/{DRAFTS_DIR}/{edition}.yml"


def draft_path(standard_id: str, edition: str) -> str:
    """The page of a draft for comment (征求意见稿) of an edition."""
    return f"{STANDARDS_DIR}/{standard_id}/{edition}/draft/index.md"


def draft_download(standard_id: str, edition: str, name: str) -> str:
    """A download beside a draft's page (its 意见汇总处理表: `handling.xlsx`, `handling.csv`)."""
    return f"{STANDARDS_DIR}/{standard_id}/{edition}/draft/{name}"


def amendment_path(standard_id: str, edition: str, number: int) -> str:
    """The page of an amendment sheet (第N号修改单) of an edition."""
    return f"{STANDARDS_DIR}/{standard_id}/{edition}/amendment-{number}/index.md"


def draft_pdf(standard_id: str, edition: str) -> str:
    """The PDF of a draft for comment."""
    return f"{PDF_DIR}/{STANDARDS_DIR}/{standard_id}-{edition}-draft.pdf"


def amendment_pdf(standard_id: str, edition: str, number: int) -> str:
    """The PDF of an amendment sheet."""
    return f"{PDF_DIR}/{STANDARDS_DIR}/{standard_id}-{edition}-amendment-{number}.pdf"


CATALOG_JSON = "catalog.json"  # the machine-readable catalogue of standards, at the site's root
CATALOG_SCHEMA = "catalog.schema.json"  # its JSON Schema, beside it


def notice_path(slug: str) -> str:
    """A notice's page."""
    return f"{NOTICES_DIR}/{slug}.md"


def round_path(round_id: str) -> str:
    """A results round's page."""
    return f"{RESULTS_DIR}/{round_id}/index.md"


def round_download(round_id: str, name: str) -> str:
    """A download beside a round's page (`scores.csv`, `scores.json`)."""
    return f"{RESULTS_DIR}/{round_id}/{name}"


def unit_path(unit_id: str) -> str:
    """A unit's page."""
    return f"{RESULTS_DIR}/units/{unit_id}/index.md"


def table_path(table_id: str) -> str:
    """A ledger's or task list's page."""
    return f"{RESULTS_DIR}/tables/{table_id}/index.md"


def composite_path(composite_id: str) -> str:
    """A composite assessment's page."""
    return f"{RESULTS_DIR}/composites/{composite_id}/index.md"


def composite_download(composite_id: str, name: str) -> str:
    """A download beside a composite's page."""
    return f"{RESULTS_DIR}/composites/{composite_id}/{name}"


def round_source(round_id: str) -> str:
    """The file of a round."""
    return f"{RESULTS_SOURCE}/{ROUNDS_DIR}/{round_id}.yml"


def table_download(table_id: str, name: str) -> str:
    """A download beside a table's page."""
    return f"{RESULTS_DIR}/tables/{table_id}/{name}"


def asset_path(name: str) -> str:
    """One of the site's own CSS or JavaScript files."""
    return f"{ASSETS}/{name}"


def page_url(path: str) -> str:
    """`a/index.md` → `a`, `a/b.md` → `a/b`: the folder a page is served from."""
    p = posixpath.splitext(path)[0]
    return (posixpath.dirname(p) or ".") if posixpath.basename(p) == "index" else p


# -- PDFs, relative to the docs folder (generator/pdf/) -------------------------------
PDF_DIR = "pdf"
MANUALS_DIR = "manuals"  # each folder under content/manuals/ is printed as one booklet
COLLECTION_PDF = f"{PDF_DIR}/huibian.pdf"  # the 汇编: every standard in force and every manual


def standard_pdf(standard_id: str, edition: str) -> str:
    """The PDF of one edition of a standard."""
    return f"{PDF_DIR}/{STANDARDS_DIR}/{standard_id}-{edition}.pdf"


def manual_pdf(folder: str) -> str:
    """The booklet of the manual folder `content/manuals/<folder>/`; folder "" is the
    booklet of the pages directly in `content/manuals/` (where the scaffold writes one)."""
    return f"{PDF_DIR}/{MANUALS_DIR}/{folder}.pdf" if folder else f"{PDF_DIR}/{MANUALS_DIR}.pdf"


def manual_folder(path: str) -> str | None:
    """The manual folder a hand-written page (its path in the docs folder) belongs to:
    "" for a page directly in `content/manuals/`."""
    parts = path.split("/")
    if parts[0] != MANUALS_DIR or len(parts) < 2:
        return None
    return parts[1] if len(parts) >= 3 else ""


def manual_index(folder: str) -> str:
    """The index page of a manual folder (its cover and 说明)."""
    return f"{MANUALS_DIR}/{folder}/{HOME}" if folder else f"{MANUALS_DIR}/{HOME}"


def is_index(path: str) -> bool:
    """Whether a page (its path in the docs folder) is its folder's index."""
    return posixpath.basename(path) == HOME


# Material's stylesheet of named palette colours, inside its package (core/contrast.py).
MATERIAL_PALETTE = "templates/assets/stylesheets/palette.*.min.css"

# -- the package's own files ----------------------------------------------------------
PACKAGE = Path(__file__).resolve().parent
PAGE_TEMPLATES = PACKAGE / "render" / "templates"
THEME = PACKAGE / "engine" / "theme"  # Material overrides
SITE_ASSETS = PACKAGE / "engine" / "assets"
SCHEMA_DIR = PACKAGE / "schemas"  # the JSON Schemas editors' YAML plug-ins read
SCAFFOLD = PACKAGE / "scaffold" / "files"  # the small handbook `handbook new` writes
# `handbook new --sample`: the repository's sample, copied into the package when
# the wheel is built (setup.py), read from the checkout in an editable install.
SAMPLE_FILES = (STANDARDS_DIR, CONTENT_DIR, SITE_TEMPLATES, CONFIG_FILE, CODEOWNERS)
PACKAGED_SAMPLE = PACKAGE / "scaffold" / "sample"
CHECKOUT_SAMPLE = PACKAGE.parent
CHECKOUT_PROJECT = PACKAGE.parent / "pyproject.toml"  # present when running from a checkout
# The tool's own copy of the schemas, as its checkout's editor settings name it.
TOOL_SCHEMAS = SCHEMA_DIR.relative_to(CHECKOUT_SAMPLE).as_posix()
PDF_TEMPLATES = PACKAGE / "pdf" / "templates"  # print sources (Typst) and the page layout
