"""Framing: loaded language, name-calling, exaggeration and minimisation, doubt.

Two cheap sources of spans over the parse already on the Doc:

* a token classifier (``presslens.models.framing``, weights in ``resources/models/framing.npz``,
  trained on SemEval-2020 task 11 PTC articles by ``presslens train framing``) that tells each token
  ``none`` / ``loaded_language`` / ``name_calling`` from hashed features (word,
  lemma, part of speech, suffix, dependency, neighbours, lexicon hits): one
  gather and sum per Doc in numpy; adjacent flagged tokens become a span;
* phrase lexicons (``resources/lexicons/framing/lexicon.json``): exaggeration,
  minimisation and doubt phrases are reported as found; a name-calling modifier
  ("so-called", "far-left") before a noun makes a name_calling span.

With the optional ``embeddings`` extra (config ``embeddings``), the fine-tuned MiniLM
tagger of ``presslens.models.framing_tagger`` reads the text too and its class probabilities are
blended with the token classifier's before spans are made.

A span inside a quotation is in the ``quoted`` voice, with the innermost quote
that holds it; words inside quotation marks long enough to be speech are
``quoted`` even when no speaker was found. Everything else is the author's.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
from spacy.attrs import (
    DEP,
    ENT_TYPE,
    HEAD,
    IS_PUNCT,
    IS_TITLE,
    IS_UPPER,
    LEMMA,
    LOWER,
    ORTH,
    POS,
    SUFFIX,
    TAG,
)
from spacy.language import Language
from spacy.strings import hash_string
from spacy.symbols import DET as DET_POS
from spacy.tokens import Doc

from presslens.lexicons import lexicon, load_json
from presslens.models.embeddings import blend
from presslens.models.framing import BITS, CLASSES, TokenModel, load_token_model
from presslens.models.framing_tagger import Tagger, load_tagger
from presslens.nlp.layers import doc_text, layers
from presslens.nlp.parse import end_char
from presslens.nlp.quoted import SPEECH_MIN_WORDS, quoted_stretches
from presslens.schema import Framing, Quote
from presslens.text.spans import ByStart

# The spaCy attributes of ``token_arrays``, one column each, found by ``COLUMN[attribute]``.
ATTRS = (LOWER, LEMMA, POS, TAG, SUFFIX, DEP, HEAD, ENT_TYPE, IS_TITLE, IS_UPPER, IS_PUNCT, ORTH)
COLUMN = {attr: i for i, attr in enumerate(ATTRS)}
_EDGE = 1  # the value a neighbour feature takes beyond either end of the Doc
REPORTED_PHRASES = ("exaggeration", "minimisation", "doubt")
MODIFIER = "name_calling_modifier"
_TAG_BITS = {
    tag: 1 << k
    for k, tag in enumerate(("loaded_language", "name_calling", MODIFIER, *REPORTED_PHRASES))
}
_PHRASE_TOKEN = re.compile(r"\w+|[^\w\s]")
# A flagged word's hyphenated or possessive parts stay one span.
_JOINERS = {hash_string(j) for j in ("-", "–", "'", "’")}
_NOUNS = {"NOUN", "PROPN"}
_EXTEND = 0.5  # a flagged word's neighbours join its span at this share of the threshold
_MAX_CHUNK = 4  # longest noun phrase a flagged word grows to
_CHUNK_SKIPPED = {"DET", "PRON"}
_MAX_MODIFIED = 4  # tokens between a name-calling modifier and the noun it labels


def phrase_tokens(phrase: str) -> tuple[str, ...]:
    """A lexicon entry as lower-cased tokens, split the way spaCy splits hyphens."""
    return tuple(_PHRASE_TOKEN.findall(phrase.lower()))


@dataclass(frozen=True)
class FramingLexicon:
    """Entries by the hash of their first token: ``first -> ((token hashes, tag), ...)``,
    longest first (spaCy's string hashes, so a Doc's attribute arrays are matched directly)."""

    phrases: dict[int, tuple[tuple[tuple[int, ...], str], ...]]

    @classmethod
    def load(cls) -> FramingLexicon:
        data = load_json("framing", "lexicon.json")
        entries = [(w, "loaded_language") for w in data["loaded_language"]]
        entries += [(w, "name_calling") for w in data["name_calling"]]
        entries += [(w, MODIFIER) for w in data["name_calling_modifiers"]]
        entries += [(p, tag) for tag, phrases in data["phrases"].items() for p in phrases]
        table: dict[int, list[tuple[tuple[int, ...], str]]] = {}
        for text, tag in entries:
            tokens = tuple(hash_string(t) for t in phrase_tokens(text))
            table.setdefault(tokens[0], []).append((tokens, tag))
        return cls({k: tuple(sorted(v, key=lambda e: -len(e[0]))) for k, v in table.items()})

    def hits(self, lowers: list[int], lemmas: list[int]) -> list[tuple[int, int, str]]:
        """``(first token, end token, tag)`` of every entry found; one-word entries match lemmas."""
        found = []
        n = len(lowers)
        for i, lower in enumerate(lowers):
            candidates = self.phrases.get(lower, ())
            if lemmas[i] != lower:
                candidates += self.phrases.get(lemmas[i], ())
            for tokens, tag in candidates:
                k = len(tokens)
                if k == 1 or (i + k <= n and tuple(lowers[i : i + k]) == tokens):
                    found.append((i, i + k, tag))
        return found


def token_arrays(doc: Doc) -> np.ndarray:
    """(tokens, len(ATTRS)) spaCy attribute values (string hashes, ids and flags) of ``doc``."""
    return doc.to_array(ATTRS)


def lexicon_hits(lexicon: FramingLexicon, arrays: np.ndarray) -> list[tuple[int, int, str]]:
    """The lexicon entries found in a Doc, by token."""
    return lexicon.hits(arrays[:, COLUMN[LOWER]].tolist(), arrays[:, COLUMN[LEMMA]].tolist())


def _mix(x: np.ndarray) -> np.ndarray:
    """splitmix64's finaliser: well-spread uint64 hashes of uint64 values (wrapping)."""
    x = (x ^ (x >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
    x = (x ^ (x >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
    return x ^ (x >> np.uint64(31))


def _shifted(column: np.ndarray, by: int, edge: int) -> np.ndarray:
    """``column`` moved ``by`` tokens (+1: each token sees the previous one), ``edge`` outside."""
    out = np.full_like(column, edge)
    if by > 0:
        out[by:] = column[:-by]
    else:
        out[:by] = column[-by:]
    return out


def feature_buckets(arrays: np.ndarray, hits: Iterable[tuple[int, int, str]]) -> np.ndarray:
    """(tokens, features) hash buckets of every token's features, the same at training and
    run time: word, lemma, part of speech, tag, suffix, dependency, the head's lemma, the
    neighbours' words and parts of speech, entity type, capitals, and the lexicon tags of
    the token and its neighbours. Vectorised: no Python loop over tokens."""
    n = len(arrays)
    tags = np.zeros(n, dtype=np.uint64)
    for start, end, tag in hits:
        tags[start:end] |= np.uint64(_TAG_BITS[tag])
    lower, lemma, pos = arrays[:, COLUMN[LOWER]], arrays[:, COLUMN[LEMMA]], arrays[:, COLUMN[POS]]
    head = np.arange(n) + arrays[:, COLUMN[HEAD]].astype(np.int64)
    values = np.stack(
        [
            np.zeros(n, dtype=np.uint64),  # bias
            lower,
            lemma,
            pos,
            arrays[:, COLUMN[TAG]],
            arrays[:, COLUMN[SUFFIX]],
            arrays[:, COLUMN[DEP]],
            lemma[np.clip(head, 0, n - 1)],
            _shifted(lower, 1, _EDGE),
            _shifted(lower, -1, _EDGE),
            _shifted(pos, 1, _EDGE),
            _shifted(pos, -1, _EDGE),
            _shifted(pos, 1, _EDGE) * np.uint64(1 << 20) + pos,
            arrays[:, COLUMN[ENT_TYPE]],
            arrays[:, COLUMN[IS_TITLE]] + np.uint64(2) * arrays[:, COLUMN[IS_UPPER]],
            tags,
            _shifted(tags, 1, _EDGE),
            _shifted(tags, -1, _EDGE),
        ],
        axis=1,
    )
    kinds = np.arange(values.shape[1], dtype=np.uint64) * np.uint64(0x9E3779B97F4A7C15)
    return (_mix(values + kinds) & np.uint64((1 << BITS) - 1)).astype(np.int64)


def token_spans(
    doc: Doc, arrays: np.ndarray, probs: np.ndarray, threshold: float
) -> list[tuple[int, int, str, float]]:
    """Runs of tokens whose framing probability reaches ``_EXTEND * threshold`` and one of
    which reaches ``threshold``, as ``(first token, end token, class, mean probability)``,
    leading determiners below ``threshold`` left out; punctuation is never flagged, but a
    hyphen or apostrophe inside a word joins its flagged neighbours."""
    framed = 1.0 - probs[:, 0]
    flagged = (framed >= _EXTEND * threshold) & (arrays[:, COLUMN[IS_PUNCT]] == 0)
    spans = []
    n = len(doc)
    end = -1
    for i in np.flatnonzero(flagged).tolist():
        if i < end:
            continue
        j = i + 1
        while j < n:
            if flagged[j]:
                j += 1
            elif (
                j + 1 < n
                and flagged[j + 1]
                and int(arrays[j, COLUMN[ORTH]]) in _JOINERS
                and not doc[j - 1].whitespace_
                and not doc[j].whitespace_
            ):
                j += 2
            else:
                break
        end = j
        while i < j and framed[i] < threshold and arrays[i, COLUMN[POS]] == DET_POS:
            i += 1  # a determiner joins only as part of a noun phrase (short_chunks)
        if i < j and framed[i:j].max() >= threshold:
            cls = int(probs[i:j, 1:].sum(axis=0).argmax()) + 1
            spans.append((i, j, CLASSES[cls], float(framed[i:j].mean())))
    if not spans:
        return spans
    chunks = short_chunks(doc)
    out = []
    for i, j, cls, score in spans:
        if i in chunks:
            i, j = min(i, chunks[i][0]), max(j, chunks[i][1])
        out.append((i, j, cls, score))
    return out


def short_chunks(doc: Doc) -> dict[int, tuple[int, int]]:
    """Token -> (start, end) of the noun chunk holding it, determiners left out, for chunks of
    at most ``_MAX_CHUNK`` tokens: a flagged word grows to the phrase it is part of
    ("corrupt career politicians")."""
    out = {}
    for chunk in doc.noun_chunks:
        start = chunk.start
        while start < chunk.end and doc[start].pos_ in _CHUNK_SKIPPED:
            start += 1
        if 0 < chunk.end - start <= _MAX_CHUNK:
            out.update(dict.fromkeys(range(start, chunk.end), (start, chunk.end)))
    return out


def modifier_spans(doc: Doc, hits: list[tuple[int, int, str]]) -> list[tuple[int, int]]:
    """Name-calling labels made by a modifier: "so-called experts", "far-left activists"."""
    spans = []
    for start, end, tag in hits:
        if tag != MODIFIER:
            continue
        for j in range(end, min(end + _MAX_MODIFIED, len(doc))):
            t = doc[j]
            if t.pos_ in _NOUNS and (j + 1 == len(doc) or doc[j + 1].pos_ not in _NOUNS):
                spans.append((start, j + 1))
                break
            if t.pos_ not in {"ADJ", "NOUN", "PROPN", "PUNCT", "ADV"} or t.text in ",;:":
                break
    return spans


class Voices:
    """Who speaks at a character offset: a quote (innermost), unattributed speech, or the author."""

    def __init__(self, doc: Doc) -> None:
        lay = layers(doc)
        text = doc_text(doc)
        quotes = [
            (p.start, p.end, q.content.end - q.content.start, q)
            for q in lay.quotes
            for p in (q.spans or [q.content])
        ]
        self.quotes: ByStart[tuple[int, int, int, Quote]] = ByStart(quotes, lambda p: p[:2])
        speech = [
            (start, end)
            for q in quoted_stretches(doc)
            for start, end in q.pieces
            if len(text[start:end].split()) >= SPEECH_MIN_WORDS
        ]
        self.speech = ByStart(speech, lambda piece: piece)

    def of(self, start: int, end: int) -> tuple[str, str | None]:
        """``(voice, quote id)`` of the span ``start:end`` (where most of it lies)."""
        mid = (start + end) // 2
        near = self.quotes.may_contain(mid, mid + 1)
        holders = [(size, q.id) for _, e, size, q in near if mid < e]
        if holders:
            return "quoted", min(holders)[1]  # the innermost quote
        if any(mid < e for _, e in self.speech.may_contain(mid, mid + 1)):
            return "quoted", None
        return "author", None


class FramingComponent:
    def __init__(
        self,
        lexicon: FramingLexicon,
        model: TokenModel,
        threshold: float | None,
        tagger: Tagger | None = None,
    ):
        self.lexicon = lexicon
        self.model = model
        self.tagger = tagger  # blended with the token model
        shipped = tagger.threshold if tagger else model.threshold
        self.threshold = threshold if threshold is not None else shipped

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        arrays = token_arrays(doc)
        hits = lexicon_hits(self.lexicon, arrays)
        probs = self.model.probabilities(feature_buckets(arrays, hits))
        if self.tagger:
            probs = blend(self.tagger.weight, self.tagger.probabilities(doc), probs)
        layers(doc).framing = self.framing(doc, arrays, hits, probs, self.threshold)
        return doc

    @staticmethod
    def framing(
        doc: Doc,
        arrays: np.ndarray,
        hits: list[tuple[int, int, str]],
        probs: np.ndarray | None,
        threshold: float,
    ) -> list[Framing]:
        """Contract spans in text order; overlapping spans of one category become one."""
        found: list[tuple[int, int, str, float | None]] = []
        if probs is not None:
            found += token_spans(doc, arrays, probs, threshold)
        found += [(s, e, "name_calling", None) for s, e in modifier_spans(doc, hits)]
        found += [(s, e, tag, None) for s, e, tag in hits if tag in REPORTED_PHRASES]
        text = doc_text(doc)
        merged: list[list] = []
        for s, e, category, score in sorted(found, key=lambda f: (f[2], f[0], -f[1])):
            last = merged[-1] if merged else None
            if last and last[2] == category and s < last[1]:
                last[1] = max(last[1], e)
                last[3] = score if last[3] is None else last[3]
            else:
                merged.append([s, e, category, score])
        voices = Voices(doc)
        out = []
        for s, e, category, score in sorted(merged, key=lambda f: (f[0], f[1])):
            start, end = doc[s].idx, end_char(doc[e - 1])
            voice, quote = voices.of(start, end)
            out.append(
                Framing(
                    start=start,
                    end=end,
                    text=text[start:end],
                    category=category,
                    voice=voice,
                    quote=quote,
                    score=round(score, 3) if score is not None else None,
                )
            )
        return out


@Language.factory("presslens_framing", default_config={"threshold": None, "embeddings": False})
def make_framing(
    nlp: Language, name: str, threshold: float | None, embeddings: bool
) -> FramingComponent:
    """``embeddings``: blend in the fine-tuned MiniLM tagger (needs the extra)."""
    tagger = load_tagger() if embeddings else None
    return FramingComponent(lexicon(FramingLexicon), load_token_model(), threshold, tagger)
