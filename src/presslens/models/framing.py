"""The framing token model: does a token frame (loaded language, name-calling) or not?

A multinomial logistic regression over hashed features of each token (the framing stage's
``feature_buckets``: word, lemma, part of speech, suffix, dependency, neighbours, lexicon
hits), trained on SemEval-2020 task 11 PTC articles by ``presslens train framing``
(``presslens.training.framing``) and shipped as ``resources/models/framing.npz``. Scoring
is one gather and sum per Doc in numpy.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from presslens.errors import ModelFileError
from presslens.models.loader import ShippedModel
from presslens.models.softmax import softmax

BITS = 19  # features share 2**BITS hash buckets
# Classes of the token model; index 0 is "no framing".
CLASSES = ("none", "loaded_language", "name_calling")


@dataclass(frozen=True)
class TokenModel:
    """Multinomial logistic regression over hashed features; rows of ``weights`` are buckets."""

    weights: np.ndarray  # (2**BITS, len(CLASSES)) float32
    bias: np.ndarray  # (len(CLASSES),)
    threshold: float  # a token is framing when P(not none) reaches this

    def probabilities(self, buckets: np.ndarray) -> np.ndarray:
        """(tokens, classes) class probabilities for ``feature_buckets``."""
        return softmax(self.weights[buckets].sum(axis=1) + self.bias)

    def save(self, path, c: float) -> None:
        """Write the weights with ``c``, the regularisation they were fitted with."""
        rows = np.flatnonzero(np.abs(self.weights).sum(axis=1))
        np.savez_compressed(
            path,
            rows=rows.astype(np.int32),
            weights=self.weights[rows].astype(np.float16),
            bias=self.bias.astype(np.float32),
            threshold=np.float32(self.threshold),
            classes=np.array(CLASSES),
            c=np.float32(c),
        )

    @classmethod
    def load(cls, path) -> TokenModel:
        data = np.load(path)
        if tuple(data["classes"]) != CLASSES:
            raise ModelFileError(
                f"{path} was trained for the classes {tuple(data['classes'])}, not {CLASSES}: "
                "retrain it with `presslens train framing DATA_DIR`"
            )
        weights = np.zeros((1 << BITS, len(CLASSES)), dtype=np.float32)
        weights[data["rows"]] = data["weights"].astype(np.float32)
        return cls(weights, data["bias"], float(data["threshold"]))


MODEL = ShippedModel(
    "framing.npz",
    TokenModel.load,
    "presslens train framing ../shared/data/ptc",
    "PTC, SemEval-2020 task 11",
)


def load_token_model() -> TokenModel:
    """The shipped token model (``resources/models/framing.npz``), read once."""
    return MODEL.load()
