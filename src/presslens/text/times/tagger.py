"""Find time expressions with the rules of ``resources/lexicons/times/patterns.json`` and give each
its TimeML type and value, resolved against an anchor date (see the package docstring)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from presslens.lexicons import lexicon
from presslens.text.times import calendar as cal
from presslens.text.times.lexicon import DIGITS, TimesLexicon

PAST, UNKNOWN, FUTURE = -1, 0, 1
_SPACES = re.compile(r"[\s-]+")
_DAY_VALUE = re.compile(r"^\d{4}-\d{2}-\d{2}")
_MONEY_BEFORE = re.compile(r"(?:\d|%|percent|million|billion|cents?|dollars?|pounds?|euros?)\s*$")
_IN_BEFORE = re.compile(r"\bin\s+$", re.IGNORECASE)
_MODAL_BEFORE = re.compile(r"\b(?:will|would|could|might|may|can|shall|should)\s+$", re.IGNORECASE)
_CLOSE_PAST = ("last", "previous", "this past", "past", "the previous", "the past", "the last")
_CLOSE_FUTURE = ("next", "coming", "this coming", "following", "the following", "the next")


class Syntax(Protocol):
    """What the tagger asks of a parse (the spaCy component answers from its ``Doc``)."""

    def tag(self, char: int) -> str:
        """The fine-grained part-of-speech tag of the token at ``char``."""
        ...

    def counts_noun(self, char: int) -> bool:
        """Whether the number at ``char`` counts a plural noun ("2000 people")."""
        ...

    def tense(self, start: int, end: int) -> int:
        """PAST, FUTURE or UNKNOWN: the tense of the verb governing ``start:end``."""
        ...


@dataclass(frozen=True)
class Candidate:
    """A matched time expression before its value is computed."""

    start: int
    end: int
    rule: str
    groups: tuple[tuple[str, str], ...]  # the named groups that matched, lower-cased

    def g(self, name: str) -> str | None:
        return next((v for k, v in self.groups if k == name), None)


@dataclass(frozen=True)
class Reading:
    type: str  # date | time | duration | set
    value: str
    anchored: bool = False  # the value was computed from the anchor date


@dataclass(frozen=True)
class TimeMention:
    start: int
    end: int
    text: str
    type: str
    value: str
    anchor: str | None  # YYYY-MM-DD the value was resolved against; None if not anchored

    @property
    def day(self) -> str | None:
        """The YYYY-MM-DD the value names, when it names one day (or a time on it)."""
        m = _DAY_VALUE.match(self.value)
        return m.group(0) if m else None


# -- finding ---------------------------------------------------------------------------------


_WORD = re.compile(r"[^\W\d_]+|\d+")
_WORD_REST = re.compile(r"[\w'.-]*")
_REACH = 100  # characters a rule may match on either side of its trigger word
_TITLE_BEFORE = re.compile(r"[\w,]\s*$")  # a word or comma just before: inside a name
_NEXT_WORD = re.compile(r"[\s-]+(\w)")
# "quarters of the ...": a share of something, unless it counts periods ("of losses")
_FRACTION_OF = re.compile(r"\s+of\s+(?:the|a|an|its|their|his|her|our|all|those|these)\b", re.I)


def find_candidates(text: str, syntax: Syntax | None = None) -> list[Candidate]:
    """Non-overlapping time expressions in ``text``: the longest wins, then the earlier rule.

    Each rule runs only in windows around its trigger words, not over the whole text."""
    lex = lexicon(TimesLexicon)
    where: dict[str, list[int]] = {}
    for w in _WORD.finditer(text):
        key = DIGITS if w.group()[0].isdigit() else w.group().lower()
        where.setdefault(key, []).append(w.start())
    found: list[tuple[int, int, Candidate]] = []
    for priority, rule in enumerate(lex.rules):
        hits = sorted(i for t in rule.triggers for i in where.get(t, ()))
        for lo, hi in _windows(text, hits):
            for m in rule.pattern.finditer(text, lo, hi):
                start, end = m.span("core") if "core" in rule.pattern.groupindex else m.span()
                groups = tuple((k, v.lower()) for k, v in m.groupdict().items() if v is not None)
                cand = Candidate(start, end, rule.name, groups)
                if end > start and _plausible(cand, m, text, syntax, lex):
                    found.append((start - end, priority, cand))
    taken: list[Candidate] = []
    used = bytearray(len(text) + 1)
    for _, _, cand in sorted(found, key=lambda f: (f[0], f[1], f[2].start)):
        if not any(used[cand.start : cand.end]):
            used[cand.start : cand.end] = b"\x01" * (cand.end - cand.start)
            taken.append(cand)
    return sorted(taken, key=lambda c: c.start)


def _windows(text: str, hits: list[int]) -> list[tuple[int, int]]:
    """Merged stretches of ``_REACH`` characters around each hit, ending between words."""
    out: list[tuple[int, int]] = []
    for i in hits:
        lo, hi = max(0, i - _REACH), _word_end(text, i + _REACH)
        if out and lo <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], hi))
        else:
            out.append((lo, hi))
    return out


def _word_end(text: str, i: int) -> int:
    return _WORD_REST.match(text, min(i, len(text))).end()


def _plausible(
    cand: Candidate, m: re.Match[str], text: str, syntax: Syntax | None, lex: TimesLexicon
) -> bool:
    """Filters a regex cannot say: capitalised month names, 'May' the modal, counts, vetoes."""
    if any(v.applies(cand.rule, text, cand.start, cand.end) for v in lex.vetoes):
        return False
    if "mon" in m.groupdict() and m.group("mon"):
        month = m.group("mon")
        if not month[0].isupper():
            return False
        if cand.rule == "month" and not (cand.g("y") or cand.g("rel") or cand.g("mod")):
            if month.lower() not in lex["full_months_alone"]:  # "Mar" or "Dec." alone
                return False
            if syntax is not None and syntax.tag(m.start("mon")) == "MD":
                return False  # "May I"
    if cand.rule == "year" and not cand.g("mod") and syntax and syntax.counts_noun(m.start("y")):
        return False
    if cand.rule == "set_adverb" and syntax is not None:
        return syntax.tag(cand.start) == "RB"
    if cand.rule == "holiday" and not m.group("hol")[0].isupper():
        return False
    if cand.rule == "the_year" and "Year" in text[cand.start : cand.end]:
        return False  # "Person of the Year", a title
    if cand.rule == "part_of_day" and _in_a_title(text, cand.start, cand.end):
        return False  # "CBS This Morning", "The Tonight Show"
    if cand.rule == "part_of_day" and (cand.g("pod2") or cand.g("pod3")) and syntax is not None:
        following = _NEXT_WORD.match(text, cand.end)
        if following and syntax.tag(following.start(1)).startswith("NN"):
            return False  # "early-morning tweets", "the morning meetings": a kind, not a time
    if cand.rule == "duration" and len(cand.g("num") or "") == 4 and cand.g("num").isdigit():
        return False  # "the 1988 quarter"
    if (
        cand.g("unit") in ("quarter", "quarters")
        and text.startswith(" of", cand.end)
        and (
            "-" in text[cand.start : cand.end]
            or (cand.g("num") in lex["numbers"] and _FRACTION_OF.match(text, cand.end))
        )
    ):
        return False  # "three-quarters of", "two quarters of the vote": a fraction
    if cand.rule == "bare_quarter" and cand.g("bare") == "period" and not cand.g("qmod"):
        return bool(cand.g("yq"))  # "the latest period", "the 1988 period"
    if cand.rule == "day_month" and not m.group("day")[0].isdigit() and not cand.g("wd"):
        return text[m.start() : m.start() + 4].lower() == "the "  # "the eighth of May"
    return True


def _in_a_title(text: str, start: int, end: int) -> bool:
    """A capitalised word inside a name, not at a sentence's start: "CBS This Morning"."""
    last = text[start:end].split()[-1]
    return last[:1].isupper() and _TITLE_BEFORE.search(text, max(0, start - 3), start) is not None


