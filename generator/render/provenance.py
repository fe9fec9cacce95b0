"""Where each page comes from: the day of the last commit that touched its
source file, and a link to that file on the committee's forge."""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path

from markupsafe import escape

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


def footer(
    source: str | None, dates: dict[str, dt.date], source_url: str, labels: dict[str, str]
) -> str:
    """The line under a page made from `source`: when it last changed and where it lives."""
    parts = []
    if source and source in dates:
        day = dates[source]
        parts.append(f'{labels["last_updated"]}：<time datetime="{day}">{zh_date(day)}</time>')
    if source and source_url:
        href = escape(source_url.rstrip("/") + "/" + source)
        parts.append(f'<a href="{href}">{labels["view_source"]}</a>')
    if not parts:
        return ""
    # Dates and links are not what readers search for.
    return '\n\n<p class="hb-provenance" data-pagefind-ignore>' + " · ".join(parts) + "</p>\n"
