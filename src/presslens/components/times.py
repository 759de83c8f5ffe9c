"""presslens_times: the time expressions of an article and the day each quote was said.

Times are resolved against the publication date; a quote's ``date`` is the day its
reporting clause names ("said on Wednesday", "told reporters Tuesday"), and the
times inside the quote are then resolved against that day ("yesterday" in a
quote said on Wednesday is Tuesday). See ``presslens.text.times`` for the values.
"""

from __future__ import annotations

import datetime as dt

import numpy as np
from spacy.language import Language
from spacy.tokens import Doc, Token

from presslens.lexicons import lexicon
from presslens.nlp.layers import doc_text, layers
from presslens.schema import Quote, Time
from presslens.text.spans import ByStart
from presslens.text.times import FUTURE, PAST, UNKNOWN, TimeMention
from presslens.text.times.lexicon import TimesLexicon
from presslens.text.times.tagger import Candidate, find_candidates, in_context, narrative, resolve

_TIME_NOUNS = frozenset({"year", "season", "quarter", "term", "decade"})
_PREMODIFIER = frozenset({"compound", "nmod", "amod"})
_CLIMB = 4  # head steps from a time expression to the verb that governs it


class DocSyntax:
    """The tagger's questions to the parse (``presslens.text.times.Syntax``) answered from a Doc."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.starts = doc.to_array("IDX")

    def token(self, char: int) -> Token:
        return self.doc[max(0, int(np.searchsorted(self.starts, char, side="right")) - 1)]

    def root(self, start: int, end: int) -> Token:
        first, last = self.token(start), self.token(max(start, end - 1))
        return self.doc[first.i : last.i + 1].root

    def tag(self, char: int) -> str:
        return self.token(char).tag_

    def counts_noun(self, char: int) -> bool:
        tok = self.token(char)
        head = tok.head
        return (
            tok.dep_ == "nummod"
            and head.i == tok.i + 1  # "2000 people", not "1990 BellSouth earnings"
            and head.tag_ == "NNS"
            and head.lemma_.lower() not in _TIME_NOUNS
        )

    def governor(self, start: int, end: int) -> Token | None:
        """The verb the expression at ``start:end`` modifies, if any within a few heads."""
        tok = self.root(start, end)
        for _ in range(_CLIMB):
            if tok.head.i == tok.i:
                return None
            tok = tok.head
            if tok.pos_ in ("VERB", "AUX") or tok.lower_ in lexicon(TimesLexicon)["future_heads"]:
                return tok
        return None

    def tense(self, start: int, end: int) -> int:
        root = self.root(start, end)
        verb = self.governor(start, end)
        if verb is not None and verb.lower_ in lexicon(TimesLexicon)["future_heads"]:
            return FUTURE  # "a new board, effective Feb. 1": a change still to come
        if root.dep_ in _PREMODIFIER and root.head.i > root.i and root.head.pos_ == "NOUN":
            # "a June agreement", "the April report": a thing named by its (past) time; the
            # verb counts only with a future auxiliary ("will miss the June 30 deadline")
            return FUTURE if verb is not None and _future_auxiliary(verb) else PAST
        return UNKNOWN if verb is None else verb_tense(verb)


def _future_auxiliary(verb: Token) -> bool:
    return any(
        c.dep_ in ("aux", "auxpass") and c.lower_ in lexicon(TimesLexicon)["future_auxiliaries"]
        for c in verb.children
    )


def _in_a_future_clause(verb: Token) -> bool:
    """ "will vote after the mayor returns Monday", "likely to buy as soon as trading opened
    Monday": an adverbial clause takes the future of the verb it modifies."""
    if verb.dep_ != "advcl":
        return False
    head = verb.head
    for _ in range(2):  # "as soon as ...": the clause hangs on "soon"
        if head.pos_ in ("VERB", "AUX") or head.head.i == head.i:
            break
        head = head.head
    return head.pos_ in ("VERB", "AUX") and verb_tense(head, climb=1) == FUTURE


