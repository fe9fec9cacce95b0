"""A period written as an official writes it: 2023年度, 2025年第一季度, 2025年3月;
any other span as its two days."""

from __future__ import annotations

import calendar
import datetime as dt

_QUARTERS = ("一", "二", "三", "四")


def official_period(start: dt.date, end: dt.date) -> str:
    """A period as an official writes it: 2023年度, 2025年第一季度, 2025年3月."""
    last = calendar.monthrange(end.year, end.month)[1]
    whole_months = start.day == 1 and end.day == last and start.year == end.year
    if whole_months and (start.month, end.month) == (1, 12):
        return f"{start.year}年度"
    if whole_months and start.month == end.month:
        return f"{start.year}年{start.month}月"
    if whole_months and start.month % 3 == 1 and end.month == start.month + 2:
        return f"{start.year}年第{_QUARTERS[start.month // 3]}季度"
    if whole_months and (start.month, end.month) in ((1, 6), (7, 12)):
        return f"{start.year}年{'上' if start.month == 1 else '下'}半年"
    return f"{start.year}年{start.month}月{start.day}日—{end.year}年{end.month}月{end.day}日"