# -- resolving ---------------------------------------------------------------------------------


@dataclass
class _Context:
    anchor: dt.date | None
    direction: Callable[[], int]  # PAST / FUTURE / UNKNOWN, asked only when needed
    words: dict
    before: str  # the text just before the expression


def resolve(
    cand: Candidate, text: str, anchor: dt.date | None, syntax: Syntax | None = None
) -> TimeMention | None:
    """The mention of ``cand`` with its value resolved against ``anchor`` (None: unresolved)."""
    lex = lexicon(TimesLexicon)
    ctx = _Context(
        anchor=anchor,
        direction=(lambda: syntax.tense(cand.start, cand.end)) if syntax else (lambda: UNKNOWN),
        words=lex.words,
        before=text[max(0, cand.start - 20) : cand.start],
    )
    try:
        reading = _RESOLVERS[cand.rule](cand, ctx)
    except (ValueError, OverflowError):
        return None  # an impossible date ("February 30")
    if reading is None:
        return None
    return TimeMention(
        start=cand.start,
        end=cand.end,
        text=text[cand.start : cand.end],
        type=reading.type,
        value=reading.value,
        anchor=anchor.isoformat() if reading.anchored and anchor else None,
    )


def tag(
    text: str, anchor: dt.date | None, syntax: Syntax | None = None, offset: int = 0
) -> list[TimeMention]:
    """Every time expression in ``text`` with its value (offsets shifted by ``offset``)."""
    mentions = {c: resolve(c, text, anchor, syntax) for c in find_candidates(text, syntax)}
    narrative(mentions, text, syntax)
    in_context(mentions)
    return [_shifted(m, offset) if offset else m for m in mentions.values() if m is not None]


