"""Atom and RSS feeds of the notices. Ids and dates come from the data, never
from the build time, so two builds of the same data give the same feeds."""

from __future__ import annotations

import datetime as dt
import functools
import uuid
from collections.abc import Callable

from feedgen.feed import FeedGenerator

from generator import layout
from generator.layout import ATOM_FEED as ATOM
from generator.layout import RSS_FEED as RSS
from generator.layout import page_url
from generator.notices.status import NoticeInfo
from generator.render.markup import join_cjk_breaks
from generator.standards.catalog import DraftInfo

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
    drafts: tuple[DraftInfo, ...] = (),
) -> dict[str, str]:
    """The feed files, by path in the docs folder; `drafts`: the drafts for comment
    announced (from the first day of their period), each an entry like a notice's."""
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
    starts = [_moment(d.model.consultation.start) for d in drafts]
    latest = max(updated + starts) if updated or starts else _moment(dt.date(2000, 1, 1))
    fg.updated(latest)
    fg.lastBuildDate(latest)
    # Oldest first, notices and drafts together (feedgen puts the last added first).
    entries: list[tuple[dt.date, str, Callable[[], None]]] = [
        (
            info.notice.meta.published,
            info.notice.slug,
            functools.partial(_notice_entry, fg, info, when, base, labels),
        )
        for info, when in zip(infos, updated, strict=True)
    ]
    entries += [
        (d.model.consultation.start, d.ref, functools.partial(_draft_entry, fg, d, base, labels))
        for d in drafts
    ]
    for _, _, add in sorted(entries, key=lambda e: (e[0], e[1])):
        add()
    return {
        ATOM: fg.atom_str(pretty=True).decode("utf-8"),
        RSS: fg.rss_str(pretty=True).decode("utf-8"),
    }


def _notice_entry(
    fg: FeedGenerator, info: NoticeInfo, when: dt.datetime, base: str, labels: dict[str, str]
) -> None:
    """A notice as a feed entry."""
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
        parts.append(f"{labels['notice_outcome']}：{join_cjk_breaks(m.outcome.text)}")
    fe.description("；".join(parts))
    fe.category(term=m.type)


def _draft_entry(fg: FeedGenerator, draft: DraftInfo, base: str, labels: dict[str, str]) -> None:
    """A draft for comment as a feed entry: announced on the first day of its period."""
    m, start = draft.model, _moment(draft.model.consultation.start)
    fe = fg.add_entry()
    key = uuid.uuid5(uuid.NAMESPACE_URL, f"handbook-draft:{draft.ref}").urn
    fe.id(key)
    fe.guid(key, permalink=False)
    fe.title(f"【{labels['draft_stage']}】{m.code} {m.title}")
    fe.link(href=base + page_url(layout.draft_path(m.id, m.edition)) + "/")
    fe.published(start)
    fe.updated(start)
    parts = [
        f"{labels['page_issuer']}：{m.issuer}",
        f"{labels['draft_period']}：{m.consultation.start} — {draft.end}",
    ]
    fe.description("；".join(parts))
    fe.category(term=labels["draft_stage"])
