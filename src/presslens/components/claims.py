"""Claims: the statements worth checking, in the author's voice and in quotes.

Units: each quote's content (all its pieces) is one unit whose source is the
quote; each sentence of the headline, subheadings and paragraphs is a unit in
the author's voice. From a sentence with a quote in it, the quote, its speaker
and its cue are cut out and the longest part left is the author's unit when it
still has a finite verb ("Trump, speaking in Ohio, said ..." leaves none). All
units of a doc are scored in one call of the check-worthiness model (with the
``embeddings`` config, its blend with MiniLM: ``checkworthiness.load_scorer``); those
at or above the threshold (the model's own unless configured) become claims, with
their kinds (``resources/lexicons/claims/kinds.json``) and their figures
(``presslens.text.numbers``; none inside a time expression of the times layer).
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from dataclasses import asdict, dataclass

import numpy as np
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Token
from spacy.tokens import Span as DocSpan

from presslens.lexicons import lexicon, lexicon_from, load_json, pipeline_lexicon
from presslens.models.checkworthiness import load_scorer
from presslens.nlp.layers import doc_text, layers
from presslens.nlp.syntax import ANY_SUBJECTS
from presslens.schema import Claim, Number, Quote
from presslens.text.numbers import NumberMention, find_numbers
from presslens.text.spans import ByStart

_FINITE_TAGS = {"VBD", "VBZ", "VBP", "MD"}
_AUXILIARIES = {"aux", "auxpass"}
_COMPARATIVE_TAGS = {"JJR", "RBR"}
_SUPERLATIVE_TAGS = {"JJS", "RBS"}
_NOUN_UNIT_TAGS = {"NN", "NNS", "NNPS"}
_NOUN_MODIFIERS = {"amod", "compound"}
_TRIM = " \t\n\xa0,;:—–-…"
_MARKS = '"“”«»'
_MARKED_TAGS = frozenset({"MD"}) | _COMPARATIVE_TAGS | _SUPERLATIVE_TAGS
_THAN_WINDOW = 4


@dataclass(frozen=True)
class KindRules:
    """The claim-kind vocabulary of ``resources/lexicons/claims/kinds.json``."""

    matcher: PhraseMatcher  # match label = kind
    future_modals: frozenset[str]
    statistical_units: frozenset[str]
    not_superlatives: frozenset[str]
    prediction_cues: frozenset[str]

    @classmethod
    def load(cls, nlp: Language) -> KindRules:
        data = load_json("claims", "kinds.json")
        matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        hedged = data["hedged"]  # 'could reach', 'may double'
        phrases = {
            **data["phrases"],
            "prediction": data["phrases"]["prediction"]
            + [f"{m} {v}" for m in hedged["modals"] for v in hedged["verbs"]],
        }
        for kind, items in phrases.items():
            matcher.add(kind, [nlp.make_doc(p) for p in items])
        return lexicon_from(cls, data, matcher=matcher)


@dataclass(frozen=True)
class UnitRules:
    """How an article is cut into units, from ``resources/lexicons/claims/units.json``."""

    skipped_blocks: frozenset[str]
    leading_words: frozenset[str]
    trailing_words: frozenset[str]
    conditions: frozenset[str]

    @classmethod
    def load(cls) -> UnitRules:
        return lexicon_from(cls, load_json("claims", "units.json"))

    def trim(self, text: str, start: int, end: int) -> tuple[int, int]:
        """``start:end`` without surrounding spaces and punctuation, a leading 'that', a
        trailing 'and', and quotation marks that open or close it unpaired or as a pair."""
        while True:
            before = (start, end)
            while start < end and text[start] in _TRIM:
                start += 1
            while end > start and text[end - 1] in _TRIM:
                end -= 1
            opens = start < end and text[start] in _MARKS
            closes = start < end and text[end - 1] in _MARKS
            marks = sum(text.count(m, start, end) for m in _MARKS) if opens or closes else 0
            if opens and closes and marks == 2:
                start, end = start + 1, end - 1
            elif marks % 2:
                start, end = (start + 1, end) if opens else (start, end - 1)
            last_space = text.rfind(" ", start, end)
            if last_space > start and text[last_space + 1 : end].lower() in self.trailing_words:
                end = last_space
            first_space = text.find(" ", start, end)
            if first_space > start and text[start:first_space].lower() in self.leading_words:
                start = first_space
            if (start, end) == before:
                return start, end

    def trimmed(self, text: str, parts: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """``parts`` trimmed, the empty ones dropped."""
        return [p for s, e in parts if (p := self.trim(text, s, e))[1] > p[0]]


@dataclass
class _Unit:
    """A stretch to score: ``pieces`` of text, ``start``/``end`` bounding the claim."""

    start: int
    end: int
    pieces: list[tuple[int, int]]
    source: str | None
    cue: str | None = None  # the quote's cue, lower-cased


class ClaimsComponent:
    def __init__(
        self,
        rules: KindRules,
        units: UnitRules,
        threshold: float | None,
        min_words: int,
        embeddings: bool = False,
    ) -> None:
        self.rules = rules
        self.units = units
        self.model = load_scorer(embeddings)
        self.threshold = self.model.threshold if threshold is None else threshold
        self.min_words = min_words

    def __call__(self, doc: Doc) -> Doc:
        lay = layers(doc)
        text = doc_text(doc)
        quotes = [q for q in lay.quotes if self._words(text, q.content.start, q.content.end)]
        units = [u for u in _quote_units(text, quotes, self.units) if self._long_enough(text, u)]
        units += [u for u in self._author_units(doc, quotes) if self._long_enough(text, u)]
        units.sort(key=lambda u: (u.start, u.end))
        scores = self.model.score([" ".join(text[s:e] for s, e in u.pieces) for u in units])
        times = ByStart(sorted((t.start, t.end) for t in lay.times), lambda span: span)
        passed = [
            (u, score) for u, score in zip(units, scores, strict=True) if score >= self.threshold
        ]
        marked = _tagged(doc, _MARKED_TAGS) if passed else []
        lay.claims = [
            self._claim(doc, unit, score, times, marked, n)
            for n, (unit, score) in enumerate(passed, start=1)
        ]
        return doc

    def _words(self, text: str, start: int, end: int) -> bool:
        return len(text[start:end].split()) >= self.min_words

    def _long_enough(self, text: str, unit: _Unit) -> bool:
        return sum(len(text[s:e].split()) for s, e in unit.pieces) >= self.min_words

    def _author_units(self, doc: Doc, quotes: list[Quote]) -> list[_Unit]:
        """The sentences in the author's voice, clipped to their blocks. In a sentence with a
        quote, what is left beside the quote and its speaker and cue, when it has a verb."""
        text = doc_text(doc)
        lay = layers(doc)
        blocks = [(b.start, b.end) for b in lay.blocks if b.kind not in self.units.skipped_blocks]
        if not lay.blocks:
            blocks = [(0, len(text))]
        block_starts = [s for s, _ in blocks]
        quoted = _Spans(p for q in quotes for p in _quote_pieces(q))
        attribution = _Spans(
            (x.start, x.end) for q in quotes for x in (q.cue, q.speaker) if x is not None
        )
        units = []
        for sent in doc.sents:
            lo, hi = sent.start_char, sent.end_char
            b = max(0, bisect.bisect_right(block_starts, lo) - 1)
            while b < len(blocks) and blocks[b][0] < hi:
                s, e = max(lo, blocks[b][0]), min(hi, blocks[b][1])
                b += 1
                inside = quoted.overlapping(s, e)
                if not inside:
                    unit = self.units.trim(text, s, e)
                else:  # 'Trump, speaking in Ohio, said ...' leaves no claim of the author's
                    cut = _merged(inside + attribution.overlapping(s, e))
                    rest = self.units.trimmed(text, _outside(s, e, cut))
                    unit = max(rest, key=lambda p: p[1] - p[0], default=None)
                    if unit is None or not self._is_statement(doc, *unit):
                        continue
                if unit[1] > unit[0]:
                    units.append(_Unit(unit[0], unit[1], [unit], None))
        return units

    def _is_statement(self, doc: Doc, start: int, end: int) -> bool:
        """Whether what a quote left of a sentence still states something: it has a finite
        verb with its subject ('have refused to cooperate' has none), does not end on a verb
        whose object was the quote ('North Korea had displayed') and is no condition ('If
        Clinton is elected')."""
        words = doc.char_span(start, end, alignment_mode="expand")
        return (
            words is not None
            and any(_has_subject(tok, words) for tok in words if tok.tag_ in _FINITE_TAGS)
            and not words[-1].tag_.startswith(("VB", "MD"))
            and words[0].lower_ not in self.units.conditions
        )

    def _claim(
        self,
        doc: Doc,
        unit: _Unit,
        score: float,
        times: ByStart[tuple[int, int]],
        marked: list[int],
        n: int,
    ) -> Claim:
        text = doc_text(doc)
        words = doc.char_span(unit.start, unit.end, alignment_mode="expand")

        def noun_unit(char: int, word: str) -> str | None:
            """The noun after a figure, or the noun its modifier there qualifies ('12,000
            registered voters' -> voter)."""
            found = doc.char_span(char, char + len(word), alignment_mode="expand")
            if found is None:
                return None
            tok = found[0]
            while tok.dep_ in _NOUN_MODIFIERS and tok.head.i > tok.i:  # '11 primary-season debates'
                tok = tok.head
            return tok.lemma_.lower() if tok.tag_ in _NOUN_UNIT_TAGS else None

        numbers = [
            m
            for s, e in unit.pieces
            for m in find_numbers(text[s:e], s, noun_unit)
            if not _inside_any(m.start, m.end, times)
        ]
        return Claim(
            id=f"c{n}",
            start=unit.start,
            end=unit.end,
            text=text[unit.start : unit.end],
            checkworthiness=round(score, 4),
            kinds=self._kinds(words, numbers, unit, marked),
            numbers=[Number(**asdict(m)) for m in numbers],
            source=unit.source,
        )

    def _kinds(
        self,
        words: DocSpan | None,
        numbers: list[NumberMention],
        unit: _Unit,
        marked: list[int],
    ) -> list[str]:
        """The claim's kinds; ``marked`` are the doc's modals, comparatives and superlatives."""
        rules = self.rules
        kinds = set()
        if words is not None:
            strings = rules.matcher.vocab.strings
            kinds = {strings[m] for m, _, _ in rules.matcher(words)}
            lo, hi = bisect.bisect_left(marked, words.start), bisect.bisect_left(marked, words.end)
            toks = [words.doc[i] for i in marked[lo:hi]]
        else:
            toks = []
        if numbers:
            kinds.add("numeric")
        if any(m.unit in rules.statistical_units for m in numbers):
            kinds.add("statistical")
        for tok in toks:
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


def _quote_units(text: str, quotes: list[Quote], rules: UnitRules) -> list[_Unit]:
    """One unit per quote not lying inside another quote's content (the outer one carries it)."""
    units = []
    reach = -1  # the furthest end of a content kept so far
    for q in sorted(quotes, key=lambda q: (q.content.start, -q.content.end)):
        if q.content.end <= reach:
            continue
        reach = q.content.end
        pieces = rules.trimmed(text, _quote_pieces(q))
        if pieces:
            cue = q.cue.text.lower() if q.cue is not None else None
            units.append(_Unit(pieces[0][0], pieces[-1][1], pieces, q.id, cue))
    return units


def _has_subject(finite: Token, words: DocSpan) -> bool:
    """Whether the clause of a finite verb (or auxiliary) has its subject inside ``words``."""
    verb = finite.head if finite.dep_ in _AUXILIARIES else finite
    return any(c.dep_ in ANY_SUBJECTS and words.start <= c.i < words.end for c in verb.children)


def _tagged(doc: Doc, tags: frozenset[str]) -> list[int]:
    """The indices of the tokens whose fine-grained tag is one of ``tags``, in order."""
    ids = np.array([doc.vocab.strings[t] for t in tags], dtype=np.uint64)
    return np.flatnonzero(np.isin(doc.to_array("TAG"), ids)).tolist()


class _Spans:
    """Character spans, merged, with a quick lookup of those overlapping a stretch."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        self.spans = _merged(spans)
        self.starts = [s for s, _ in self.spans]

    def overlapping(self, start: int, end: int) -> list[tuple[int, int]]:
        found = []
        for s, e in self.spans[max(0, bisect.bisect_right(self.starts, start) - 1) :]:
            if s >= end:
                break
            if e > start:
                found.append((s, e))
        return found


def _inside_any(start: int, end: int, spans: ByStart[tuple[int, int]]) -> bool:
    return any(end <= e for _, e in spans.may_contain(start, end))


def _merged(pieces: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
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


@Language.factory(
    "presslens_claims", default_config={"threshold": None, "min_words": 4, "embeddings": False}
)
def make_claims(
    nlp: Language, name: str, threshold: float | None, min_words: int, embeddings: bool
) -> ClaimsComponent:
    """``embeddings``: blend the check-worthiness model with MiniLM (needs the extra)."""
    kinds, units = pipeline_lexicon(KindRules, nlp), lexicon(UnitRules)
    return ClaimsComponent(kinds, units, threshold, min_words, embeddings)
