"""A quote being built, as character pieces, and helpers on character ranges."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from presslens.text.quotemarks import Pieces


@dataclass
class Draft(Pieces):
    """A quote being built: character spans until it becomes a ``schema.Quote``."""

    kind: str
    pieces: list[tuple[int, int]]
    cue: tuple[int, int] | None
    speaker: tuple[int, int] | None
    confidence: float
    block: int
    cue_token: Token | None = None
    sentence: Span | None = None
    anonymous: bool = False
    speaker_entity: str | None = None


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """``start:end`` without surrounding spaces and commas."""
    while start < end and (text[start].isspace() or text[start] in ",;:"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:"):
        end -= 1
    return start, end


def outside(start: int, end: int, pieces: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The parts of ``start:end`` not covered by ``pieces``."""
    out, pos = [], start
    for s, e in sorted(pieces):
        if s > pos:
            out.append((pos, min(s, end)))
        pos = max(pos, e)
    if pos < end:
        out.append((pos, end))
    return [(s, e) for s, e in out if e > s]
