"""The notices' entries in the site's feeds (`render/feeds.py` makes the feeds)."""

from __future__ import annotations

from collections.abc import Mapping

from generator.notices.status import NoticeInfo
from generator.render.feeds import FeedEntry, moment, stable_id
from generator.render.markup import join_cjk_breaks


def entry_id(index_number: str) -> str:
    """A notice's feed id: derived from its 索引号 alone, so it survives a move of the site."""
    return stable_id(f"handbook-notice:{index_number}")


def notice_entries(infos: list[NoticeInfo], labels: Mapping[str, str]) -> list[FeedEntry]:
    """Each notice shown, as an entry, updated when its outcome was published."""
    entries = []
    for info in infos:
        m = info.notice.meta
        parts = [f"{labels['page_issuer']}：{m.issuer}"]
        if m.period and info.notice.end:
            parts.append(f"{labels['notice_period']}：{m.period.start} — {info.notice.end}")
        if m.outcome:
            parts.append(f"{labels['notice_outcome']}：{join_cjk_breaks(m.outcome.text)}")
        entries.append(
            FeedEntry(
                day=m.published,
                key=info.notice.slug,
                id=entry_id(m.id),
                title=f"【{m.type}】{m.title}",
                page=info.notice.path,
                published=moment(m.published),
                updated=moment(m.outcome.date if m.outcome else m.published),
                description="；".join(parts),
                category=m.type,
            )
        )
    return entries
