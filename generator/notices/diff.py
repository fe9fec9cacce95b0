"""What a change does to the notices, for `handbook diff`."""

from __future__ import annotations

from collections.abc import Mapping

from generator.notices.status import NoticeInfo


def notice_lines(
    base: list[NoticeInfo] | None, head: list[NoticeInfo], L: Mapping[str, str]
) -> list[str]:
    """Notices added or changed."""
    old = {i.notice.slug: i for i in base} if base else {}
    lines: list[str] = []
    for i in head:
        prior = old.get(i.notice.slug)
        meta = i.notice.meta
        if prior is None:
            lines.append(f"- {L['diff_notice_added']}：【{meta.type}】{meta.title}（{i.status}）")
        elif prior.notice.meta != meta or prior.notice.page.body != i.notice.page.body:
            lines.append(f"- {L['diff_notice_changed']}：【{meta.type}】{meta.title}")
    return lines