# a date value that can serve as the reference time: a year, a month or a day (or a time on it)
_REFERENCE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:T|$)")
# how much of the reference date an anaphoric unit needs: 1 its year, 2 its month, 3 its day
_PRECISION = {"D": 3, "W": 3, "WE": 3, "FN": 3, "S": 3, "MIN": 3, "HR": 3, "M": 2, "Q": 2}
_ANAPHORIC_WEEKDAY = ("the previous", "the following", "the preceding")


def narrative(
    mentions: dict[Candidate, TimeMention | None], text: str, syntax: Syntax | None = None
) -> None:
    """Anaphoric expressions re-resolved, in place, against the story's reference time.

    The reference time is the last date (a year, month or day, resolved or explicit)
    mentioned before the expression; it moves along the text as dates are mentioned.
    "The following year", "that day", "the same month", "the day before", "the previous
    Friday" and "two years later" (or "earlier", but never "ago", nor "earlier" in a
    comparison: "up from a year earlier") are read from it, as
    TimeML does, when it names the unit they need ("the following year" needs a year,
    "the day before" a day); otherwise they keep their value from the anchor date."""
    reference: tuple[dt.date, int] | None = None
    lex = lexicon(TimesLexicon)
    for cand in sorted(mentions, key=lambda c: c.start):
        need = _anaphoric_precision(cand, lex.words)
        if need is not None and _compared_with_now(cand, text, lex):
            need = None
        if need is not None and reference is not None and reference[1] >= need:
            mentions[cand] = resolve(cand, text, reference[0], syntax)
        m = mentions[cand]
        if m is not None and m.type in ("date", "time"):
            reference = _reference(m.value) or reference


def _compared_with_now(c: Candidate, text: str, lex: TimesLexicon) -> bool:
    """ "up 9% from a year earlier": a figure compared with the same time before the
    publication date, not a step back along the story."""
    return (
        c.rule == "ago"
        and c.g("dir") == "earlier"
        and lex.compared.search(text, max(0, c.start - 100), c.start) is not None
    )


def _anaphoric_precision(c: Candidate, words: dict) -> int | None:
    """How much of the reference date ``c`` needs (see ``_PRECISION``); None: not anaphoric."""
    if c.rule == "anaphor":
        unit = words["units"][c.g("unit") or c.g("unit2") or c.g("unit3")]
    elif c.rule == "weekday" and _words(c.g("rel")) in _ANAPHORIC_WEEKDAY:
        return 3
    elif c.rule == "part_of_day" and (c.g("pod2") or c.g("pod3")):
        return 3  # "Shares fell Friday. In the morning, ...": that Friday's morning
    elif c.rule == "ago" and c.g("dir") in ("later", "earlier"):
        unit = _unit(c.g("unit"), words)
    else:
        return None
    return _PRECISION.get(unit, 1)


def _reference(value: str) -> tuple[dt.date, int] | None:
    """(date, precision) of a date value that names a year, month or day, else None."""
    m = _REFERENCE.match(value)
    if m is None:
        return None
    year, month, day = m.groups()
    try:
        return dt.date(int(year), int(month or 1), int(day or 1)), 1 + bool(month) + bool(day)
    except ValueError:
        return None


_YEAR = re.compile(r"^\d{4}$")
_QUARTER = re.compile(r"^(\d{4})-(Q\d)$")
# characters before (the quarter under discussion) or after "a year ago" to look for a quarter
_CONTEXT_BEFORE, _CONTEXT_AFTER = 1200, 150


def in_context(mentions: dict[Candidate, TimeMention | None]) -> None:
    """Values that depend on the expressions around them, set in place: "a year ago" (or
    "year-earlier") near a quarter is that quarter a year before ("2023-Q3")."""
    quarters = [
        m
        for c, m in mentions.items()
        if m is not None
        and _QUARTER.match(m.value)
        and not _YEAR_BACK.intersection(_qmods(c))
        and not (c.rule == "bare_quarter" and c.g("yq"))  # "the 1988 period" compares itself
    ]
    if not quarters:
        return
    for cand, m in mentions.items():
        if m is None or not _YEAR.match(m.value) or not _one_year_back(cand):
            continue
        before = [q for q in quarters if m.start - _CONTEXT_BEFORE <= q.end <= m.start]
        after = [q for q in quarters if m.end <= q.start <= m.end + _CONTEXT_AFTER]
        q = before[-1] if before else (after[0] if after else None)
        if q is not None:
            year, code = _QUARTER.match(q.value).groups()
            value = f"{int(year) - 1:04d}-{code}"
            mentions[cand] = TimeMention(m.start, m.end, m.text, m.type, value, m.anchor)