def verb_tense(verb: Token, climb: int = 2) -> int:
    """PAST, FUTURE or UNKNOWN for a verb, from its auxiliaries and morphology; an
    infinitive or a participle takes the tense of the verb it hangs on."""
    words = lexicon(TimesLexicon)
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if _future_auxiliary(verb) or (climb and _in_a_future_clause(verb)):
        return FUTURE
    if any(a.tag_ == "MD" for a in auxes):
        return UNKNOWN  # "would be redeemed": neither said to be past nor certain to come
    if any(a.tag_ == "VBD" or a.lemma_ == "have" for a in auxes) or verb.tag_ == "VBD":
        return PAST  # "said", "was closed", "has said"
    if any(a.tag_ in ("VBZ", "VBP") for a in auxes):
        return FUTURE if verb.tag_ == "VBG" else UNKNOWN  # "is meeting on Friday"
    if verb.tag_ == "VBN":
        return PAST  # "the terms, announced Friday"
    if verb.tag_ in ("VBZ", "VBP"):
        return UNKNOWN  # "meets Monday" is ahead, a headline's "hits Friday" behind
    head = verb.head
    infinitive = verb.tag_ == "VB" and any(a.tag_ == "TO" for a in auxes)
    if infinitive and head.lemma_.lower() in words["future_governors"]:
        if _past_perfect(head):
            return PAST  # "had been due to expire Friday": the plan was overtaken
        return FUTURE  # "plans to meet on Friday", "is to resume", "is expected to close"
    if climb and head.i != verb.i and head.pos_ in ("VERB", "AUX"):
        return verb_tense(head, climb - 1)
    return UNKNOWN


class TimesComponent:
    def __call__(self, doc: Doc) -> Doc:
        lay = layers(doc)
        text = doc_text(doc)
        published = lay.article.published if lay.article else None
        syntax = DocSyntax(doc)
        candidates = find_candidates(text, syntax)
        mentions = {c: resolve(c, text, published, syntax) for c in candidates}
        if lay.quotes:
            lay.quotes = self._date_quotes(doc, lay.quotes, mentions, syntax)
        narrative(mentions, text, syntax)
        in_context(mentions)
        lay.times = [
            Time(start=m.start, end=m.end, text=m.text, type=m.type, value=m.value, anchor=m.anchor)
            for m in mentions.values()
            if m is not None
        ]
        return doc

    def _date_quotes(
        self,
        doc: Doc,
        quotes: list[Quote],
        mentions: dict[Candidate, TimeMention | None],
        syntax: DocSyntax,
    ) -> list[Quote]:
        """Each quote dated by its reporting clause; the times it contains re-anchored to that
        date (outer quotes first, so an inner quote's own clause uses the outer's day)."""
        text = doc_text(doc)
        found = ByStart(list(mentions), lambda cand: (cand.start, cand.end))
        out = list(quotes)
        for i in sorted(range(len(out)), key=lambda i: out[i].content.start - out[i].content.end):
            q = out[i]
            pieces = [(s.start, s.end) for s in (q.spans or [q.content])]
            said = self._said_on(doc, q, pieces, mentions, found, syntax)
            out[i] = q.model_copy(update={"date": said})
            if said is None:
                continue
            anchor = dt.date.fromisoformat(said)
            for cand in found.starting_in(min(pieces)[0], max(e for _, e in pieces)):
                if any(s <= cand.start and cand.end <= e for s, e in pieces):
                    mentions[cand] = resolve(cand, text, anchor, syntax)
        return out

    def _said_on(
        self,
        doc: Doc,
        q: Quote,
        pieces: list[tuple[int, int]],
        mentions: dict[Candidate, TimeMention | None],
        found: ByStart[Candidate],
        syntax: DocSyntax,
    ) -> str | None:
        """The day named in the quote's reporting clause: a time the cue governs, else the
        nearest one-day time in the cue's sentence outside the quotation."""
        clause = q.cue or q.speaker
        if clause is None:
            return None
        sentence = syntax.token(clause.start).sent
        days = [
            m
            for m in map(mentions.get, found.starting_in(sentence.start_char, sentence.end_char))
            if m is not None
            and m.day
            and sentence.start_char <= m.start
            and m.end <= sentence.end_char
            and not any(m.start < e and s < m.end for s, e in pieces)
        ]
        if not days:
            return None
        if q.cue is not None:
            cue = syntax.root(q.cue.start, q.cue.end)
            attached = [m for m in days if _governed_by(syntax, m, cue)]
            if attached:
                return attached[0].day
        return min(
            days, key=lambda m: min(abs(m.start - clause.end), abs(clause.start - m.end))
        ).day


def _governed_by(syntax: DocSyntax, m: TimeMention, cue: Token) -> bool:
    tok = syntax.root(m.start, m.end)
    for _ in range(_CLIMB):
        if tok.i == cue.i:
            return True
        if tok.head.i == tok.i:
            return False
        tok = tok.head
    return tok.i == cue.i


def _past_perfect(tok: Token) -> bool:
    """ "had planned", "had been due": ``tok`` (or the copula it complements) has "had"."""
    for word in (tok, tok.head):
        if any(a.dep_ in ("aux", "auxpass") and a.lower_ in ("had", "'d") for a in word.children):
            return True
        if word.head.i == word.i:
            break
    return False


@Language.factory("presslens_times")
def make_times(nlp: Language, name: str) -> TimesComponent:
    return TimesComponent()
