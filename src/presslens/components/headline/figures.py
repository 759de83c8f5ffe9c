"""Figures: a headline figure against the body's figures of the same unit or act, allowing
for rounding."""

from __future__ import annotations

from dataclasses import dataclass, replace

from spacy.tokens import Doc
from spacy.tokens import Span as DocSpan

from presslens.components.headline.body import Body
from presslens.components.headline.forms import variants, with_synonyms
from presslens.components.headline.lexicon import HeadlineLexicon
from presslens.components.headline.verdict import Problem
from presslens.lexicons import lexicon
from presslens.nlp.layers import doc_text
from presslens.text.numbers import NumberMention, find_numbers

_NUMBER_TOLERANCE = 0.005  # relative difference still read as the same figure
_ROUNDING = 0.1  # a headline may round a figure down (an "about" figure either way) this much
_ROUNDED_DOWN = 0.25  # ... or to its own last non-zero digit ('2,000' for 2,340) up to this much
_COUNTED = {"dobj", "nsubj", "nsubjpass"}  # a figure a verb acts on: 'arrested 14', '40 killed'
_FIGURE_POS = {"NUM", "NOUN"}  # '... and 26 more on Saturday': a figure hung on the verb


def number_problems(doc: Doc, headline: DocSpan, body: Body) -> list[Problem]:
    """Headline figures the body's figures of the same thing do not carry."""
    text = doc_text(doc)
    heads = [
        Figure.of(doc, n)
        for n in find_numbers(text[headline.start_char : headline.end_char], headline.start_char)
    ]
    heads = [h for h in heads if h.n.unit or h.acts]  # 'Police arrest 40': what 40 counts
    if not heads:
        return []
    figures = [
        (Figure.of(doc, n), s)
        for s in body.sentences
        for n in find_numbers(text[s.start : s.end], s.start)
    ]
    problems = []
    for head in heads:
        h = head.n
        same = [(b.n, s) for b, s in figures if head.counts_as(b)]
        if any(_carries(b, h) for b, _ in same) or _carries_in_sum([b for b, _ in same], h):
            continue
        if not same:
            if not h.unit or any(
                _close(b.n.value, h.value) and not b.measure() for b, _ in figures
            ):
                continue  # a bare count the body never ties to the same act: nothing to compare
            explanation = f'The headline says "{h.text}"; the body gives no such figure.'
            problems.append(Problem("number_differs", (h.start, h.end), [], explanation))
            continue
        b, s = min(same, key=lambda bs: abs(bs[0].value - h.value))
        inflated = h.value > b.value or (h.value == b.value and b.bound == "at_most")
        explanation = (
            f'The headline says "{h.text}"; the body says {"only " if inflated else ""}'
            f'"{b.text}" (paragraph {s.paragraph}).'
        )
        kind = "number_inflated" if inflated else "number_differs"
        problems.append(Problem(kind, (h.start, h.end), [(b.start, b.end)], explanation))
    return problems


@dataclass(frozen=True)
class Figure:
    """A figure with the verb acting on what it counts ('arrested 14 people' -> arrest)."""

    n: NumberMention
    acts: frozenset[str]

    @classmethod
    def of(cls, doc: Doc, n: NumberMention) -> Figure:
        found = doc.char_span(n.start, n.end, alignment_mode="expand")
        tok = found[-1] if found is not None else None
        if tok is not None and tok.dep_ == "nummod":
            tok = tok.head
        bounded = tok is not None and tok.dep_ == "pobj" and tok.head.idx >= n.start
        if bounded:  # 'close up to 45 stores': the bound's preposition hangs on the verb
            tok = tok.head
        while tok is not None and tok.dep_ == "conj" and tok.head.pos_ != "VERB":
            tok = tok.head  # '14 men and 26 women': the women were arrested too
        gapped = tok is not None and tok.dep_ == "conj" and tok.pos_ in _FIGURE_POS
        if (
            tok is None
            or not (tok.dep_ in _COUNTED or gapped or bounded)
            or tok.head.pos_ != "VERB"
        ):
            return cls(n, frozenset())
        forms = with_synonyms(variants(tok.head))
        return cls(n, frozenset(forms - lexicon(HeadlineLexicon).light_verbs))

    def counts_as(self, other: Figure) -> bool:
        """The same unit, or counts of what the same act was done to ('40' and '14 people')."""
        if self.n.unit and self.n.unit == other.n.unit:
            return True
        return bool(self.acts & other.acts) and not (self.measure() or other.measure())

    def measure(self) -> bool:
        unit = self.n.unit
        return bool(unit) and (unit.isupper() or unit in lexicon(HeadlineLexicon).measure_units)


def _carries_in_sum(body: list[NumberMention], head: NumberMention) -> bool:
    """'14 people on Friday and 26 more on Saturday' carries a headline's 40."""
    exact = [b for b in body if b.bound is None and b.upper is None]
    if len(exact) < 2:
        return False
    total = replace(exact[0], value=sum(b.value for b in exact))
    return _carries(total, head)


def _close(a: float, b: float) -> bool:
    return abs(a - b) <= _NUMBER_TOLERANCE * max(abs(a), abs(b))


def _carries(body: NumberMention, head: NumberMention) -> bool:
    """Whether the body figure supports the headline figure (rounding down is fine, up is not)."""
    low, high = body.value, body.upper or body.value
    value = head.value
    if head.bound == "at_least":  # 'more than 40,000': the body must reach it
        return high >= value * (1 - _NUMBER_TOLERANCE)
    if head.bound == "at_most":  # 'nearly 500': the body may not exceed it
        return low * (1 - _NUMBER_TOLERANCE) <= value and high >= value * (1 - _ROUNDING)
    if body.bound == "at_most":  # body 'nearly 500': the headline must stay below
        return low * (1 - _ROUNDING) <= value < low
    if body.bound in ("at_least", "about") or head.bound == "about":
        return low * (1 - _ROUNDING) <= value <= high * (1 + _ROUNDING)
    return low * (1 - _ROUNDING) <= value <= high * (1 + _NUMBER_TOLERANCE) or _rounded_down(
        low, value
    )


def _rounded_down(body: float, head: float) -> bool:
    """A round headline figure the body's rounds down to ('2,000' for 2,340), within a quarter."""
    if head <= 0 or head < body * (1 - _ROUNDED_DOWN):
        return False
    digits = len(str(int(head))) - len(str(int(head)).rstrip("0"))
    step = 10**digits
    return digits > 0 and head == head // step * step and body // step * step == head
