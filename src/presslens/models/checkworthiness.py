"""Check-worthiness: how much a sentence asks to be fact-checked, as a probability.

A logistic regression over hashed TF-IDF features (word 1-3-grams, character
2-5-grams inside words, and a few cues such as numbers, percentages and money),
trained on CLEF CheckThat! 2024 task 1 (train+dev, balanced class weights, C and
threshold by cross-validation) by ``presslens train checkworthiness``
(``presslens.training.checkworthiness``) and shipped as ``resources/models/checkworthiness.npz``.
Scoring needs only numpy: a few hundred ``zlib.crc32`` calls per sentence.

With the optional ``embeddings`` extra, ``load_scorer(embeddings=True)`` blends
this model with a small network over MiniLM sentence embeddings
(``EmbeddingHead``, ``resources/models/checkworthiness_embeddings.npz``, trained by
``presslens train checkworthiness DATA_DIR --embeddings``).
"""

from __future__ import annotations

import math
import re
import zlib
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Protocol

import numpy as np

from presslens.errors import ModelFileError, PresslensError
from presslens.lexicons import lexicon, load_json
from presslens.models.embeddings import blend
from presslens.models.loader import ShippedModel

# Hash space: features share 2**BITS buckets (collisions are rare at this size).
BITS = 19
LONGEST_WORD_NGRAM = 3
CHAR_NGRAMS = (2, 3, 4, 5)

_WORD = re.compile(r"[a-z0-9]+(?:[.,'][a-z0-9]+)*|[$%€£]")
_DIGIT = re.compile(r"\d")


def bucket(feature: str) -> int:
    """The hash bucket of a feature name (stable across runs and platforms)."""
    return zlib.crc32(feature.encode("utf-8")) & ((1 << BITS) - 1)


@lru_cache(maxsize=1 << 16)
def _char_buckets(word: str) -> tuple[int, ...]:
    """The buckets of the character n-grams of one whitespace-separated, lower-cased word."""
    padded = f" {word} "
    return tuple(
        bucket("c" + padded[i : i + n]) for n in CHAR_NGRAMS for i in range(len(padded) - n + 1)
    )


@lru_cache(maxsize=1 << 16)
def _word_bucket(gram: str) -> int:
    return bucket("w " + gram)


@dataclass(frozen=True)
class Cues:
    """The cue features of ``resources/lexicons/claims/checkworthiness_cues.json``: the hash
    bucket of each cue's name and its regex over the lower-cased text."""

    buckets: tuple[tuple[int, re.Pattern[str]], ...]

    @classmethod
    def load(cls) -> Cues:
        cues = load_json("claims", "checkworthiness_cues.json")["cues"]
        return cls(tuple((bucket("f " + name), re.compile(p)) for name, p in cues.items()))


def bucket_counts(text: str) -> dict[int, int]:
    """Hash bucket -> count of the features of ``text`` (the same at training and run time).

    Features: word 1-3-grams (digits read as 0), character 2-5-grams inside each
    word (``_char_buckets``) and the ``Cues`` that match.
    """
    lower = text.lower()
    words = [_DIGIT.sub("0", w) for w in _WORD.findall(lower)]
    found: list[int] = [_word_bucket(w) for w in words]
    for n in range(2, LONGEST_WORD_NGRAM + 1):
        grams = zip(*(words[k:] for k in range(n)), strict=False)  # shorter tails end it
        found += [bucket("w " + " ".join(g)) for g in grams]
    for word in lower.split():
        found += _char_buckets(word)
    found += [b for b, pattern in lexicon(Cues).buckets if pattern.search(lower)]
    return Counter(found)


@dataclass(frozen=True)
class CheckworthinessModel:
    """Hashed TF-IDF (sublinear tf, L2 norm) + logistic regression; ``threshold`` makes a claim."""

    idf: np.ndarray  # per bucket
    coef: np.ndarray  # per bucket
    bias: float
    threshold: float

    def score_one(self, text: str) -> float:
        """P(``text`` is check-worthy)."""
        counts = bucket_counts(text)
        if not counts:
            return 1.0 / (1.0 + math.exp(-self.bias))
        ids = np.fromiter(counts.keys(), dtype=np.int64, count=len(counts))
        tf = 1.0 + np.log(np.fromiter(counts.values(), dtype=np.float64, count=len(counts)))
        x = tf * self.idf[ids]
        z = self.bias + float(x @ self.coef[ids]) / float(np.sqrt(x @ x))
        return 1.0 / (1.0 + math.exp(-z)) if z > -30 else 0.0

    def score(self, texts: list[str]) -> list[float]:
        """P(check-worthy) for each text, in order."""
        return [self.score_one(t) for t in texts]

    def save(self, path: Path, **meta: str) -> None:
        """Write the weights as a compressed ``.npz`` (float16 per bucket), ``meta`` beside them."""
        np.savez_compressed(
            path,
            idf=self.idf.astype(np.float16),
            coef=self.coef.astype(np.float16),
            bias=np.float64(self.bias),
            threshold=np.float64(self.threshold),
            bits=np.int64(BITS),
            **{f"meta_{k}": np.str_(v) for k, v in meta.items()},
        )

    @classmethod
    def load(cls, path: Path) -> CheckworthinessModel:
        with np.load(path) as data:
            if int(data["bits"]) != BITS:
                raise ModelFileError(
                    f"{path} was trained with {int(data['bits'])} hash bits, this presslens uses "
                    f"{BITS}: retrain it with `presslens train checkworthiness DATA_DIR`"
                )
            return cls(
                idf=data["idf"].astype(np.float64),
                coef=data["coef"].astype(np.float64),
                bias=float(data["bias"]),
                threshold=float(data["threshold"]),
            )


