"""Words quoted in the headline: nobody in the body says them, or someone else does."""

from __future__ import annotations

from spacy.tokens import Doc
from spacy.tokens import Span as DocSpan

from presslens.components.headline.actors import same_actor
from presslens.components.headline.body import Body, paragraph_of
from presslens.components.headline.forms import variants
from presslens.components.headline.verdict import Problem
from presslens.nlp.layers import doc_text, layers
from presslens.text.quotemarks import find_quoted
from presslens.text.words import APOSTROPHES, WORD

_SHORT_QUOTE = 2  # a headline quote this short may be a scare quote: its words must be in the body


def _words(text: str) -> str:
    return " ".join(WORD.findall(text.lower().translate(APOSTROPHES)))


def quote_problems(doc: Doc, headline: DocSpan, body: Body) -> list[Problem]:
    """Words quoted in the headline that nobody in the body says, or someone else says.

    A quote of one or two words may be a scare quote ('Zombie cat'): it is fine when
    its words are in the body in any form; a longer one must be there word for word.
    """
    text = doc_text(doc)
    quoted = find_quoted(text, [(headline.start_char, headline.end_char)])
    if not quoted:
        return []
    said = f" {_words(' '.join(text[s.start : s.end] for s in body.sentences))} "
    in_headline = [
        q for q in layers(doc).quotes if q.content.end <= headline.end_char and q.speaker
    ]
    problems = []
    for q in quoted:
        inner = _words(text[q.start + 1 : q.end - 1])
        if not inner:
            continue
        if f" {inner} " in said:
            speaker = next(
                (
                    h.speaker.entity
                    for h in in_headline
                    if h.content.start <= q.start < h.content.end
                ),
                None,
            )
            problem = _quoted_speaker(doc, q.start, q.end, inner, speaker, body)
            problems.extend([problem] if problem else [])
            continue
        if len(inner.split()) <= _SHORT_QUOTE:
            words = doc.char_span(q.start, q.end, alignment_mode="expand")
            if words is not None and all(
                variants(t) & body.vocabulary for t in words if t.is_alpha
            ):
                continue
        wanted = set(inner.split())
        overlap = {id(bq): len(wanted & set(_words(bq.content.text).split())) for bq in body.quotes}
        closest = max(body.quotes, key=lambda bq: overlap[id(bq)], default=None)
        evidence, tail = [], "."
        if closest is not None and overlap[id(closest)] >= 2:
            evidence = [(closest.content.start, closest.content.end)]
            who = closest.speaker.text if closest.speaker else "a source"
            tail = f"; the nearest is what {who} said (paragraph {paragraph_of(body, closest)})."
        problems.append(
            Problem(
                "quote_not_in_body",
                (q.start, q.end),
                evidence,
                f"The headline quotes {text[q.start : q.end]}, but nobody in the body says "
                f"these words{tail}",
            )
        )
    return problems


def _quoted_speaker(
    doc: Doc, start: int, end: int, inner: str, speaker: str | None, body: Body
) -> Problem | None:
    """A headline quote the body has from someone other than the headline's speaker."""
    if speaker is None:
        return None
    sayers = [
        bq
        for bq in body.quotes
        if f" {inner} " in f" {_words(bq.content.text)} " and bq.speaker and bq.speaker.entity
    ]
    if not sayers or any(same_actor(doc, speaker, bq.speaker.entity, None) for bq in sayers):
        return None
    bq = sayers[0]
    names = {e.id: e.name for e in layers(doc).entities}
    return Problem(
        "different_actor",
        (start, end),
        [(bq.content.start, bq.content.end), (bq.speaker.start, bq.speaker.end)],
        f"The headline has {names[speaker]} saying {doc_text(doc)[start:end]}; in the body "
        f"{names[bq.speaker.entity]} says it (paragraph {paragraph_of(body, bq)}).",
    )
