"""Atom and RSS feeds of the notices. Ids and dates come from the data, never
from the build time, so two builds of the same data give the same feeds."""

from __future__ import annotations

import datetime as dt
import uuid

from feedgen.feed import FeedGenerator

from generator import layout
from generator.layout import ATOM_FEED as ATOM
from generator.layout import RSS_FEED as RSS
from generator.layout import page_url
from generator.notices.status import NoticeInfo
from generator.render.markup import join_cjk_breaks

CHINA = dt.timezone(dt.timedelta(hours=8), "CST")
FEEDS = (ATOM, RSS)


def entry_id(index_number: str) -> str:
    """A notice's feed id: derived from its 索引号 alone, so it survives a move of the site."""
    return uuid.uuid5(uuid.NAMESPACE_URL, f"handbook-notice:{index_number}").urn


def _moment(day: dt.date) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, tzinfo=CHINA)


# The feeds' language tag for the site's language (`theme.language`).
FEED_LANGUAGES = {"zh": "zh-CN"}


def build_feeds(
    infos: list[NoticeInfo],
    site_url: str,
    title: str,
    labels: dict[str, str],
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
    updated = [
        _moment(i.notice.meta.outcome.date if i.notice.meta.outcome else i.notice.meta.published)
        for i in infos
    ]
    latest = max(updated) if updated else _moment(dt.date(2000, 1, 1))
    fg.updated(latest)
    fg.lastBuildDate(latest)
    ordered = sorted(
        zip(infos, updated, strict=True),
        key=lambda pair: (pair[0].notice.meta.published, pair[0].notice.slug),
    )
    for info, when in ordered:  # feedgen puts the last added first
        m = info.notice.meta
        fe = fg.add_entry()
        fe.id(entry_id(m.id))
        fe.guid(entry_id(m.id), permalink=False)
        fe.title(f"【{m.type}】{m.title}")
        fe.link(href=base + page_url(info.notice.path) + "/")
        fe.published(_moment(m.published))
        fe.updated(when)
        parts = [f"{labels['page_issuer']}：{m.issuer}"]
        if m.period and info.notice.end:
            parts.append(f"{labels['notice_period']}：{m.period.start} — {info.notice.end}")
        if m.outcome:
            outcome = join_cjk_breaks(m.outcome.text)
            parts.append(f"{labels['notice_outcome']}：{outcome}")
        fe.description("；".join(parts))
        fe.category(term=m.type)
    return {
        ATOM: fg.atom_str(pretty=True).decode("utf-8"),
        RSS: fg.rss_str(pretty=True).decode("utf-8"),
    }
