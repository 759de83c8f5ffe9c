"""Attributions without a cue verb (``Mayor: "..."``, ``"..." — Mayor Ana Ruiz``, a heading
``Caddell: Voters Worried``) and the cueless quotes that carry on a speaker's quote."""

from __future__ import annotations

import re
from collections.abc import Callable

from spacy.tokens import Doc

from presslens.components.quotes import confidence
from presslens.components.quotes.content import is_speech
from presslens.components.quotes.drafts import Draft, trim
from presslens.components.quotes.lexicon import CueLexicon
from presslens.components.quotes.speakers import (
    clause_subject,
    looks_like_speaker,
    names_speaker,
    resolve_speaker,
)
from presslens.nlp.layers import doc_text
from presslens.schema import Block
from presslens.text.quotemarks import Quoted

_MAX_NAME_CHARS = 60  # a speaker named before a colon or after a dash is no longer
_DASH = re.compile(r"^[\s,.]*(?:—|–|―|--|-\s)\s*")
_HEADINGS = {"headline", "subheading"}
_HEADING_COLON = re.compile(rf"\s*([^:.\n]{{1,{_MAX_NAME_CHARS}}}):\s")

BlockOf = Callable[[int], int]  # the index of the speech block a character lies in


def verbless(
    doc: Doc,
    quoted: list[Quoted],
    blocks: list[tuple[int, int]],
    claimed: set[int],
    block_of: BlockOf,
    token_quote: list[int],
    lex: CueLexicon,
) -> list[Draft]:
    """``Mayor: "..."``, ``Ruiz was blunt: "..."`` and ``"..." — Mayor Ana Ruiz``."""
    text = doc_text(doc)
    found = []
    for n, q in enumerate(quoted):
        if n in claimed:
            continue
        b = block_of(q.start)
        lo, hi = blocks[b]
        head = text[lo : q.start]
        colon = head.rstrip()
        if colon.endswith(":"):
            at = lo + len(colon) - 1
            who = None
            if 0 < len(colon) - 1 <= _MAX_NAME_CHARS and "." not in colon:
                who = trim(text, lo, at)
                who = who if names_speaker(doc, *who, lex) else None
            who = who or clause_subject(doc, lo, at, token_quote, lex)
            if who is not None:
                claimed.add(n)
                found.append(
                    Draft(
                        "direct", list(q.pieces), (at, at + 1), who, confidence.REPORTED_SPEECH, b
                    )
                )
                continue
        tail_end = hi if len(q.pieces) == 1 else blocks[block_of(q.end)][1]
        line_end = text.find("\n", q.end, tail_end)
        tail_end = line_end if line_end >= 0 else tail_end
        tail = text[q.end : tail_end]
        dash = _DASH.match(tail)
        if dash and 0 < len(tail) - dash.end() <= _MAX_NAME_CHARS:
            who = trim(text, q.end + dash.end(), tail_end)
            who = (who[0], who[1] - 1) if text[who[1] - 1] in ".;" else who
            if looks_like_speaker(doc, *who, lex):
                claimed.add(n)
                cue = trim(text, q.end + dash.start(), q.end + dash.end())
                found.append(
                    Draft("direct", list(q.pieces), cue, who, confidence.REPORTED_SPEECH, b)
                )
    return found


def headings(
    doc: Doc, all_blocks: list[Block], drafts: list[Draft], block_of: BlockOf, lex: CueLexicon
) -> list[Draft]:
    """``Caddell: Voters Worried About Health`` in a headline or subheading (never
    ``Budget: Council cuts library hours``: a topic does not speak)."""
    text = doc_text(doc)
    taken = [(d.start, d.end) for d in drafts]
    found = []
    for block in all_blocks:
        if block.kind not in _HEADINGS:
            continue
        m = _HEADING_COLON.match(text, block.start, block.end)
        if m is None or any(s < block.end and block.start < e for s, e in taken):
            continue
        who = trim(text, block.start, m.end(1))
        content = trim(text, m.end(), block.end)
        if content[1] - content[0] > 1 and names_speaker(doc, *who, lex):
            found.append(
                Draft(
                    "indirect",
                    [content],
                    (m.end(1), m.end(1) + 1),
                    who,
                    confidence.BELIEF,
                    block_of(content[0]),
                )
            )
    return found


def continuations(
    doc: Doc,
    drafts: list[Draft],
    quoted: list[Quoted],
    claimed: set[int],
    block_of: BlockOf,
    lex: CueLexicon,
) -> list[Draft]:
    """``drafts`` (in text order) with their speakers resolved, and the quoted speech with no
    cue that carries on the quote just before it (in its paragraph or the one before): a direct
    quote stays direct, any other becomes mixed."""
    out: list[Draft] = []
    pending = sorted((quoted[n].start, n) for n in range(len(quoted)) if n not in claimed)
    k = 0
    for draft in [*drafts, None]:
        limit = draft.start if draft is not None else len(doc_text(doc)) + 1
        while k < len(pending) and pending[k][0] < limit:
            q = quoted[pending[k][1]]
            k += 1
            if not is_speech(doc, q.start, q.end):
                continue
            prev = out[-1] if out else None
            b = block_of(q.start)
            if prev is None or prev.speaker is None or b - prev.block > 1:
                continue
            if prev.end <= q.start:  # the speech goes on, here or a paragraph on
                prev.pieces.extend(q.pieces)
                prev.kind = "direct" if prev.kind == "direct" else "mixed"
                prev.block = b
                continue
            sure = min(prev.confidence, confidence.QUOTED_SPEECH) - confidence.CONTINUATION
            out.append(
                Draft(
                    "direct",
                    list(q.pieces),
                    None,
                    prev.speaker,
                    round(sure, confidence.DIGITS),
                    b,
                    anonymous=prev.anonymous,
                    speaker_entity=prev.speaker_entity,
                )
            )
        if draft is not None:
            resolve_speaker(doc, draft, out, lex)
            out.append(draft)
    return out
