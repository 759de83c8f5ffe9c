"""Small helpers on spaCy's parse: token ends, children by label, tokens over characters."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token


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
    cuts = iter(block_starts)
    cut = next(cuts, None)
    units = []
    for sent in doc.sents:
        start = sent.start
        for tok in sent:
            while cut is not None and cut < tok.idx:
                cut = next(cuts, None)
            if cut is not None and tok.idx == cut and tok.i > start:
                units.append(doc[start : tok.i])
                start = tok.i
        units.append(doc[start : sent.end])
    return [u for u in units if u.text.strip()]