def _one_year_back(c: Candidate) -> bool:
    """ "a year ago", "a year earlier", "year-earlier": one year back from the anchor."""
    return c.rule == "year_back" or (
        c.rule == "ago" and c.g("num") in ("a", "one") and c.g("unit") == "year"
    )


def _shifted(m: TimeMention, offset: int) -> TimeMention:
    return TimeMention(m.start + offset, m.end + offset, m.text, m.type, m.value, m.anchor)


# -- helpers shared by the resolvers ----------------------------------------------------------


def number(words: str, lex_words: dict) -> float | None:
    """The count in "11", "twenty-four", "a couple of", "1.5"; None for "several"."""
    key = " ".join(_SPACES.split(words.strip()))
    if key.endswith(" 1/2"):  # "2 1/2"
        return int(key[:-4]) + 0.5
    if key[:1].isdigit():
        return float(key) if "." in key else int(key)
    if key in lex_words["numbers"]:
        return lex_words["numbers"][key]
    total = 0
    for word in key.split():
        if word == "hundred":
            total = max(total, 1) * 100
        elif word in lex_words["numbers"]:
            total += lex_words["numbers"][word]
        elif word != "and":
            return None
    return total or None


def _unit(word: str, words: dict) -> str:
    word = words["unit_plurals"].get(word, word)
    return words["units"][word[:-1] if word not in words["units"] else word]


def _direction(rel: str | None, ctx: _Context) -> tuple[int, bool]:
    """(direction, strict) from a modifier ("last", "next", "this") or the verb's tense."""
    if rel in _CLOSE_PAST:
        return PAST, True
    if rel in _CLOSE_FUTURE:
        return FUTURE, True
    direction = ctx.direction()
    if rel == "this" and direction == UNKNOWN:
        return UNKNOWN, False
    return (direction if direction != UNKNOWN else PAST), False


def _words(phrase: str | None) -> str | None:
    """``phrase`` with its whitespace runs made single spaces."""
    return " ".join(phrase.split()) if phrase else None


def _offset(rel: str | None, words: dict) -> int:
    return words["relative_modifiers"].get(" ".join((rel or "this").split()), 0)


def _weekday_date(wd: str, rel: str | None, ctx: _Context) -> dt.date:
    assert ctx.anchor is not None
    direction, strict = _direction(rel, ctx)
    return cal.weekday_near(ctx.anchor, ctx.words["weekdays"][wd.rstrip(".")], direction, strict)


def _month_day(month: int, day: int, ctx: _Context, weekday: str | None) -> dt.date | None:
    assert ctx.anchor is not None
    if weekday:  # "Saturday, April 18": the year in which April 18 is a Saturday
        wd = ctx.words["weekdays"][weekday.rstrip(".")]
        for delta in (0, -1, 1):
            try:
                date = dt.date(ctx.anchor.year + delta, month, day)
            except ValueError:
                continue
            if date.isoweekday() == wd:
                return date
    return cal.nearest_year(ctx.anchor, month, day, ctx.direction())


def _pod(pod: str | None, words: dict) -> str:
    return f"T{words['parts_of_day'][pod]}" if pod else ""


# -- one resolver per rule ------------------------------------------------------------------


def _iso(c: Candidate, ctx: _Context) -> Reading:
    date = dt.date(int(c.g("y")), int(c.g("m")), int(c.g("d")))
    if c.g("hh"):
        return Reading("time", f"{date.isoformat()}T{c.g('hh')}:{c.g('mi')}")
    return Reading("date", date.isoformat())


def _slash(c: Candidate, ctx: _Context) -> Reading:
    month, day, year = int(c.g("m")), int(c.g("d")), int(c.g("y"))
    if month > 12 >= day:  # 14/3/2024 is day first
        month, day = day, month
    if year < 100:
        year += 2000 if year < 50 else 1900
    return Reading("date", dt.date(year, month, day).isoformat())


def _day_number(c: Candidate, ctx: _Context) -> int:
    day = c.g("day")
    return int(day) if day.isdigit() else ctx.words["ordinals"][day]


def _calendar_day(c: Candidate, ctx: _Context) -> Reading | None:
    month = ctx.words["months"][c.g("mon").rstrip(".")]
    day = _day_number(c, ctx)
    if c.g("y"):
        return Reading("date", dt.date(int(c.g("y")), month, day).isoformat())
    dt.date(2000, month, day)  # raises for an impossible day (2000 is a leap year)
    if ctx.anchor is None:
        return Reading("date", f"XXXX-{month:02d}-{day:02d}")
    date = _month_day(month, day, ctx, c.g("wd"))
    return Reading("date", date.isoformat(), anchored=True) if date else None


