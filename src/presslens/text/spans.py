"""``ByStart``: items with character spans, found by where they start.

A long text has thousands of mentions, quotes and times; a stage that scanned all of them for
each look-up would take quadratic time. ``ByStart`` sorts them once and bisects.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Sequence
from typing import Generic, TypeVar

T = TypeVar("T")


class ByStart(Generic[T]):
    """``items`` (each with a ``(start, end)`` given by ``span``) sorted by start."""

    def __init__(self, items: Sequence[T], span: Callable[[T], tuple[int, int]]) -> None:
        self.items = items
        spans = [span(item) for item in items]
        self._order = sorted(range(len(items)), key=lambda k: spans[k][0])
        self._starts = [spans[k][0] for k in self._order]
        self._longest = max((end - start for start, end in spans), default=0)

    def starting_in(self, lo: int, hi: int) -> list[T]:
        """The items that start in ``lo..hi`` (both included), in their order in ``items``."""
        a, b = bisect.bisect_left(self._starts, lo), bisect.bisect_right(self._starts, hi)
        return [self.items[k] for k in sorted(self._order[a:b])]

    def may_contain(self, start: int, end: int) -> list[T]:
        """The items long enough to contain ``start:end`` that start at or before it (a
        superset of those that contain it), in their order in ``items``."""
        return self.starting_in(end - self._longest, start)
