"""The site's search: one Pagefind index of every page, built after the engine.

Pagefind cannot update an index; it builds one from the pages it is given, so
when the searchable text of any page changes (editing a clause, not a score:
scores and histories are outside search, `data-pagefind-ignore`), the whole
site is indexed again, about 1 ms a page. Splitting the index into parts
merged in the browser (Pagefind's `mergeIndex`) was measured and rejected:
each index ranks its pages on its own statistics, so with the standards in an
index of their own the standard that defines 主题党日 came after every manual
and notice mentioning it (score 5.6 against 13.1 in one index), and each extra
index costs a search its own chunks (at 10,000 pages a search for 党支部 fetched
274 KiB with one index, 286 KiB with two, 366 KiB with four).
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from generator import layout
from generator.errors import BuildFailed


def pagefind_binary() -> Path:
    """Pagefind's extended build, which segments Chinese text."""
    try:
        from pagefind_bin_extended import get_executable
    except ImportError:  # pragma: no cover - it is a pinned dependency
        raise BuildFailed(
            "Pagefind's extended build is missing: pip install 'pagefind[extended]'"
        ) from None
    return Path(get_executable())


def run_pagefind(site: Path) -> None:
    """Index every page of the built `site` into its search folder, afresh."""
    shutil.rmtree(site / layout.SEARCH_DIR, ignore_errors=True)  # nothing of an older index stays
    done = subprocess.run(
        [
            str(pagefind_binary()),
            "--site",
            str(site),
            "--glob",
            "**/*.html",
            "--output-subdir",
            layout.SEARCH_DIR,
            "--quiet",
            # Permalink pilcrows are not text to search.
            "--exclude-selectors",
            ".headerlink",
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        raise BuildFailed(f"the search indexer failed:\n{done.stdout}{done.stderr}".rstrip())