def _month(c: Candidate, ctx: _Context) -> Reading:
    month = ctx.words["months"][c.g("mon").rstrip(".")]
    year = year_number(c.g("y"), ctx.words) if c.g("y") else None
    if year is not None:
        return Reading("date", f"{year:04d}-{month:02d}")
    if ctx.anchor is None:
        return Reading("date", f"XXXX-{month:02d}")
    a = ctx.anchor
    rel = _words(c.g("rel"))
    if c.g("yrel"):
        year = a.year + _offset(c.g("yrel"), ctx.words)
    elif rel in _CLOSE_PAST:
        year = a.year if month < a.month else a.year - 1
    elif rel in _CLOSE_FUTURE:
        year = a.year if month > a.month else a.year + 1
    elif rel == "this":
        year = a.year
    else:  # the month nearest the anchor in the tense's direction (15th: mid-month)
        day = cal.nearest_year(a, month, 15, ctx.direction())
        year = day.year if day else a.year
    return Reading("date", f"{year:04d}-{month:02d}", anchored=True)


def _year(c: Candidate, ctx: _Context) -> Reading:
    return Reading("date", c.g("y"))


def year_number(text: str, words: dict) -> int | None:
    """The year in "1994" or "nineteen ninety-four"."""
    if text.isdigit():
        return int(text)
    century, _, rest = _words(text).replace("-", " ").partition(" ")
    tail = number(rest.replace("oh ", ""), words)
    return words["numbers"][century] * 100 + int(tail) if tail is not None else None


def _spelled_year(c: Candidate, ctx: _Context) -> Reading | None:
    if c.g("c"):
        year = year_number(f"{c.g('c')} {c.g('yy')}", ctx.words)
    else:  # "the year two thousand (and one)"
        year = 2000 + int(number(c.g("yy2"), ctx.words) or 0) if c.g("yy2") else 2000
    return Reading("date", f"{year:04d}") if year is not None else None


def _decade(c: Candidate, ctx: _Context) -> Reading:
    if c.g("d") or c.g("d2"):
        century = c.g("c") or (str(ctx.anchor.year)[:2] if ctx.anchor else "19")
        return Reading("date", f"{century}{c.g('d') or c.g('d2')}")
    digit = ctx.words["decade_words"][c.g("dw")]
    year = ctx.anchor.year if ctx.anchor else 1999
    century = year // 100 if year % 100 >= digit * 10 else year // 100 - 1
    return Reading("date", f"{century:02d}{digit}")


def _century(c: Candidate, ctx: _Context) -> Reading:
    n = int(c.g("n")) if c.g("n") else ctx.words["ordinals"][c.g("nw")]
    return Reading("date", f"{n - 1:02d}")


def _day_word(c: Candidate, ctx: _Context) -> Reading:
    days = ctx.words["day_words"][" ".join(c.g("w").split())]
    pod = c.g("pod") or c.g("pod0")
    kind = "time" if pod else "date"
    if ctx.anchor is None:
        unresolved = "XXXX-XX-XX" + _pod(pod, ctx.words) if pod else None
        return Reading(kind, unresolved or cal.relative("D", days))
    day = ctx.anchor + dt.timedelta(days=days)
    return Reading(kind, day.isoformat() + _pod(pod, ctx.words), anchored=True)


def _part_of_day(c: Candidate, ctx: _Context) -> Reading:
    """ "this morning", "tonight", "mid-afternoon", "(in) the morning" of the anchor day (or, as
    an anaphor, of the day the story last named)."""
    pod = "night" if c.g("tonight") else c.g("pod") or c.g("pod2") or c.g("pod3")
    if ctx.anchor is None:
        return Reading("time", "XXXX-XX-XX" + _pod(pod, ctx.words))
    day = ctx.anchor - dt.timedelta(days=1 if c.g("rel") == "last" else 0)
    return Reading("time", day.isoformat() + _pod(pod, ctx.words), anchored=True)


def _weekday(c: Candidate, ctx: _Context) -> Reading:
    number_ = ctx.words["weekdays"][c.g("wd").rstrip(".")]
    pod = _pod(c.g("pod"), ctx.words)
    if c.g("pl") or c.g("pods"):  # "Mondays", "Tuesday nights"
        return Reading("set", f"XXXX-WXX-{number_}{pod}")
    kind = "time" if pod else "date"
    if ctx.anchor is None:
        return Reading(kind, f"XXXX-WXX-{number_}{pod}")
    date = _weekday_date(c.g("wd"), _words(c.g("rel")), ctx)
    return Reading(kind, date.isoformat() + pod, anchored=True)


def _season_value(code: str, n: int, ctx: _Context) -> str:
    assert ctx.anchor is not None
    a = ctx.anchor
    start_month = ctx.words["season_start_month"][code]
    starts = [dt.date(a.year + d, start_month, 1) for d in (-2, -1, 0, 1)]
    if n < 0:  # the last one that is over
        year = max(s for s in starts if cal.add_months(s, 3) <= a).year
    elif n > 0:
        year = min(s for s in starts if s > a).year
    else:
        year = a.year
    return f"{year:04d}-{code}"


