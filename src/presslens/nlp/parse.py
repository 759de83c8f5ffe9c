"""Small helpers on spaCy's parse: token ends, children by label, tokens over characters."""

from __future__ import annotations

from spacy.attrs import IDX
from spacy.tokens import Doc, Span, Token

from presslens.nlp.layers import doc_text


def end_char(tok: Token) -> int:
    """The character offset just after ``tok``."""
    return tok.idx + len(tok.text)


def first_child(tok: Token, *labels: str) -> Token | None:
    """The first child of ``tok`` attached by one of the dependency ``labels``."""
    return next((c for c in tok.children if c.dep_ in labels), None)


def tokens_over(doc: Doc, start: int, end: int) -> Span | None:
    """The tokens that cover the characters ``start:end`` (None when they cover none)."""
    return doc.char_span(start, end, alignment_mode="expand")


def block_sentences(doc: Doc, block_starts: list[int]) -> list[Span]:
    """The sentences of ``doc``, also cut where a block starts (blank ones left out)."""
    idx = doc.to_array(IDX).tolist()
    cuts = set(block_starts)
    text = doc_text(doc)
    units = []
    for sent in doc.sents:
        start = sent.start
        for i in range(start + 1, sent.end):
            if idx[i] in cuts:
                units.append((start, i))
                start = i
        units.append((start, sent.end))
    return [
        doc[a:b] for a, b in units if text[idx[a] : idx[b] if b < len(idx) else len(text)].strip()
    ]
