"""Where each page comes from: the day of the last commit that touched its
source file, and which file that is (the engine turns it into the theme's
"编辑此页" link, from `repo_url` and `edit_uri` in mkdocs.yml)."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
from pathlib import Path

from generator.layout import DATED
from generator.render.markup import zh_date


def last_commit_dates(root: Path, folders: tuple[str, ...] = DATED) -> dict[str, dt.date]:
    """Path → committer date of the newest commit that touched it; empty outside git."""
    done = subprocess.run(
        ["git", "-C", str(root), "log", "--format=%x00%cs", "--name-only", "--", *folders],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        return {}
    dates: dict[str, dt.date] = {}
    day: dt.date | None = None
    for line in done.stdout.splitlines():
        if line.startswith("\x00"):
            day = dt.date.fromisoformat(line[1:])
        elif line and day is not None:
            dates.setdefault(line, day)  # the log is newest first
    return dates


def footer(source: str | None, dates: dict[str, dt.date], labels: dict[str, str]) -> str:
    """The line under a page made from `source`: when it last changed."""
    if not source or source not in dates:
        return ""
    day = dates[source]
    # Dates are not what readers search for.
    return (
        '\n\n<p class="hb-provenance" data-pagefind-ignore>'
        f'{labels["last_updated"]}：<time datetime="{day}">{zh_date(day)}</time></p>\n'
    )


# The front-matter key naming a generated page's source file (read by engine/hooks.py).
SOURCE_KEY = "hb_source"


def with_source(content: str, source: str | None) -> str:
    """The page with its source file (relative to the repository, or null for a
    page made from many files) first in its front matter."""
    if not content.startswith("---\n"):
        return content
    return f"---\n{SOURCE_KEY}: {json.dumps(source, ensure_ascii=False)}\n{content[4:]}"