def _period(c: Candidate, ctx: _Context) -> Reading:
    word = c.g("unit") or c.g("unit2") or c.g("unit3")
    rel = " ".join((c.g("rel") or "this").split())
    n = _offset(rel, ctx.words)
    if word in ctx.words["seasons"]:
        code = ctx.words["seasons"][word]
        if ctx.anchor is None:
            return Reading("date", f"XXXX-{code}")
        return Reading("date", _season_value(code, n, ctx), anchored=True)
    unit = ctx.words["units"][word]
    if ctx.anchor is None:
        return Reading("date", cal.relative(unit, n))
    return Reading("date", cal.render(cal.shift(ctx.anchor, unit, n), unit), anchored=True)


def _weekend(c: Candidate, ctx: _Context) -> Reading:
    if ctx.anchor is None:
        return Reading("date", "XXXX-WXX-WE")
    direction, _ = _direction(None, ctx)
    saturday = cal.weekday_near(ctx.anchor, 6, direction)
    return Reading("date", cal.render(saturday, "WE"), anchored=True)


def _quarter_year(q: int, c: Candidate, ctx: _Context) -> int:
    assert ctx.anchor is not None
    a = ctx.anchor
    yrel = c.g("qyrel") or c.g("yrel")
    if yrel:
        return a.year + _offset(yrel, ctx.words)
    # quarters are reported once begun (or over): the latest one begun, whatever the tense
    return a.year if q <= cal.quarter(a) else a.year - 1


_YEAR_BACK = frozenset({"year-ago", "year-earlier", "year-before", "comparable", "corresponding"})


def _quarter(c: Candidate, ctx: _Context) -> Reading:
    half = c.g("qw") == "half"
    code, count = ("H", 2) if half else ("Q", 4)
    n = count if c.g("ord") == "last" else ctx.words["ordinals"][c.g("ord")]  # "the last half of"
    if n > count:
        raise ValueError("no such quarter")
    year_text = c.g("y") or c.g("yq")
    if year_text:
        back = 1 if c.g("back") else 0
        return Reading("date", f"{int(year_text) - back:04d}-{code}{n}")
    if ctx.anchor is None:
        return Reading("date", f"XXXX-{code}{n}")
    q = n if not half else 2 * n
    year = _quarter_year(q, c, ctx)
    if _YEAR_BACK.intersection(_qmods(c)) or c.g("back"):
        year -= 1
    return Reading("date", f"{year:04d}-{code}{n}", anchored=True)


def _quarter_pair(c: Candidate, ctx: _Context) -> Reading:
    """ "the first two quarters of 1990": its first (or last) half."""
    return Reading("date", f"{c.g('y')}-H{1 if c.g('ord') == 'first' else 2}")


def _qmods(c: Candidate) -> list[str]:
    return [v for k, v in c.groups if k == "qmod"]


def _bare_quarter(c: Candidate, ctx: _Context) -> Reading:
    if ctx.anchor is None:
        return Reading("date", "XXXX-QX")
    mods = set(_qmods(c))
    if c.g("emon") and not c.g("yq"):
        # "the quarter ended July 31": the three months up to that day (mostly May and June)
        end = _month_day(ctx.words["months"][c.g("emon").rstrip(".")], int(c.g("eday")), ctx, None)
        if end is None:
            raise ValueError("no such day")
        base = end - dt.timedelta(days=45)
    elif c.g("qyrel") or c.g("yq"):
        year = int(c.g("yq")) if c.g("yq") else ctx.anchor.year + _offset(c.g("qyrel"), ctx.words)
        base = cal.shift(dt.date(year, ctx.anchor.month, 1), "Q", -1)
    else:
        # in financial copy "the quarter" is the one just reported, the last one completed
        base = cal.shift(ctx.anchor, "Q", 0 if "current" in mods else -1)
    if mods & _YEAR_BACK or c.g("back"):
        base = cal.shift(base, "Y", -1)
    return Reading("date", cal.render(base, "Q"), anchored=True)


def _the_year(c: Candidate, ctx: _Context) -> Reading:
    """ "the year", "the full year": this year; "the latest fiscal year" the last one closed;
    "the year ended June 30" and "throughout the year" are the stretch of a year."""
    if c.g("ended") or c.g("over"):
        return Reading("duration", "P1Y")
    back = -1 if (c.g("ymod") or "").startswith("latest") else 0
    if ctx.anchor is None:
        return Reading("date", cal.relative("Y", back))
    return Reading("date", f"{ctx.anchor.year + back:04d}", anchored=True)


