"""The version of the generator a build memory belongs to (`core.memory`): its code
and templates, the libraries it renders with, and Python."""

from __future__ import annotations

import functools
import hashlib
import importlib.metadata
import sys

from generator import layout
from generator.core.files import file_tree, folder_digest

_FORMAT = 1  # the memory's own layout
_PACKAGES = (
    "mkdocs",
    "mkdocs-material",
    "pydantic",
    "jinja2",
    "markdown",
    "pymdown-extensions",
    "nh3",
    "typst",
    "pikepdf",
)


def code_version() -> str:
    """The generator's code and templates (all inside the package), the libraries
    it renders with, and Python. The package is read again only when a file in it
    looks changed (its size or time): `handbook serve` builds again and again."""
    signature = tuple(sorted(file_tree(layout.PACKAGE).items()))
    if _PACKAGE_DIGEST.get(signature) is None:
        _PACKAGE_DIGEST.clear()
        _PACKAGE_DIGEST[signature] = folder_digest(layout.PACKAGE)
    parts = (_FORMAT, sys.version, _libraries(), _PACKAGE_DIGEST[signature])
    return hashlib.blake2b(repr(parts).encode(), digest_size=16).hexdigest()


_PACKAGE_DIGEST: dict[tuple[tuple[str, tuple[int, int] | None], ...], str] = {}


@functools.cache
def _libraries() -> tuple[str, ...]:
    """The versions of the libraries the process has loaded (fixed while it runs)."""
    versions = []
    for name in _PACKAGES:
        try:
            versions.append(importlib.metadata.version(name))
        except importlib.metadata.PackageNotFoundError:
            versions.append("")
    return tuple(versions)
