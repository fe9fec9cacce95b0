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