def _season(c: Candidate, ctx: _Context) -> Reading | None:
    year = year_number(c.g("y"), ctx.words)
    return Reading("date", f"{year:04d}-{ctx.words['seasons'][c.g('s')]}") if year else None


def _the_season(c: Candidate, ctx: _Context) -> Reading:
    """ "the summer": the last one begun, or the next one when the verb looks ahead."""
    code = ctx.words["seasons"][c.g("s")]
    if ctx.anchor is None:
        return Reading("date", f"XXXX-{code}")
    start = dt.date(ctx.anchor.year, ctx.words["season_start_month"][code], 1)
    ahead = ctx.direction() == FUTURE
    year = start.year - (start > ctx.anchor and not ahead) + (start <= ctx.anchor and ahead)
    return Reading("date", f"{year:04d}-{code}", anchored=True)


def _ago(c: Candidate, ctx: _Context) -> Reading:
    count = number(c.g("num"), ctx.words)
    sign = -1 if c.g("dir") in ("ago", "earlier") else 1
    unit = _unit(c.g("unit"), ctx.words)
    if count is None or c.g("or1") or c.g("or2"):  # "several years ago", "a year or two ago"
        if c.g("dir") in ("later", "earlier"):  # "a few days later": after some other time
            return Reading("duration", cal.duration(None, unit))
        return Reading("date", "PAST_REF" if sign < 0 else "FUTURE_REF")
    if unit == "FN":
        unit, count = "W", 2 * count
    elif unit in ("S", "MIN", "HR"):  # "two hours ago": that day
        unit, count = "D", 0
    # "two weeks ago" names a day, as TimeBank annotates it (a week number is rarely meant)
    granularity = {"DE": "Y", "CE": "Y", "W": "D"}.get(unit, unit)
    steps = round(count) * sign
    if ctx.anchor is None:
        return Reading("date", cal.relative(unit, steps))
    day = cal.shift(ctx.anchor, unit, steps)
    return Reading("date", cal.render(day, granularity), anchored=True)


def _anaphor(c: Candidate, ctx: _Context) -> Reading:
    """ "the following year", "that day", "the day before": an offset from the anchor (which
    ``narrative`` makes the story's reference time when there is one)."""
    unit = ctx.words["units"][c.g("unit") or c.g("unit2") or c.g("unit3")]
    n = ctx.words["anaphoric_offsets"][_words(c.g("rel")) or c.g("rel2") or "the next"]
    if ctx.anchor is None:
        return Reading("date", cal.relative(unit, n))
    return Reading("date", cal.render(cal.shift(ctx.anchor, unit, n), unit), anchored=True)


def _year_back(c: Candidate, ctx: _Context) -> Reading:
    if ctx.anchor is None:
        return Reading("date", cal.relative("Y", -1))
    return Reading("date", cal.render(cal.shift(ctx.anchor, "Y", -1), "Y"), anchored=True)


def _duration(c: Candidate, ctx: _Context) -> Reading:
    count = number(c.g("num"), ctx.words)
    if count is not None and c.g("half"):
        count += 0.5  # "a minute and a half"
    unit = _unit(c.g("unit"), ctx.words)
    if c.g("or1") or c.g("or2"):  # "two or three days", "in a year or two"
        if _IN_BEFORE.search(ctx.before) and ctx.direction() != PAST:
            return Reading("date", "FUTURE_REF")
        return Reading("duration", cal.duration(None, unit))
    if c.g("num") == "one" and unit == "D" and _MODAL_BEFORE.search(ctx.before):
        return Reading("date", "FUTURE_REF")  # "it will one day be"
    if _in_time(c, count, unit, ctx):  # "to be redeemed in five years": the year it ends
        assert ctx.anchor is not None and count is not None
        granularity = {"W": "D", "DE": "Y", "CE": "Y"}.get(unit, unit)
        day = cal.shift(ctx.anchor, unit, int(count))
        return Reading("date", cal.render(day, granularity), anchored=True)
    if count is not None and count != int(count):
        value = cal.fractional_duration(count, unit)
    else:
        value = cal.duration(None if count is None else int(count), unit)
    if c.g("num") in ("a", "an") and not c.g("the") and _MONEY_BEFORE.search(ctx.before):
        return Reading("set", value)  # "$5 million a year"
    return Reading("duration", value)


def _in_time(c: Candidate, count: float | None, unit: str, ctx: _Context) -> bool:
    """ "in five years" said of what is still to come names a date, not a stretch of time."""
    return (
        ctx.anchor is not None
        and count is not None
        and count == int(count)
        and unit in ("D", "W", "M", "Y")
        and not (c.g("the") or c.g("dmod") or c.g("approx"))
        and _IN_BEFORE.search(ctx.before) is not None
        and ctx.direction() != PAST
    )


def _bare_units(c: Candidate, ctx: _Context) -> Reading:
    return Reading("duration", cal.duration(None, _unit(c.g("unit"), ctx.words)))


