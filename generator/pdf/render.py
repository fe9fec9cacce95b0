"""Print HTML → PDF with WeasyPrint (CSS paged media, fonts embedded and subset).

Nothing is fetched from another host: the only files a PDF may take in are
images under `content/`. Dates in the PDF come from the data (the HTML's
dcterms meta), never from the clock, so two builds give the same bytes.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlparse

_LOG = logging.getLogger("weasyprint")


def _fetcher(allowed: Path) -> Any:
    from weasyprint.urls import URLFetcher

    base = os.path.realpath(allowed)

    class LocalOnly(URLFetcher):  # type: ignore[misc]
        """Files under `allowed`, nothing else."""

        def fetch(self, url: str, headers: Any = None) -> Any:
            parsed = urlparse(url)
            path = os.path.realpath(unquote(parsed.path)) if parsed.scheme == "file" else ""
            if not path.startswith(base + os.sep):
                raise ValueError(f"not fetched (outside {allowed}): {url}")
            return super().fetch(url, headers)

    return LocalOnly()


def write_pdf(html: str, allowed: Path) -> bytes:
    """The PDF of `html`; images may come from files under `allowed`."""
    from weasyprint import HTML

    level = _LOG.level
    _LOG.setLevel(logging.ERROR)  # WeasyPrint notes every CSS property it ignores
    try:
        document = HTML(string=html, base_url=allowed.as_uri() + "/", url_fetcher=_fetcher(allowed))
        pdf: bytes = document.write_pdf()
    finally:
        _LOG.setLevel(level)
    return pdf
