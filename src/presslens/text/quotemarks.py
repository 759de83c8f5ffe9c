"""Quotation marks: the quoted stretches of a text, robust to odd and mixed marks.

Any style is read: straight ``"`` and ``'``, curly “ ” ‘ ’, guillemets « ».
Inner quotes (a ‘...’ inside “...”) stay part of the outer stretch. A quote
never crosses a block boundary unless the next block reopens it without the
previous one being closed (the multi-paragraph convention); an unbalanced
mark ends its stretch at the end of its block instead of swallowing the rest
of the article.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

# family -> (openers, closers); a straight mark is both and is told apart by its neighbours
_DOUBLE_OPEN = "“«„"
_DOUBLE_CLOSE = "”»"
_SINGLE_OPEN = "‘‹"
_SINGLE_CLOSE = "’›"
_OPEN_CONTEXT = " \t\n([{—–-/"


class Pieces:
    """A span made of ordered ``(start, end)`` pieces; ``start``/``end`` bound them all."""

    pieces: Sequence[tuple[int, int]]

    @property
    def start(self) -> int:
        return self.pieces[0][0]

    @property
    def end(self) -> int:
        return self.pieces[-1][1]


@dataclass(frozen=True)
class Quoted(Pieces):
    """One quoted stretch: the marks included, split into one piece per block."""

    pieces: tuple[tuple[int, int], ...]
    closed: bool


_MARK = re.compile(
    "[" + re.escape(_DOUBLE_OPEN + _DOUBLE_CLOSE + _SINGLE_OPEN + _SINGLE_CLOSE + "\"’'") + "]"
)


def _role(text: str, i: int, lo: int, hi: int) -> tuple[str, str] | None:
    """(family, 'open'|'close'|'both') of the mark at ``text[i]``, or None for no mark."""
    ch = text[i]
    before = text[i - 1] if i > lo else " "
    after = text[i + 1] if i + 1 < hi else " "
    if ch in _DOUBLE_OPEN:
        return "d", "open"
    if ch in _DOUBLE_CLOSE:
        return "d", "close"
    if ch == '"':
        if before in _OPEN_CONTEXT or before in _DOUBLE_OPEN + _SINGLE_OPEN:
            return "d", "open"
        return "d", "close" if not after.isalnum() else "both"
    if ch in _SINGLE_OPEN:
        return "s", "open"
    if ch in "’'":
        if before.isalnum() and after.isalnum():
            return None  # an apostrophe: don't, it's
        if before in _OPEN_CONTEXT and after.isalnum():
            return "s", "open"
        if not before.isspace() and not after.isalnum():
            return "s", "close"
        return None
    if ch in _SINGLE_CLOSE:
        return "s", "close"
    return None


def _starts_open(text: str, lo: int, hi: int) -> bool:
    """Whether the block ``text[lo:hi]`` begins with an opening double mark."""
    while lo < hi and text[lo].isspace():
        lo += 1
    return lo < hi and (text[lo] in _DOUBLE_OPEN or text[lo] == '"')


def find_quoted(text: str, blocks: list[tuple[int, int]]) -> list[Quoted]:
    """The top-level quoted stretches of ``text`` inside the given blocks, in order."""
    found: list[Quoted] = []
    pieces: list[tuple[int, int]] = []
    carried = False  # an open double quote carried over from the previous block
    for n, (lo, hi) in enumerate(blocks):
        family: str | None = "d" if carried else None
        start = lo if carried else -1
        carried = False
        for mark in _MARK.finditer(text, lo, hi):
            i = mark.start()
            role = _role(text, i, lo, hi)
            if role is None:
                continue
            fam, what = role
            if family is None or (family == "s" and fam == "d" and what == "open"):
                if what in ("open", "both"):
                    family, start = fam, i
            elif fam == family and what in ("close", "both") and i > start:
                pieces.append((start, i + 1))
                found.append(Quoted(tuple(pieces), closed=True))
                pieces, family = [], None
        if family is None:
            continue
        if family == "s":  # an unclosed single mark is more likely an apostrophe: drop it
            continue
        next_block = blocks[n + 1] if n + 1 < len(blocks) else None
        end = hi
        while end > start and text[end - 1].isspace():
            end -= 1
        pieces.append((start, end))
        if family == "d" and next_block and _starts_open(text, *next_block):
            carried = True
            continue
        found.append(Quoted(tuple(pieces), closed=False))
        pieces = []
    if pieces:
        found.append(Quoted(tuple(pieces), closed=False))
    return found