def _set_every(c: Candidate, ctx: _Context) -> Reading:
    words = ctx.words
    if c.g("wd"):
        return Reading("set", f"XXXX-WXX-{words['weekdays'][c.g('wd').rstrip('.')]}")
    if c.g("mon"):
        return Reading("set", f"XXXX-{words['months'][c.g('mon').rstrip('.')]:02d}")
    if c.g("num"):
        count = number(c.g("num"), words)
        unit = _unit(c.g("units"), words)
        return Reading("set", cal.duration(None if count is None else int(count), unit))
    word = c.g("unit")
    if word in words["parts_of_day"]:
        return Reading("set", "XXXX-XX-XX" + _pod(word, words))
    if word in words["seasons"]:
        return Reading("set", f"XXXX-{words['seasons'][word]}")
    if word == "weekend":
        return Reading("set", "XXXX-WXX-WE")
    return Reading("set", cal.duration(1, words["units"][word]))


def _set_frequency(c: Candidate, ctx: _Context) -> Reading:
    return Reading("set", cal.duration(1, ctx.words["units"][c.g("unit")]))


def _set_adverb(c: Candidate, ctx: _Context) -> Reading:
    return Reading("set", ctx.words["sets_adverbs"][c.g("adv")])


def _clock(c: Candidate, ctx: _Context) -> Reading:
    if c.g("noon"):
        hour, minute = (24, 0) if c.g("noon") == "midnight" else (12, 0)
    else:
        hour, minute = int(c.g("h")), int(c.g("mi") or 0)
        ampm = c.g("ampm")
        if hour > 12 or minute > 59 or (hour == 0 and not ampm.startswith("o")):
            raise ValueError("not a clock time")
        if ampm.startswith("p") and hour < 12:
            hour += 12
        elif ampm.startswith("a") and hour == 12:
            hour = 0
    clock = f"T{hour:02d}:{minute:02d}"
    if ctx.anchor is None:
        return Reading("time", "XXXX-XX-XX" + clock)
    day_word = c.g("dw") or c.g("wd0")
    weekday = c.g("wd") or (day_word if day_word in ctx.words["weekdays"] else None)
    if weekday:
        day = _weekday_date(weekday, None, ctx)
    elif c.g("mon"):
        day = _month_day(ctx.words["months"][c.g("mon").rstrip(".")], int(c.g("day")), ctx, None)
        if day is None:
            raise ValueError("no such day")
    elif day_word and day_word in ctx.words["day_words"]:
        day = ctx.anchor + dt.timedelta(days=ctx.words["day_words"][day_word])
    else:
        day = ctx.anchor
    return Reading("time", day.isoformat() + clock, anchored=True)


def _vague(c: Candidate, ctx: _Context) -> Reading:
    return Reading("date", ctx.words["vague_refs"][" ".join(c.g("v").split())])


def _holiday(c: Candidate, ctx: _Context) -> Reading | None:
    month, day = (int(p) for p in ctx.words["holidays"][" ".join(c.g("hol").split())].split("-"))
    if c.g("y"):
        return Reading("date", dt.date(int(c.g("y")), month, day).isoformat())
    if ctx.anchor is None:
        return Reading("date", f"XXXX-{month:02d}-{day:02d}")
    rel = c.g("rel")
    if rel == "this":
        date = dt.date(ctx.anchor.year, month, day)
    else:
        direction, _ = _direction(rel, ctx)
        date = cal.nearest_year(ctx.anchor, month, day, direction)
    return Reading("date", date.isoformat(), anchored=True) if date else None


_RESOLVERS: dict[str, Callable[[Candidate, _Context], Reading | None]] = {
    "iso": _iso,
    "slash": _slash,
    "month_day": _calendar_day,
    "day_month": _calendar_day,
    "month": _month,
    "year": _year,
    "spelled_year": _spelled_year,
    "decade": _decade,
    "century": _century,
    "day_word": _day_word,
    "part_of_day": _part_of_day,
    "weekday": _weekday,
    "anaphor": _anaphor,
    "period": _period,
    "weekend": _weekend,
    "quarter": _quarter,
    "quarter_pair": _quarter_pair,
    "bare_quarter": _bare_quarter,
    "the_year": _the_year,
    "season": _season,
    "the_season": _the_season,
    "ago": _ago,
    "year_back": _year_back,
    "duration": _duration,
    "bare_units": _bare_units,
    "units_of": _bare_units,
    "set_every": _set_every,
    "set_frequency": _set_frequency,
    "set_adverb": _set_adverb,
    "clock": _clock,
    "vague": _vague,
    "holiday": _holiday,
}


def resolvers() -> tuple[str, ...]:
    """The rule names the tagger can give a value to (each rule in patterns.json needs one)."""
    return tuple(_RESOLVERS)
