"""Framing: loaded language, name-calling, exaggeration and minimisation, doubt.

Two cheap sources of spans over the parse already on the Doc:

* a token classifier (``resources/framing/model.npz``, trained on SemEval-2020
  task 11 PTC articles by ``presslens train framing``) that tells each token
  ``none`` / ``loaded_language`` / ``name_calling`` from hashed features (word,
  lemma, part of speech, suffix, dependency, neighbours, lexicon hits): one
  gather and sum per Doc in numpy; adjacent flagged tokens become a span;
* phrase lexicons (``resources/framing/lexicon.json``): exaggeration,
  minimisation and doubt phrases are reported as found; a name-calling modifier
  ("so-called", "far-left") before a noun makes a name_calling span.

A span inside a quotation is in the ``quoted`` voice, with the innermost quote
that holds it; words inside quotation marks long enough to be speech are
``quoted`` even when no speaker was found. Everything else is the author's.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache

import numpy as np
from spacy.language import Language
from spacy.tokens import Doc

from presslens.checkworthiness import BITS, bucket
from presslens.errors import PresslensError
from presslens.layers import doc_text, layers
from presslens.quotemarks import find_quoted
from presslens.resource_files import load_json, resource_path
from presslens.schema import Framing, Quote

MODEL_FILE = ("framing", "model.npz")
# Classes of the token model; index 0 is "no framing".
CLASSES = ("none", "loaded_language", "name_calling")
REPORTED_PHRASES = ("exaggeration", "minimisation", "doubt")
MODIFIER = "name_calling_modifier"
_PHRASE_TOKEN = re.compile(r"\w+|[^\w\s]")
_JOINERS = {"-", "–", "'", "’"}  # a flagged word's hyphenated or possessive parts stay one span
_NOUNS = {"NOUN", "PROPN"}
_MAX_CHUNK = 4  # longest noun phrase a flagged word grows to
_CHUNK_SKIPPED = {"DET", "PRON"}
_MAX_MODIFIED = 4  # tokens between a name-calling modifier and the noun it labels
_MIN_SPEECH_WORDS = 4  # a shorter quoted stretch is a scare quote or a title: the author's words


def phrase_tokens(phrase: str) -> tuple[str, ...]:
    """A lexicon entry as lower-cased tokens, split the way spaCy splits hyphens."""
    return tuple(_PHRASE_TOKEN.findall(phrase.lower()))


@dataclass(frozen=True)
class FramingLexicon:
    """Phrases by first token: ``first -> ((tokens, tag), ...)``, longest first."""

    phrases: dict[str, tuple[tuple[tuple[str, ...], str], ...]]

    @classmethod
    def load(cls) -> FramingLexicon:
        data = load_json("framing", "lexicon.json")
        entries = [(w, "loaded_language") for w in data["loaded_language"]]
        entries += [(w, "name_calling") for w in data["name_calling"]]
        entries += [(w, MODIFIER) for w in data["name_calling_modifiers"]]
        entries += [(p, tag) for tag, phrases in data["phrases"].items() for p in phrases]
        table: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        for text, tag in entries:
            tokens = phrase_tokens(text)
            table.setdefault(tokens[0], []).append((tokens, tag))
        return cls({k: tuple(sorted(v, key=lambda e: -len(e[0]))) for k, v in table.items()})

    def hits(self, lowers: list[str], lemmas: list[str]) -> list[tuple[int, int, str]]:
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


def lexicon_hits(doc: Doc, lexicon: FramingLexicon) -> list[tuple[int, int, str]]:
    """The lexicon entries found in ``doc``, by token."""
    return lexicon.hits([t.lower_ for t in doc], [t.lemma_.lower() for t in doc])


@cache
def load_lexicon() -> FramingLexicon:
    return FramingLexicon.load()


_bucket = lru_cache(maxsize=1 << 18)(bucket)


def feature_buckets(doc: Doc, hits: Iterable[tuple[int, int, str]]) -> list[list[int]]:
    """The hashed features of every token (the same at training and run time)."""
    tags: list[list[str]] = [[] for _ in range(len(doc))]
    for start, end, tag in hits:
        for i in range(start, end):
            tags[i].append(tag)
    words = [t.lower_ for t in doc]
    pos = [t.pos_ for t in doc]
    out = []
    last = len(doc) - 1
    for i, t in enumerate(doc):
        prev_w, next_w = (words[i - 1] if i else "<s>"), (words[i + 1] if i < last else "</s>")
        prev_p, next_p = (pos[i - 1] if i else "<s>"), (pos[i + 1] if i < last else "</s>")
        feats = [
            "bias",
            "w=" + words[i],
            "l=" + t.lemma_.lower(),
            "p=" + pos[i],
            "t=" + t.tag_,
            "s=" + words[i][-3:],
            "d=" + t.dep_,
            "h=" + t.head.lemma_.lower(),
            "w-=" + prev_w,
            "w+=" + next_w,
            "p-=" + prev_p,
            "p+=" + next_p,
            "pp=" + prev_p + pos[i],
            "e=" + t.ent_type_,
            "c=" + ("T" if t.is_title else "U" if t.is_upper else "x"),
        ]
        feats += ["x=" + tag for tag in tags[i]]
        if i:
            feats += ["x-=" + tag for tag in tags[i - 1]]
        if i < last:
            feats += ["x+=" + tag for tag in tags[i + 1]]
        out.append([_bucket(f) for f in feats])
    return out


@dataclass(frozen=True)
class TokenModel:
    """Multinomial logistic regression over hashed features; rows of ``weights`` are buckets."""

    weights: np.ndarray  # (2**BITS, len(CLASSES)) float32
    bias: np.ndarray  # (len(CLASSES),)
    threshold: float  # a token is framing when P(not none) reaches this

    def probabilities(self, buckets: list[list[int]]) -> np.ndarray:
        """(tokens, classes) class probabilities."""
        if not buckets:
            return np.zeros((0, len(CLASSES)), dtype=np.float32)
        flat = np.fromiter((b for row in buckets for b in row), dtype=np.int64)
        offsets = np.cumsum([0] + [len(row) for row in buckets[:-1]])
        scores = np.add.reduceat(self.weights[flat], offsets, axis=0) + self.bias
        scores -= scores.max(axis=1, keepdims=True)
        exp = np.exp(scores)
        return exp / exp.sum(axis=1, keepdims=True)

    def save(self, path) -> None:
        rows = np.flatnonzero(np.abs(self.weights).sum(axis=1))
        np.savez_compressed(
            path,
            rows=rows.astype(np.int32),
            weights=self.weights[rows].astype(np.float16),
            bias=self.bias.astype(np.float32),
            threshold=np.float32(self.threshold),
            classes=np.array(CLASSES),
        )

    @classmethod
    def load(cls, path) -> TokenModel:
        data = np.load(path)
        if tuple(data["classes"]) != CLASSES:
            raise PresslensError(
                f"{path} was trained for the classes {tuple(data['classes'])}, not {CLASSES}: "
                "retrain it with `presslens train framing DATA_DIR`"
            )
        weights = np.zeros((1 << BITS, len(CLASSES)), dtype=np.float32)
        weights[data["rows"]] = data["weights"].astype(np.float32)
        return cls(weights, data["bias"], float(data["threshold"]))


@cache
def load_token_model() -> TokenModel | None:
    """The shipped token model, or None before ``presslens train framing`` has written it."""
    path = resource_path(*MODEL_FILE)
    return TokenModel.load(path) if path.is_file() else None


def token_spans(doc: Doc, probs: np.ndarray, threshold: float) -> list[tuple[int, int, str, float]]:
    """Runs of tokens whose framing probability reaches ``threshold``, as
    ``(first token, end token, class, mean probability)``; punctuation is never flagged,
    but a hyphen or apostrophe inside a word joins its flagged neighbours."""
    framed = 1.0 - probs[:, 0]
    flagged = [framed[i] >= threshold and not t.is_punct for i, t in enumerate(doc)]
    spans = []
    i, n = 0, len(doc)
    while i < n:
        if not flagged[i]:
            i += 1
            continue
        j = i + 1
        while j < n:
            if flagged[j]:
                j += 1
            elif (
                doc[j].text in _JOINERS
                and not doc[j - 1].whitespace_
                and not doc[j].whitespace_
                and j + 1 < n
                and flagged[j + 1]
            ):
                j += 2
            else:
                break
        cls = int(probs[i:j, 1:].sum(axis=0).argmax()) + 1
        spans.append((i, j, CLASSES[cls], float(framed[i:j].mean())))
        i = j
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
        self.quotes: list[tuple[int, int, int, Quote]] = [
            (p.start, p.end, q.content.end - q.content.start, q)
            for q in lay.quotes
            for p in (q.spans or [q.content])
        ]
        blocks = [(b.start, b.end) for b in lay.blocks] or [(0, len(text))]
        self.speech = [
            (start, end)
            for q in find_quoted(text, blocks)
            for start, end in q.pieces
            if len(text[start:end].split()) >= _MIN_SPEECH_WORDS
        ]

    def of(self, start: int, end: int) -> tuple[str, str | None]:
        """``(voice, quote id)`` of the span ``start:end`` (where most of it lies)."""
        mid = (start + end) // 2
        holders = [(size, q.id) for s, e, size, q in self.quotes if s <= mid < e]
        if holders:
            return "quoted", min(holders)[1]  # the innermost quote
        if any(s <= mid < e for s, e in self.speech):
            return "quoted", None
        return "author", None


class FramingComponent:
    def __init__(self, lexicon: FramingLexicon, model: TokenModel | None, threshold: float | None):
        self.lexicon = lexicon
        self.model = model
        self.threshold = threshold if threshold is not None else model.threshold if model else 1.0

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        hits = lexicon_hits(doc, self.lexicon)
        probs = self.model.probabilities(feature_buckets(doc, hits)) if self.model else None
        layers(doc).framing = self.framing(doc, hits, probs, self.threshold)
        return doc

    @staticmethod
    def framing(
        doc: Doc,
        hits: list[tuple[int, int, str]],
        probs: np.ndarray | None,
        threshold: float,
    ) -> list[Framing]:
        """Contract spans in text order; overlapping spans of one category become one."""
        found: list[tuple[int, int, str, float | None]] = []
        if probs is not None:
            found += token_spans(doc, probs, threshold)
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
            start, end = doc[s].idx, doc[e - 1].idx + len(doc[e - 1])
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


@Language.factory("presslens_framing", default_config={"threshold": None})
def make_framing(nlp: Language, name: str, threshold: float | None) -> FramingComponent:
    return FramingComponent(load_lexicon(), load_token_model(), threshold)
