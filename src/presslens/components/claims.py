"""Claims: the statements worth checking, in the author's voice and in quotes.

Units: each quote's content (all its pieces) is one unit whose source is the
quote; each sentence of the headline, subheadings and paragraphs, less the
quotes in it, is a unit in the author's voice. What a quote leaves of its
sentence ("X said on Tuesday") is not a claim: a remainder counts only when it
still has a finite verb of its own that is not the quote's cue. All units of a
doc are scored in one call of the check-worthiness model; those at or above
the threshold become claims, with their kinds (``resources/claims/kinds.json``)
and their figures (``presslens.numbers``).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Token
from spacy.tokens import Span as DocSpan

from presslens.checkworthiness import load_checkworthiness_model
from presslens.layers import doc_text, layers
from presslens.numbers import NumberMention, find_numbers
from presslens.resource_files import load_json
from presslens.schema import Claim, Number, Quote

_SKIPPED_BLOCKS = {"byline", "dateline", "caption", "credit"}
_FINITE_TAGS = {"VBD", "VBZ", "VBP", "MD"}
_COMPARATIVE_TAGS = {"JJR", "RBR"}
_SUPERLATIVE_TAGS = {"JJS", "RBS"}
_NOUN_UNIT_TAGS = {"NN", "NNS", "NNPS"}
_TRIM = " \t\n,;:—–-"
_MARKS = '"“”«»'
_LEADING_COMPLEMENTISER = re.compile(r"(?:that|whether)\s+", re.IGNORECASE)
_TRAILING_CONJUNCTION = re.compile(r"[\s,;]+(?:and|but|or|while|as|so)$", re.IGNORECASE)
_THAN_WINDOW = 4
_WORD = re.compile(r"[^\W\d_]+|\d+")


@dataclass(frozen=True)
class KindRules:
    """The claim-kind patterns, read once from ``resources/claims/kinds.json``."""

    patterns: dict[str, re.Pattern[str]]
    future_modals: frozenset[str]
    statistical_units: frozenset[str]
    not_superlatives: frozenset[str]
    prediction_cues: frozenset[str]

    @classmethod
    def load(cls) -> KindRules:
        data = load_json("claims", "kinds.json")
        return cls(
            patterns={
                kind: re.compile(r"(?<!\w)(?:" + "|".join(alts) + r")(?!\w)", re.IGNORECASE)
                for kind, alts in data["patterns"].items()
            },
            future_modals=frozenset(data["future_modals"]),
            statistical_units=frozenset(data["statistical_units"]),
            not_superlatives=frozenset(data["not_superlatives"]),
            prediction_cues=frozenset(data["prediction_cues"]),
        )


@dataclass
class _Unit:
    """A stretch to score: ``pieces`` of text, ``start``/``end`` bounding the claim."""

    start: int
    end: int
    pieces: list[tuple[int, int]]
    source: str | None
    cue: str | None = None  # the quote's cue, lower-cased


class ClaimsComponent:
    def __init__(self, rules: KindRules, threshold: float | None, min_words: int) -> None:
        self.rules = rules
        self.model = load_checkworthiness_model()
        self.threshold = self.model.threshold if threshold is None else threshold
        self.min_words = min_words

    def __call__(self, doc: Doc) -> Doc:
        lay = layers(doc)
        text = doc_text(doc)
        quotes = [q for q in lay.quotes if self._words(text, q.content.start, q.content.end)]
        units = [u for u in _quote_units(text, quotes) if self._long_enough(text, u)]
        units += [u for u in self._author_units(doc, quotes) if self._long_enough(text, u)]
        units.sort(key=lambda u: (u.start, u.end))
        scores = self.model.score([" ".join(text[s:e] for s, e in u.pieces) for u in units])
        times = sorted((t.start, t.end) for t in lay.times)
        claims = []
        for unit, score in zip(units, scores, strict=True):
            if score < self.threshold:
                continue
            claims.append(self._claim(doc, unit, score, times, len(claims) + 1))
        lay.claims = claims
        return doc

    def _words(self, text: str, start: int, end: int) -> bool:
        return len(_WORD.findall(text, start, end)) >= self.min_words

    def _long_enough(self, text: str, unit: _Unit) -> bool:
        return sum(len(_WORD.findall(text, s, e)) for s, e in unit.pieces) >= self.min_words

    def _author_units(self, doc: Doc, quotes: list[Quote]) -> list[_Unit]:
        """The sentences in the author's voice, clipped to their blocks, less the quotes."""
        text = doc_text(doc)
        lay = layers(doc)
        blocks = [(b.start, b.end) for b in lay.blocks if b.kind not in _SKIPPED_BLOCKS]
        if not lay.blocks:
            blocks = [(0, len(text))]
        block_starts = [s for s, _ in blocks]
        quoted = _merged(p for q in quotes for p in _quote_pieces(q))
        quoted_starts = [s for s, _ in quoted]
        cues = [(q.cue.start, q.cue.end) for q in quotes if q.cue is not None]
        units = []
        for sent in doc.sents:
            lo, hi = sent.start_char, sent.end_char
            b = max(0, bisect.bisect_right(block_starts, lo) - 1)
            while b < len(blocks) and blocks[b][0] < hi:
                s, e = max(lo, blocks[b][0]), min(hi, blocks[b][1])
                b += 1
                if s >= e:
                    continue
                inside = []
                for qs, qe in quoted[max(0, bisect.bisect_right(quoted_starts, s) - 1) :]:
                    if qs >= e:
                        break
                    if qe > s:
                        inside.append((qs, qe))
                if not inside:
                    unit = _trim(text, s, e)
                elif not (rest := _largest(text, _outside(s, e, inside))) or not _has_own_verb(
                    sent, *rest, cues
                ):
                    continue
                else:
                    unit = rest
                if unit[1] > unit[0]:
                    units.append(_Unit(unit[0], unit[1], [unit], None))
        return units

    def _claim(
        self, doc: Doc, unit: _Unit, score: float, times: list[tuple[int, int]], n: int
    ) -> Claim:
        text = doc_text(doc)
        words = doc.char_span(unit.start, unit.end, alignment_mode="expand")
        nouns = {t.idx: t for t in words if t.tag_ in _NOUN_UNIT_TAGS} if words is not None else {}

        def noun_unit(char: int, _word: str) -> str | None:
            tok = nouns.get(char)
            return tok.lemma_.lower() if tok is not None else None

        numbers = [
            m
            for s, e in unit.pieces
            for m in find_numbers(text[s:e], s, noun_unit)
            if not _inside_any(m.start, m.end, times)
        ]
        claim_text = " ".join(text[s:e] for s, e in unit.pieces)
        return Claim(
            id=f"c{n}",
            start=unit.start,
            end=unit.end,
            text=text[unit.start : unit.end],
            checkworthiness=round(score, 4),
            kinds=self._kinds(claim_text, words, numbers, unit),
            numbers=[_number(m) for m in numbers],
            source=unit.source,
        )

    def _kinds(
        self,
        claim_text: str,
        words: DocSpan | None,
        numbers: list[NumberMention],
        unit: _Unit,
    ) -> list[str]:
        rules = self.rules
        kinds = {kind for kind, pattern in rules.patterns.items() if pattern.search(claim_text)}
        if numbers:
            kinds.add("numeric")
        if any(m.unit in rules.statistical_units for m in numbers):
            kinds.add("statistical")
        for tok in words if words is not None else ():
            if tok.tag_ == "MD" and tok.lower_ in rules.future_modals:
                kinds.add("prediction")
            elif self._compares(tok):
                kinds.add("comparison")
        if unit.cue in rules.prediction_cues:  # 'expects prices to rise'
            kinds.add("prediction")
        if unit.source is not None:
            kinds.add("quote-only")
        return sorted(kinds)

    def _compares(self, tok: Token) -> bool:
        """A comparative before 'than' ('more than', 'more people than') or a superlative
        ('highest'; 'most' only before an adjective or adverb: 'the most expensive')."""
        doc = tok.doc
        if tok.tag_ in _COMPARATIVE_TAGS:
            return any(t.lower_ == "than" for t in doc[tok.i + 1 : tok.i + _THAN_WINDOW])
        if tok.tag_ not in _SUPERLATIVE_TAGS:
            return False
        if tok.lower_ not in self.rules.not_superlatives:
            return True
        return tok.i + 1 < len(doc) and doc[tok.i + 1].pos_ in ("ADJ", "ADV")


