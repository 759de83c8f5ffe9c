"""Reading the headline: its assertions (main-clause predicates, a deed named by a noun), who
does them, whether the headline attributes them or asks."""

from __future__ import annotations

from dataclasses import dataclass, replace

from spacy.tokens import Doc, Token
from spacy.tokens import Span as DocSpan

from presslens.components.headline.actors import actor_of, subject_of, typed_actor
from presslens.components.headline.body import Body
from presslens.components.headline.forms import variants
from presslens.components.headline.lexicon import HeadlineLexicon
from presslens.components.headline.predicates import (
    COMPLEMENTS,
    Reading,
    governing_verb,
    read,
)
from presslens.lexicons import lexicon
from presslens.nlp.layers import doc_text, entity_for
from presslens.nlp.parse import end_char

_PREDICATE_DEPS = {"ROOT", "conj", "advcl", "ccomp", "parataxis"}
_HEADLINE_VERB_TAGS = {"NN", "NNS", "NNP", "VB", "VBP", "VBZ"}  # a misread headline verb's tags
_NOT_BEFORE_VERB = {"DET", "ADJ", "ADP", "PRON"}  # 'A Curious Plan' is no predicate
_PLANNED = 2  # the certainty of a headline's bare 'to' ('Firm to cut jobs': it plans to)


@dataclass(frozen=True)
class Assertion:
    """One headline predicate: how it is asserted, by whom, and whether the headline says who."""

    reading: Reading
    start: int  # the clause around the predicate
    end: int
    attributed: bool  # the headline itself attributes it ('X says ...', 'X: ...', 'reportedly')
    actor: str | None  # entity id of the subject
    source: str | None  # entity id of whom the headline has saying it
    nominal: bool  # a deed named by a noun ('closure'): judged only where the body has it


def find_assertions(doc: Doc, headline: DocSpan, body: Body) -> list[Assertion]:
    """The headline's predicates: main-clause verbs (copulas by their complement)."""
    lex = lexicon(HeadlineLexicon)
    colon = doc_text(doc).find(":", headline.start_char, headline.end_char)
    found: list[Assertion] = []
    for tok in headline:
        if not _verbal(tok) or not (tok.dep_ in _PREDICATE_DEPS or _passive_headline(tok)):
            continue
        if tok.pos_ == "AUX" or tok.lemma_.lower() in lex.copulas:
            comps = [c for c in tok.children if c.dep_ in COMPLEMENTS]
            if not comps:
                continue
            tok = comps[0]
        elif tok.lemma_.lower() in lex.reporting:
            continue  # 'says' only attributes what it governs
        elif tok.dep_ == "ccomp" and tok.head.lemma_.lower() in lex.negators:
            continue  # 'X denies it threatened Y': the denial is the assertion
        found.append(_assertion(doc, headline, tok, colon))
    for tok in headline:  # 'Government confirms hospital closure': the closure is asserted too
        base = lex.nominal_events.get(tok.lower_)
        if base is not None and governing_verb(tok) is not None:
            found.append(_assertion(doc, headline, tok, colon, base))
    if not found:  # a headline the tagger read as names and nouns: predicates by lexicon or body
        verbs = {
            doc[i].lemma_.lower() for s in body.sentences for i in s.tokens if doc[i].pos_ == "VERB"
        } - lex.light_verbs
        for tok in headline[1:]:
            said = verbs if tok.tag_ in _HEADLINE_VERB_TAGS else frozenset()
            hits = [v for v in variants(tok) if v in lex.scales or v in lex.antonyms or v in said]
            if hits and doc[tok.i - 1].pos_ not in _NOT_BEFORE_VERB:
                found.append(_assertion(doc, headline, tok, colon, hits[0]))
    return found


def _passive_headline(tok: Token) -> bool:
    """A headline's bare passive read as a modifier: 'Suspect identified in ...'."""
    head = tok.head
    return (
        tok.dep_ == "acl"
        and tok.tag_ == "VBN"
        and head.i == tok.i - 1
        and head.dep_ in ("ROOT", "nsubj", "nsubjpass")
    )


def _verbal(tok: Token) -> bool:
    """A verb, or a headline verb the tagger read as a noun ('Police arrest protesters'); never
    a noun that cannot be a verb ('closure') the tagger read as one."""
    base = lexicon(HeadlineLexicon).nominal_events.get(tok.lower_)
    if base is not None and base not in variants(tok):
        return False
    if tok.pos_ in ("VERB", "AUX"):
        return True
    return tok.pos_ == "NOUN" and {"nsubj", "dobj"} <= {c.dep_ for c in tok.children}


def asks(doc: Doc, headline: DocSpan) -> bool:
    return doc_text(doc)[headline.start_char : headline.end_char].rstrip().endswith("?")


def _assertion(
    doc: Doc, headline: DocSpan, tok: Token, colon: int, base: str | None = None
) -> Assertion:
    lex = lexicon(HeadlineLexicon)
    reading = read(tok, base)
    verb = reading.verb
    question = asks(doc, headline)
    if question:  # 'Is the bridge safe?' asserts nothing
        reading = replace(reading, certainty=1)
    elif verb.dep_ != "xcomp" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        reading = replace(reading, certainty=min(reading.certainty, _PLANNED))  # 'Firm to cut'
    cue = next(
        (a for a in verb.ancestors if a.lemma_ in lex.reporting or a.lemma_ in lex.speech), None
    )
    attributed = (
        question
        or 0 <= colon < tok.idx
        or cue is not None
        or any(t.lower_ in lex.attribution for t in headline)
    )
    if cue is not None:
        source = actor_of(doc, cue)
    elif 0 <= colon < tok.idx:  # 'Mayor: ...'
        source = typed_actor(doc, entity_for(doc, headline.start_char, colon))
    else:
        source = None
    start = max(min(verb.left_edge.idx, reading.start), headline.start_char)
    end = min(max(end_char(verb.right_edge), reading.end), headline.end_char)
    actor = actor_of(doc, verb)
    if actor is None and subject_of(verb) is None:
        actor = typed_actor(
            doc, entity_for(doc, max(colon + 1, headline.start_char), reading.start)
        )
    nominal = tok.pos_ == "NOUN" and governing_verb(tok) is not None
    return Assertion(reading, start, end, attributed, actor, source, nominal)
