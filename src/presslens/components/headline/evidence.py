"""Choosing the evidence: the body sentences ranked by the headline words they share, and the
body predicates in the best of them that say what a headline predicate says."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.attrs import LEMMA, LOWER
from spacy.tokens import Doc, Token
from spacy.tokens import Span as DocSpan

from presslens.components.headline.assertions import asks
from presslens.components.headline.body import Body, Sentence
from presslens.components.headline.forms import variants, with_synonyms
from presslens.components.headline.lexicon import HeadlineLexicon
from presslens.components.headline.predicates import Reading, denied_noun, read
from presslens.lexicons import lexicon
from presslens.nlp.layers import layers

_CONTENT_POS = {"NOUN", "PROPN", "VERB", "ADJ", "NUM", "ADV"}
_TOP_SENTENCES = 4  # evidence sentences searched for the predicate
FLOOR = 0.2  # a sentence sharing less of the headline's weight is no evidence
SUPPORTED_SCORE = 0.5  # share of the headline the top sentences carry when no predicate matches


def _content(tokens) -> list[Token]:
    return [t for t in tokens if t.pos_ in _CONTENT_POS and not t.is_stop and t.text.strip()]


def read_body(doc: Doc, headline: DocSpan, sentences: list[Sentence], stance: str | None) -> Body:
    """Rank the body sentences by the weighted share of headline words they contain."""
    lex = lexicon(HeadlineLexicon)
    wanted: list[tuple[float, set[str]]] = []
    for tok in _content(headline):
        if tok.lemma_.lower() in lex.reporting:
            continue
        forms = with_synonyms(variants(tok))
        wanted.append((2.0 if tok.pos_ == "PROPN" or tok.ent_type_ else 1.0, forms))
    total = sum(w for w, _ in wanted) or 1.0
    vocabulary: set[str] = set()
    scored = []
    strings = doc.vocab.strings
    lemmas, lowers = doc.to_array([LEMMA, LOWER]).T.tolist() if len(doc) else ([], [])
    for s in sentences:
        seen = {strings[lemmas[i]].lower() for i in s.tokens} | {
            strings[lowers[i]] for i in s.tokens
        }
        vocabulary |= seen
        scored.append((sum(w for w, forms in wanted if forms & seen) / total, s, seen))
    scored.sort(key=lambda x: (-x[0], x[1].start))
    top = [(s, seen) for score, s, seen in scored[:_TOP_SENTENCES] if score >= FLOOR]
    together = set().union(*(seen for _, seen in top))
    quotes = [q for q in layers(doc).quotes if q.content.start >= headline.end_char]
    pieces = sorted(
        ((p.start, p.end, q) for q in quotes for p in (q.spans or [q.content])), key=lambda x: x[0]
    )
    return Body(
        sentences=sentences,
        vocabulary=vocabulary,
        quotes=quotes,
        quote_pieces=pieces,
        top=[s for s, _ in top],
        coverage=sum(w for w, forms in wanted if forms & together) / total,
        headline_forms=list({frozenset(forms) for _, forms in wanted}),
        question=asks(doc, headline),
        stance=stance,
    )


@dataclass(frozen=True)
class Match:
    reading: Reading
    sentence: Sentence
    how: str  # same | scale | antonym


def matches(doc: Doc, head: Reading, body: Body) -> list[Match]:
    """Body predicates in the top sentences that say the same, a graded kin, or the opposite."""
    lex = lexicon(HeadlineLexicon)
    same = {head.key} | variants(head.tok)
    same |= lex.synonyms.get(head.key, frozenset())
    kin = head.scales()
    opposite = lex.antonyms.get(head.key, frozenset())
    out = []
    for s in body.top:
        for i in s.tokens:
            tok = doc[i]
            if tok.pos_ not in ("VERB", "ADJ", "NOUN") or (
                tok.pos_ == "NOUN" and head.tok.pos_ != "NOUN" and not denied_noun(tok)
            ):
                continue
            lemma = tok.lemma_.lower()
            if lemma in same:
                out.append(Match(read(tok), s, "same"))
            elif lemma in opposite:
                out.append(Match(read(tok), s, "antonym"))
            elif tok.pos_ == "VERB" and kin:
                r = read(tok)
                shared = kin.keys() & r.scales().keys()
                if shared and not all(
                    s in lex.distinct_top and kin[s] <= r.scales()[s] for s in shared
                ):
                    out.append(Match(r, s, "scale"))
    return out