@dataclass(frozen=True)
class EmbeddingHead:
    """A small network over sentence embeddings (ReLU hidden layers, then a logistic output),
    blended with the hashed model: ``weight * hashed + (1 - weight) * head``; ``threshold``
    applies to the blend. Without hidden layers it is a logistic regression."""

    hidden: tuple[tuple[np.ndarray, np.ndarray], ...]  # (weights, bias) of each ReLU layer
    coef: np.ndarray  # per unit of the last hidden layer (or embedding dimension)
    bias: float
    weight: float  # of the hashed model's probability
    threshold: float

    def probabilities(self, vectors: np.ndarray) -> np.ndarray:
        """P(check-worthy) of each row of ``vectors`` by the head alone."""
        h = vectors.astype(np.float64)
        for weights, bias in self.hidden:
            h = np.maximum(h @ weights + bias, 0.0)
        z = np.clip(h @ self.coef + self.bias, -30.0, 30.0)
        return 1.0 / (1.0 + np.exp(-z))

    def save(self, path: Path, **meta: str) -> None:
        layers = {}
        for i, (weights, bias) in enumerate(self.hidden):
            layers[f"hidden{i}_weights"] = weights.astype(np.float32)
            layers[f"hidden{i}_bias"] = bias.astype(np.float32)
        np.savez_compressed(
            path,
            **layers,
            coef=self.coef.astype(np.float32),
            bias=np.float64(self.bias),
            weight=np.float64(self.weight),
            threshold=np.float64(self.threshold),
            **{f"meta_{k}": np.str_(v) for k, v in meta.items()},
        )

    @classmethod
    def load(cls, path: Path) -> EmbeddingHead:
        with np.load(path) as data:
            depth = sum(1 for key in data.files if key.endswith("_weights"))
            hidden = tuple(
                (
                    data[f"hidden{i}_weights"].astype(np.float64),
                    data[f"hidden{i}_bias"].astype(np.float64),
                )
                for i in range(depth)
            )
            return cls(
                hidden=hidden,
                coef=data["coef"].astype(np.float64),
                bias=float(data["bias"]),
                weight=float(data["weight"]),
                threshold=float(data["threshold"]),
            )


class Scorer(Protocol):
    """What the claims stage needs: P(check-worthy) per text and the claim threshold."""

    threshold: float

    def score(self, texts: list[str]) -> list[float]: ...


@dataclass(frozen=True)
class BlendedScorer:
    """The hashed model and the embedding head together (needs the ``embeddings`` extra)."""

    hashed: CheckworthinessModel
    head: EmbeddingHead

    @property
    def threshold(self) -> float:
        return self.head.threshold

    def score(self, texts: list[str]) -> list[float]:
        """The blended P(check-worthy) for each text, in order."""
        from presslens.models.embeddings import sentence_embeddings

        if not texts:
            return []
        head = self.head.probabilities(sentence_embeddings(texts))
        return blend(self.head.weight, np.asarray(self.hashed.score(texts)), head).tolist()


MODEL = ShippedModel(
    "checkworthiness.npz",
    CheckworthinessModel.load,
    "presslens train checkworthiness ../shared/data/checkthat24",
    "CheckThat! 2024 task 1 English",
)
HEAD = ShippedModel(
    "checkworthiness_embeddings.npz",
    EmbeddingHead.load,
    "presslens train checkworthiness ../shared/data/checkthat24 --embeddings",
    "CheckThat! 2024 task 1 English, with the embeddings extra",
)


def load_checkworthiness_model() -> CheckworthinessModel:
    """The shipped model (``resources/models/checkworthiness.npz``), read once."""
    return MODEL.load()


def load_scorer(embeddings: bool = False) -> Scorer:
    """The shipped hashed model, or with ``embeddings`` its blend with the embedding head."""
    if not embeddings:
        return load_checkworthiness_model()
    from presslens.models.embeddings import INSTALL_HINT, available

    if not available():
        raise PresslensError(f"check-worthiness with embeddings: {INSTALL_HINT}")
    return BlendedScorer(load_checkworthiness_model(), HEAD.load())


def score(texts: list[str]) -> list[float]:
    """Check-worthiness in [0, 1] of each text with the shipped model."""
    return load_checkworthiness_model().score(texts)
