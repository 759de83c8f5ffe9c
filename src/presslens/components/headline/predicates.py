"""How a predicate is asserted, in the headline or in the body: its phrase, polarity and
certainty (modals, hedges like "is expected to", tentative governors like "considering"),
and the words saying so."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from presslens.components.headline.lexicon import HeadlineLexicon
from presslens.lexicons import lexicon
from presslens.nlp.parse import end_char

COMPLEMENTS = {"acomp", "attr"}  # what a copula asserts: 'is safe', 'is a hoax'
TARGETS = {"dobj", "nsubjpass"}  # also where a deed named by a noun sits: 'confirms closure'
_NEGATED_VIA = {"xcomp", "ccomp", "pcomp", "acl", "relcl", "dobj", "pobj", "prep", "nsubj"}
_NEGATOR_STEPS = 5  # 'denied [that] X'


@dataclass(frozen=True)
class Reading:
    """How a predicate is asserted: its phrase, polarity, certainty and the words saying so."""

    tok: Token  # the content word (a verb, or the complement of a copula)
    verb: Token  # the verb carrying auxiliaries and negation
    key: str  # lemma with its particle ('rule out'), 'not ' in front when the scale knows it
    negated: bool
    certainty: int  # 1 tentative .. 3 stated
    hedge_kind: str | None  # modal | governor | hedge | adverb: what lowered the certainty
    start: int  # characters a reader would point at: 'did not rule out', 'may close'
    end: int
    refuted: bool = False  # negated by a word calling it false ('denied', 'a hoax')

    def scales(self) -> dict[str, int]:
        return lexicon(HeadlineLexicon).scales.get(self.key, {})


def _particle(verb: Token, child: Token) -> bool:
    return child.dep_ == "prt" or (
        child.dep_ == "advmod"
        and child.i == verb.i + 1
        and child.lower_ in lexicon(HeadlineLexicon).particles
    )


def _key(tok: Token, base: str) -> tuple[str, Token | None]:
    """The lexicon phrase of ``tok`` ('call for', 'rule out') and its second word, if any."""
    lex = lexicon(HeadlineLexicon)
    for child in tok.children:
        if _particle(tok, child) or (child.dep_ == "prep" and child.i == tok.i + 1):
            phrase = f"{base} {child.lower_}"
            if phrase in lex.scales or f"not {phrase}" in lex.scales or phrase in lex.antonyms:
                return phrase, child
    return base, None


def _reported(verb: Token) -> bool:
    """Whether ``verb`` is the complement of a past-tense speech verb ('said it would')."""
    lex = lexicon(HeadlineLexicon)
    head = verb.head
    return (
        verb.dep_ == "ccomp"
        and head.tag_ == "VBD"
        and (head.lemma_ in lex.speech or head.lemma_ in lex.reporting)
    )


def read(tok: Token, base: str | None = None) -> Reading:
    """How the predicate ``tok`` is asserted (``base``: its bare form when it was mis-tagged)."""
    lex = lexicon(HeadlineLexicon)
    verb = tok.head if tok.dep_ in COMPLEMENTS and tok.head.lemma_ in lex.copulas else tok
    key, second = _key(tok, base or tok.lemma_.lower())
    negated = any(c.dep_ == "neg" for c in verb.children) or denied_noun(tok)
    if negated and f"not {key}" in lex.scales:
        key, negated = f"not {key}", False
    certainty, kind = 3, None
    words = [tok, verb] + ([second] if second is not None else [])
    cur = verb
    for _ in range(3):  # the verb, then the verbs governing it through xcomp ('considering X-ing')
        for child in cur.children:
            if child.dep_ in ("aux", "neg") or (cur is verb and _particle(verb, child)):
                words.append(child)
            low = child.lower_
            if child.dep_ == "aux" and low in lex.modals:
                level = 3 if low == "would" and _reported(cur) else lex.modals[low]
                if level < certainty:
                    certainty, kind = level, "modal"
            elif child.dep_ == "advmod" and lex.hedge_adverbs.get(low, 3) < certainty:
                certainty, kind = lex.hedge_adverbs[low], "adverb"
        governor = governing_verb(cur)
        if governor is None:
            break
        cur = governor
        words.append(cur)
        if lex.governors.get(cur.lemma_.lower(), 3) < certainty:
            certainty = lex.governors[cur.lemma_.lower()]
            kind = "hedge" if cur.lemma_.lower() in lex.hedging_governors else "governor"
    negator = _negator(verb)
    if negator is not None:
        negated = not negated
        words.append(negator)
    refuted = negator is not None and bool({negator.lower_, negator.lemma_} & lex.refuting)
    start = min(w.idx for w in words)
    end = max(end_char(w) for w in words)
    return Reading(tok, verb, key, negated, certainty, kind, start, end, refuted)


def governing_verb(tok: Token) -> Token | None:
    """The verb ``tok`` takes its certainty from: 'considering scrapping', or the verb around
    a deed named by a noun ('confirms the closure', 'mulls a closure', 'closure confirmed')."""
    head = tok.head
    if tok.dep_ in ("xcomp", "ccomp"):  # 'considering scrapping', 'considering whether to halt'
        return head if head.lemma_.lower() in lexicon(HeadlineLexicon).governors else None
    if tok.pos_ != "NOUN":
        return None
    if head.pos_ == "VERB" and (
        tok.dep_ in TARGETS or (tok.dep_ == "nsubj" and head.tag_ == "VBN")
    ):
        return head
    if tok.dep_ == "ROOT":  # 'Hospital closure confirmed by board'
        return next((c for c in tok.children if c.dep_ == "acl" and c.tag_ == "VBN"), None)
    return None


def _either_way(negator: Token) -> bool:
    """'confirm or deny': a denial offered as one of two, which denies nothing."""
    pair = [negator.head] if negator.dep_ == "conj" else []
    pair += [c for c in negator.children if c.dep_ == "conj"]
    return any(t.lemma_.lower() == "confirm" for t in pair)


def denied_noun(tok: Token) -> bool:
    """A deed named by a noun and denied: 'found no link', 'there was no increase'."""
    return tok.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ == "no" for c in tok.children)


def _negator(verb: Token) -> Token | None:
    """What negates ``verb`` from above: a verb like 'deny' ('denied taking', 'denied reports
    that he took') or a refuting complement ('the story that she grew ... is a hoax')."""
    lex = lexicon(HeadlineLexicon)
    cur = verb
    for _ in range(_NEGATOR_STEPS):
        if cur.dep_ not in _NEGATED_VIA or cur.head is cur:
            return None
        if cur.dep_ == "nsubj" and cur.head.lemma_ not in lex.copulas:
            return None  # 'the council rejected it' does not negate the council
        cur = cur.head
        if cur.lemma_.lower() in lex.negators:
            return None if _either_way(cur) else cur
        if cur.lower_ == "against" and cur.head.lemma_.lower() in lex.choosing_against:
            return cur.head  # 'decided against expelling her'
        if cur.lemma_ in lex.copulas:
            return next(
                (c for c in cur.children if c.dep_ in COMPLEMENTS and c.lower_ in lex.refuting),
                None,
            )
    return None
