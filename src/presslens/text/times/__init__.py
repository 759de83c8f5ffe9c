"""Time expressions in news copy, normalised to TimeML values against an anchor date.

The anchor is the publication date (or, inside a quotation, the day it was said);
nothing is ever resolved against today's date. ``tag(text, anchor, syntax)`` finds
the expressions (rules in ``resources/lexicons/times/patterns.json``, words in
``lexicon.json``) and gives each a type and a value:

* ``date``: ``2024-03-14``, ``2024-03``, ``2024``, ``2024-W11`` (ISO week),
  ``2024-W11-WE`` (weekend), ``2024-Q1``, ``2024-H2``, ``2024-SU`` (season),
  ``199`` (the 1990s), ``20`` (the 21st century);
* ``time``: ``2024-03-14T15:00``, ``2024-03-13TNI`` (Wednesday night; ``MO``, ``AF``,
  ``EV``, ``NI`` are TimeML's parts of the day);
* ``duration``: ``P11D``, ``PT3H``, ``P9M``, ``P20Y`` (two decades), ``PXY`` ("several years");
* ``set``: ``XXXX-WXX-1`` (every Monday), ``P1D`` (daily), ``XXXX-03`` (every March).

Deictic expressions are resolved against the anchor, and ``anchor`` names it;
a value that does not depend on an anchor ("March 3, 2021", "P11D") has anchor
None. Without an anchor a relative expression keeps a relative value, again with
anchor None:

* a calendar name with its year unknown keeps ``X`` for it: ``XXXX-03-03``
  ("March 3"), ``XXXX-WXX-4`` ("Thursday"), ``XXXX-03`` ("March"), ``XXXX-Q3``,
  ``XXXX-XX-XXT15:00`` ("3 p.m.");
* an offset from the anchor is ``REF`` plus a signed TimeML duration whose unit is the
  value's granularity: ``REF-P1D`` (yesterday), ``REF+P0D`` (today), ``REF+P1W``
  (next week), ``REF-P2Y`` (two years ago), ``REF+P0M`` (earlier this month);
* vague references keep TimeBank's ``PRESENT_REF`` ("now"), ``PAST_REF``
  ("recently", "several years ago") and ``FUTURE_REF`` ("soon"), anchored or not.

Anaphoric expressions follow the story's own timeline, as TimeML reads them: "the
following year", "that day", "the same month", "the day before", "the previous Friday"
and "two years later" are resolved against the reference time, the last date (year,
month or day) mentioned before them, when it is precise enough for their unit; their
``anchor`` is then that date. "Two years ago" always counts from the anchor date.

A weekday, a month or a day without its year is read in the week (month, year)
around the anchor, in the past or the future by the tense of the verb that
governs it ("said on Thursday" is the Thursday before, "will meet on Thursday"
the one after; a date something takes "effective" is ahead); without a tense, the past,
as news reports it. A day more than about ten months away in that direction is read in
the nearer year instead.
"""

from presslens.text.times.tagger import FUTURE, PAST, UNKNOWN, Syntax, TimeMention, tag

__all__ = ["FUTURE", "PAST", "UNKNOWN", "Syntax", "TimeMention", "tag"]
