"""Doer and target: whether the body has them the other way round from the headline."""

from __future__ import annotations

from spacy.tokens import Span as DocSpan
from spacy.tokens import Token

from presslens.components.headline.forms import variants
from presslens.components.headline.predicates import TARGETS
from presslens.nlp.parse import end_char

_DOERS = {"nsubj", "agent"}


Roles = tuple[Token, Token]  # doer, target


def _role(verb: Token, deps: set[str]) -> Token | None:
    """Who does (``_DOERS``) or undergoes (``TARGETS``) ``verb``; a passive's agent by its noun."""
    for c in verb.children:
        if c.dep_ in deps:
            return (
                next((g for g in c.children if g.dep_ == "pobj"), None) if c.dep_ == "agent" else c
            )
    return None


def _nouns(tok: Token | None) -> set[str]:
    if tok is None:
        return set()
    return {w for t in tok.subtree if t.pos_ in ("NOUN", "PROPN") for w in variants(t)}


def _headline_roles(headline: DocSpan, verb: Token) -> Roles | None:
    """The headline verb's doer and target as parsed, or else the nouns either side of it
    (headline-ese the tagger misreads: 'Police arrest protesters')."""
    doer, target = _role(verb, _DOERS), _role(verb, TARGETS)
    if doer is None or target is None:
        doer = next((t for t in reversed(headline[: verb.i - headline.start]) if _noun(t)), None)
        target = next((t for t in headline[verb.i - headline.start + 1 :] if _noun(t)), None)
    return None if doer is None or target is None else (doer, target)


def _name_words(tok: Token) -> set[str]:
    """The forms of a headline noun and of the nouns compounded into it ('Harlan Motors')."""
    words = variants(tok)
    for c in tok.children:
        if c.dep_ == "compound" and c.i < tok.i:
            words |= variants(c)
    return words


def _noun(tok: Token) -> bool:
    """A noun, or a plural the tagger took for a verb ('Guards attack inmates')."""
    return tok.pos_ in ("NOUN", "PROPN") or tok.tag_ == "VBZ"


def swapped_roles(headline: DocSpan, ours: Token, theirs: Token) -> tuple[Roles, Roles] | None:
    """The headline's and the body's doer and target when the body has them the other way
    round ('Police arrest protesters' / 'Protesters arrested two police officers')."""
    head = _headline_roles(headline, ours)
    doer, target = _role(theirs, _DOERS), _role(theirs, TARGETS)
    if head is None or doer is None or target is None:
        return None
    h_doer, h_target = _name_words(head[0]), _name_words(head[1])
    if h_doer & _nouns(target) and h_target & _nouns(doer) and not h_doer & _nouns(doer):
        return head, (doer, target)
    return None


def extent(tok: Token) -> tuple[int, int]:
    """The characters of a noun phrase up to its head ('two police officers')."""
    return tok.left_edge.idx, end_char(tok)
