"""What the checks read of the body: its sentences in paragraphs, its quotes."""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from functools import cached_property

from spacy.tokens import Doc

from presslens.nlp.layers import doc_text, layers
from presslens.schema import Quote

_EVIDENCE_BLOCKS = {"paragraph", "subheading"}


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    tokens: range  # token indices
    paragraph: int  # 1-based among the body's paragraphs


@dataclass
class Body:
    """What the checks read of the body: its sentences ranked against the headline, its quotes."""

    sentences: list[Sentence]
    vocabulary: set[str]  # lemmas and lower-cased words of the body
    quotes: list[Quote]
    quote_pieces: list[tuple[int, int, Quote]]  # content pieces, by start
    top: list[Sentence]  # the best evidence sentences, best first
    coverage: float  # share of the headline's word weight the top sentences hold together
    stance: str | None  # the FNC-1 stance of the body towards the headline (None: no model)
    headline_forms: list[frozenset[str]]  # forms and synonyms of each headline content word
    question: bool  # the headline asks ('Will the bridge close?')

    @cached_property
    def headline_words(self) -> frozenset[str]:
        """The forms and synonyms of all the headline's content words."""
        return frozenset().union(*self.headline_forms)


def body_sentences(doc: Doc) -> list[Sentence]:
    """The body's sentences in paragraphs and subheadings (not byline, dateline, captions)."""
    lay = layers(doc)
    text = doc_text(doc)
    blocks = [b for b in lay.blocks if b.kind != "headline"]
    starts = [b.start for b in blocks]
    paragraph_no: dict[int, int] = {}
    for b in blocks:
        if b.kind == "paragraph":
            paragraph_no[b.start] = len(paragraph_no) + 1
    h_end = lay.headline[1] if lay.headline else 0
    out = []
    for sent in doc.sents:
        start, end = sent.start_char, sent.end_char
        i = bisect.bisect_right(starts, start) - 1
        if start < h_end or i < 0 or blocks[i].kind not in _EVIDENCE_BLOCKS:
            continue
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            paragraph = paragraph_no.get(blocks[i].start, 0)
            out.append(Sentence(start, end, range(sent.start, sent.end), paragraph))
    return out


def quote_at(body: Body, char: int) -> Quote | None:
    for start, end, q in body.quote_pieces:
        if start > char:
            break
        if char < end:
            return q
    return None


def paragraph_of(body: Body, quote: Quote) -> int:
    starts = [s.start for s in body.sentences]
    i = max(bisect.bisect_right(starts, quote.content.start) - 1, 0)
    return body.sentences[i].paragraph
