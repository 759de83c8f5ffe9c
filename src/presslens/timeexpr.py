"""Dates said in the text, resolved against the publication date (never against today).

Small on purpose: explicit dates ("March 3, 2024", "3 March", "2024-03-03") and
day words ("on Wednesday", "yesterday", "today"), read in the past tense of news
reporting: a weekday or a year-less date is the most recent such day on or
before publication. Without a publication date only a date with its year resolves.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

_MONTHS = {
    m: i + 1
    for i, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ]
    )
    for m in names
}
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_MONTH = "|".join(sorted(_MONTHS, key=len, reverse=True))
_PATTERN = re.compile(
    rf"\b(?:(?P<iso>(?P<iy>\d{{4}})-(?P<im>\d{{2}})-(?P<id>\d{{2}}))"
    rf"|(?P<md>(?P<m1>{_MONTH})\.?\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(?P<y1>\d{{4}}))?)"
    rf"|(?P<dm>(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m2>{_MONTH})\.?(?:,?\s+(?P<y2>\d{{4}}))?)"
    rf"|(?P<wd>{'|'.join(_WEEKDAYS)})"
    r"|(?P<rel>yesterday|today))\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    value: str  # YYYY-MM-DD


def _on_or_before(month: int, day: int, published: dt.date) -> dt.date | None:
    for year in (published.year, published.year - 1):
        try:
            date = dt.date(year, month, day)
        except ValueError:
            return None
        if date <= published:
            return date
    return None


def _resolve(m: re.Match[str], published: dt.date | None) -> dt.date | None:
    try:
        if m["iso"]:
            return dt.date(int(m["iy"]), int(m["im"]), int(m["id"]))
        if m["md"] or m["dm"]:
            month = _MONTHS[(m["m1"] or m["m2"]).lower()]
            day = int(m["d1"] or m["d2"])
            year = m["y1"] or m["y2"]
            if year:
                return dt.date(int(year), month, day)
            return _on_or_before(month, day, published) if published else None
    except ValueError:
        return None
    if published is None:
        return None
    if m["wd"]:
        back = (published.weekday() - _WEEKDAYS.index(m["wd"].lower())) % 7
        return published - dt.timedelta(days=back)
    return published - dt.timedelta(days=1 if m["rel"].lower() == "yesterday" else 0)


def find_dates(text: str, published: dt.date | None, offset: int = 0) -> list[DateMention]:
    """The dates mentioned in ``text`` that resolve, with offsets shifted by ``offset``."""
    found = []
    for m in _PATTERN.finditer(text):
        date = _resolve(m, published)
        if date is not None:
            found.append(DateMention(offset + m.start(), offset + m.end(), date.isoformat()))
    return found