def _quote_pieces(q: Quote) -> list[tuple[int, int]]:
    return [(p.start, p.end) for p in q.spans] if q.spans else [(q.content.start, q.content.end)]


def _quote_units(text: str, quotes: list[Quote]) -> list[_Unit]:
    """One unit per quote not lying inside another quote's content (the outer one carries it)."""
    units = []
    for q in quotes:
        c = q.content
        if any(
            o is not q
            and o.content.start <= c.start
            and c.end <= o.content.end
            and (o.content.start, o.content.end) != (c.start, c.end)
            for o in quotes
        ):
            continue
        pieces = [p for s, e in _quote_pieces(q) if (p := _trim(text, s, e))[1] > p[0]]
        if pieces:
            cue = q.cue.text.lower() if q.cue is not None else None
            units.append(_Unit(pieces[0][0], pieces[-1][1], pieces, q.id, cue))
    return units


def _has_own_verb(sent: DocSpan, start: int, end: int, cues: list[tuple[int, int]]) -> bool:
    """Whether ``start:end`` of ``sent`` holds a finite verb that is no quote's cue."""
    for tok in sent:
        if (
            start <= tok.idx < end
            and tok.tag_ in _FINITE_TAGS
            and not _inside_any(tok.idx, tok.idx + len(tok), cues)
        ):
            return True
    return False


