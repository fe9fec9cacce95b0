"""Where generated pages live in the docs folder, in one place."""

from __future__ import annotations

import posixpath

GLOSSARY = "glossary/index.md"
NOTICES_INDEX = "notices/index.md"


def standard_path(standard_id: str, edition: str | None = None) -> str:
    if edition:
        return f"standards/{standard_id}/{edition}/index.md"
    return f"standards/{standard_id}/index.md"


def compare_path(standard_id: str, edition: str) -> str:
    """The page comparing `edition` with the edition before it."""
    return f"standards/{standard_id}/{edition}/changes/index.md"


def page_url(path: str) -> str:
    """`a/index.md` → `a`, `a/b.md` → `a/b`: the folder a page is served from."""
    p = posixpath.splitext(path)[0]
    return (posixpath.dirname(p) or ".") if posixpath.basename(p) == "index" else p


MANUALS_DIR = "manuals"  # each folder under content/manuals/ is printed as one booklet
COLLECTION_PDF = "pdf/huibian.pdf"  # the 汇编: every standard in force and every manual


def standard_pdf(standard_id: str, edition: str) -> str:
    """The PDF of one edition of a standard."""
    return f"pdf/standards/{standard_id}-{edition}.pdf"


def manual_pdf(folder: str) -> str:
    """The booklet of the manual folder `content/manuals/<folder>/`."""
    return f"pdf/manuals/{folder}.pdf"
