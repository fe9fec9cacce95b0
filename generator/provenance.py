"""Where each page comes from: the day of the last commit that touched its
source file, and a link to that file on the committee's forge."""

from __future__ import annotations

import dataclasses
import datetime as dt
import subprocess
from pathlib import Path

from markupsafe import escape

from generator.markup import zh_date
from generator.render import Page


def last_commit_dates(
    root: Path, folders: tuple[str, ...] = ("standards", "content")
) -> dict[str, dt.date]:
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


def stamp(
    pages: list[Page], dates: dict[str, dt.date], source_url: str, labels: dict[str, str]
) -> list[Page]:
    """Each page with a source gets a line saying when it was last changed and where it lives."""
    out = []
    for page in pages:
        parts = []
        if page.source and page.source in dates:
            day = dates[page.source]
            parts.append(f'{labels["last_updated"]}：<time datetime="{day}">{zh_date(day)}</time>')
        if page.source and source_url:
            href = escape(source_url.rstrip("/") + "/" + page.source)
            parts.append(f'<a href="{href}">{labels["view_source"]}</a>')
        if parts:
            footer = '\n\n<p class="hb-provenance">' + " · ".join(parts) + "</p>\n"
            page = dataclasses.replace(page, content=page.content.rstrip("\n") + footer)
        out.append(page)
    return out
