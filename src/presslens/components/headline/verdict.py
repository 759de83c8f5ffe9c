"""The verdict: a problem's kind and how bad it is, the worst of several, the verdict from
word overlap alone, and the findings a reader is shown."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc

from presslens.components.headline.body import Body
from presslens.components.headline.evidence import FLOOR, SUPPORTED_SCORE
from presslens.nlp.layers import doc_text, span
from presslens.schema import Finding

SEVERITY = ("contradicted", "overstated", "unsupported", "unrelated", "supported")
_OVERSTATED = {"escalated", "hedge_dropped", "number_inflated", "attribution_dropped"}
_CONTRADICTED = {"negated", "antonym", "refuted"}


@dataclass
class Problem:
    kind: str
    headline: tuple[int, int]
    evidence: list[tuple[int, int]]
    explanation: str


def verdict_of(kind: str) -> str:
    if kind in _CONTRADICTED:
        return "contradicted"
    return "overstated" if kind in _OVERSTATED else "unsupported"


def overall(verdicts: list[str]) -> str:
    """The worst verdict; an unrelated assertion next to related ones is unsupported."""
    if all(v == "unrelated" for v in verdicts):
        return "unrelated"
    related = ["unsupported" if v == "unrelated" else v for v in verdicts]
    return min(related, key=SEVERITY.index)


def by_overlap(body: Body) -> str:
    """The verdict when no predicate of the headline is in the body: word overlap and stance."""
    if body.stance == "unrelated" and body.coverage < SUPPORTED_SCORE:
        return "unrelated"
    if body.coverage >= SUPPORTED_SCORE or (body.coverage >= FLOOR and body.stance == "agree"):
        return "supported"
    if body.coverage < FLOOR:
        return "unrelated"
    return "supported" if body.question else "unsupported"  # a question asserts nothing


def text_at(doc: Doc, start: int, end: int) -> str:
    return doc_text(doc)[start:end]


def finding(doc: Doc, p: Problem, verdict: str) -> Finding:
    return Finding(
        headline=span(doc, *p.headline),
        evidence=[span(doc, s, e) for s, e in p.evidence],
        explanation=p.explanation,
        verdict=verdict,
        kind=p.kind,
    )


def overlap_finding(doc: Doc, headline: tuple[int, int], verdict: str, body: Body) -> Finding:
    """A finding from word overlap alone, when no predicate of the headline is in the body."""
    if verdict == "unrelated" or not body.top:
        return Finding(
            headline=span(doc, *headline),
            explanation="Nothing in the body is about what the headline says.",
            verdict=verdict,
            kind="no_evidence",
        )
    s = body.top[0]
    explanation = (
        f"Paragraph {s.paragraph} carries most of the headline's words."
        if verdict == "supported"
        else f"No sentence of the body says this in so many words; the nearest is in paragraph "
        f"{s.paragraph}."
    )
    return Finding(
        headline=span(doc, *headline),
        evidence=[span(doc, s.start, s.end)],
        explanation=explanation,
        verdict=verdict,
        kind=None if verdict == "supported" else "no_evidence",
    )
