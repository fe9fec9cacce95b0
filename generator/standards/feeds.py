"""The drafts for comment in the site's feeds (`render/feeds.py` makes the feeds)."""

from __future__ import annotations

from collections.abc import Mapping

from generator import layout
from generator.render.feeds import FeedEntry, moment, stable_id
from generator.standards.catalog import Catalog
from generator.standards.lifecycle import DraftStatus


def draft_entries(catalog: Catalog, labels: Mapping[str, str]) -> list[FeedEntry]:
    """Each draft for comment announced (from the first day of its period) as an entry."""
    entries = []
    for draft in catalog.drafts:
        if draft.status == DraftStatus.NOT_STARTED:
            continue
        m, start = draft.model, moment(draft.model.consultation.start)
        key = stable_id(f"handbook-draft:{draft.ref}")
        parts = [
            f"{labels['page_issuer']}：{m.issuer}",
            f"{labels['draft_period']}：{m.consultation.start} — {draft.end}",
        ]
        entries.append(
            FeedEntry(
                day=m.consultation.start,
                key=draft.ref,
                id=key,
                title=f"【{labels['draft_stage']}】{m.code} {m.title}",
                page=layout.draft_path(m.id, m.edition),
                published=start,
                updated=start,
                description="；".join(parts),
                category=labels["draft_stage"],
            )
        )
    return entries