def _inside_any(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(s <= start and end <= e for s, e in spans)


def _merged(pieces) -> list[tuple[int, int]]:
    """Character pieces sorted, overlapping ones joined."""
    out: list[tuple[int, int]] = []
    for s, e in sorted(pieces):
        if out and s <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return out


def _outside(start: int, end: int, pieces: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The parts of ``start:end`` not covered by the sorted, disjoint ``pieces``."""
    out, pos = [], start
    for s, e in pieces:
        if s > pos:
            out.append((pos, min(s, end)))
        pos = max(pos, e)
    if pos < end:
        out.append((pos, end))
    return out


def _largest(text: str, parts: list[tuple[int, int]]) -> tuple[int, int] | None:
    """The longest of ``parts`` once trimmed, or None when nothing is left."""
    trimmed = [p for s, e in parts if (p := _trim(text, s, e))[1] > p[0]]
    return max(trimmed, key=lambda p: p[1] - p[0], default=None)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """``start:end`` without surrounding spaces and punctuation, a leading 'that', a trailing
    conjunction ('..., and'), and quotation marks that open or close it unpaired or as a pair."""
    while True:
        before = (start, end)
        while start < end and text[start] in _TRIM:
            start += 1
        while end > start and text[end - 1] in _TRIM:
            end -= 1
        if start < end and text[start] in _MARKS and text[end - 1] in _MARKS:
            start, end = start + 1, end - 1
        elif start < end and sum(text.count(m, start, end) for m in _MARKS) % 2:
            if text[start] in _MARKS:
                start += 1
            elif text[end - 1] in _MARKS:
                end -= 1
        tail = _TRAILING_CONJUNCTION.search(text, start, end)
        if tail is not None:
            end = tail.start()
        head = _LEADING_COMPLEMENTISER.match(text, start, end)
        if head is not None:
            start = head.end()
        if (start, end) == before:
            return start, end


def _number(m: NumberMention) -> Number:
    return Number(
        start=m.start,
        end=m.end,
        text=m.text,
        value=m.value,
        unit=m.unit,
        bound=m.bound,
        upper=m.upper,
    )


@Language.factory("presslens_claims", default_config={"threshold": None, "min_words": 4})
def make_claims(
    nlp: Language, name: str, threshold: float | None, min_words: int
) -> ClaimsComponent:
    return ClaimsComponent(KindRules.load(), threshold, min_words)
