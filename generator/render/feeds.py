"""The site's Atom and RSS feeds, made from the entries the kinds give
(`Kind.feed`: notices, drafts for comment). Ids and dates come from the data,
never from the build time, so two builds of the same data give the same feeds."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from feedgen.feed import FeedGenerator

from generator import layout
from generator.layout import ATOM_FEED as ATOM
from generator.layout import RSS_FEED as RSS
from generator.layout import page_url

CHINA = dt.timezone(dt.timedelta(hours=8), "CST")
FEEDS = (ATOM, RSS)

# The feeds' language tag for the site's language (`theme.language`).
FEED_LANGUAGES = {"zh": "zh-CN"}


def moment(day: dt.date) -> dt.datetime:
    """A day as the feeds' time: its start in China's time zone."""
    return dt.datetime(day.year, day.month, day.day, tzinfo=CHINA)


def stable_id(name: str) -> str:
    """A feed id derived from a name alone, so that it survives a move of the site."""
    return uuid.uuid5(uuid.NAMESPACE_URL, name).urn


@dataclass(frozen=True)
class FeedEntry:
    """One entry: sorted by (`day`, `key`), oldest first; `page` in the docs folder."""

    day: dt.date
    key: str
    id: str
    title: str
    page: str
    published: dt.datetime
    updated: dt.datetime
    description: str
    category: str


def build_feeds(
    entries: Sequence[FeedEntry],
    site_url: str,
    title: str,
    labels: Mapping[str, str],
    language: str = "zh",
) -> dict[str, str]:
    """The feed files, by path in the docs folder."""
    base = site_url.rstrip("/") + "/"
    fg = FeedGenerator()
    index = base + page_url(layout.NOTICES_INDEX) + "/"
    fg.id(uuid.uuid5(uuid.NAMESPACE_URL, index).urn)
    fg.title(f"{title} · {labels['notices']}")
    fg.description(labels["notices_feed_description"])
    fg.language(FEED_LANGUAGES.get(language, language))
    fg.link(href=index, rel="alternate")
    fg.link(href=base + ATOM, rel="self")
    latest = max((e.updated for e in entries), default=moment(dt.date(2000, 1, 1)))
    fg.updated(latest)
    fg.lastBuildDate(latest)
    # Oldest first, every kind's entries together (feedgen puts the last added first).
    for e in sorted(entries, key=lambda e: (e.day, e.key)):
        fe = fg.add_entry()
        fe.id(e.id)
        fe.guid(e.id, permalink=False)
        fe.title(e.title)
        fe.link(href=base + page_url(e.page) + "/")
        fe.published(e.published)
        fe.updated(e.updated)
        fe.description(e.description)
        fe.category(term=e.category)
    return {
        ATOM: fg.atom_str(pretty=True).decode("utf-8"),
        RSS: fg.rss_str(pretty=True).decode("utf-8"),
    }
