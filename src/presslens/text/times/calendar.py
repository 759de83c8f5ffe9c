"""Calendar arithmetic and TimeML value strings for the time-expression normaliser.

Units are TimeML's codes: ``D`` day, ``W`` week, ``WE`` weekend, ``M`` month,
``Q`` quarter, ``H`` half year, ``Y`` year, ``DE`` decade, ``CE`` century (``S``,
``MIN``, ``H`` hour only in durations).
"""

from __future__ import annotations

import datetime as dt

# unit -> months per unit, for the units that move by whole months
_MONTHS_PER = {"M": 1, "Q": 3, "H": 6, "Y": 12, "DE": 120, "CE": 1200}
SEASONS = ("SP", "SU", "FA", "WI")


def add_months(day: dt.date, months: int) -> dt.date:
    """``day`` moved by ``months`` calendar months (the day clamped to the month's end)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    for d in (day.day, 30, 29, 28):
        try:
            return dt.date(year, month + 1, d)
        except ValueError:
            continue
    raise ValueError(f"no day in {year}-{month + 1}")  # unreachable: every month has a 28th


def shift(day: dt.date, unit: str, n: int) -> dt.date:
    """``day`` moved by ``n`` units (``D``, ``W``, ``WE`` and the month-based units)."""
    if unit == "D":
        return day + dt.timedelta(days=n)
    if unit in ("W", "WE"):
        return day + dt.timedelta(weeks=n)
    return add_months(day, n * _MONTHS_PER[unit])


def quarter(day: dt.date) -> int:
    return (day.month - 1) // 3 + 1


def render(day: dt.date, unit: str) -> str:
    """The TimeML value naming the ``unit`` (granularity) that contains ``day``."""
    if unit == "D":
        return day.isoformat()
    if unit in ("W", "WE"):
        year, week, _ = day.isocalendar()
        return f"{year}-W{week:02d}" + ("-WE" if unit == "WE" else "")
    if unit == "M":
        return f"{day.year:04d}-{day.month:02d}"
    if unit == "Q":
        return f"{day.year:04d}-Q{quarter(day)}"
    if unit == "H":
        return f"{day.year:04d}-H{1 if day.month <= 6 else 2}"
    if unit == "Y":
        return f"{day.year:04d}"
    if unit == "DE":
        return f"{day.year:04d}"[:3]
    if unit == "CE":
        return f"{day.year:04d}"[:2]
    if unit in SEASONS:
        return f"{day.year:04d}-{unit}"
    raise ValueError(f"unknown unit {unit!r}")


def relative(unit: str, n: int) -> str:
    """The value of an offset from an unknown anchor: ``REF-P1D`` is the day before it."""
    return f"REF{'-' if n < 0 else '+'}P{abs(n)}{unit}"


def duration(n: int | None, unit: str) -> str:
    """A TimeML duration: ``P11D``, ``PT3H``, ``P20Y`` (two decades), ``PXY`` (several years)."""
    count = "X" if n is None else None
    if unit in ("S", "MIN", "HR"):
        code = {"S": "S", "MIN": "M", "HR": "H"}[unit]
        return f"PT{count or n}{code}"
    if unit == "FN":
        return f"P{count or 2 * n}W"
    if unit in ("DE", "CE"):
        years = {"DE": 10, "CE": 100}[unit]
        return f"PX{unit}" if n is None else f"P{years * n}Y"
    return f"P{count or n}{unit}"


# unit -> (the next smaller unit, how many of them make one), to write "2 1/2 years" as P2Y6M
_SMALLER = {"Y": ("M", 12), "D": ("H", 24), "HR": ("M", 60), "MIN": ("S", 60)}


def fractional_duration(count: float, unit: str) -> str:
    """A duration of a fractional ``count``: ``P2Y6M``, ``PT1M30S``; ``P1.5W`` for other units."""
    whole = int(count)
    if unit in _SMALLER:
        smaller, per = _SMALLER[unit]
        rest = round((count - whole) * per)
        if unit == "D":
            return f"P{whole}DT{rest}{smaller}" if whole else f"PT{rest}{smaller}"
        if unit == "Y":
            return f"P{whole}Y{rest}M" if whole else f"P{rest}M"
        code = "H" if unit == "HR" else "M"
        return f"PT{whole}{code}{rest}{smaller}" if whole else f"PT{rest}{smaller}"
    return f"PT{count:g}S" if unit == "S" else f"P{count:g}{unit}"


def weekday_near(anchor: dt.date, weekday: int, direction: int, strict: bool = False) -> dt.date:
    """The ``weekday`` (1 = Monday) on or before (``direction`` -1) or on or after (+1)
    ``anchor``; ``strict`` excludes the anchor itself; direction 0: the one in its week."""
    if direction == 0:
        return anchor + dt.timedelta(days=weekday - anchor.isoweekday())
    step = (
        (anchor.isoweekday() - weekday) % 7
        if direction < 0
        else (weekday - anchor.isoweekday()) % 7
    )
    if strict and step == 0:
        step = 7
    return anchor + dt.timedelta(days=direction * step)


def nearest_year(
    anchor: dt.date, month: int, day: int, direction: int, reach: int = 300
) -> dt.date | None:
    """``month``/``day`` in the year that puts it before (-1) or after (+1) ``anchor``
    within ``reach`` days, else the nearest to it; None for an impossible day (February 30)."""
    options = []
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        try:
            options.append(dt.date(year, month, day))
        except ValueError:
            continue
    if not options:
        return None
    if direction:
        ahead = [d for d in options if 0 <= (d - anchor).days * direction <= reach]
        if ahead:
            return min(ahead, key=lambda d: abs((d - anchor).days))
    return min(options, key=lambda d: (abs((d - anchor).days), d > anchor))
