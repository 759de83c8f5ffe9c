"""Class probabilities from raw scores, shared by presslens's small numpy models."""

from __future__ import annotations

import numpy as np


def softmax(scores: np.ndarray) -> np.ndarray:
    """Probabilities over the last axis of ``scores`` (shifted by the maximum: no overflow)."""
    exp = np.exp(scores - scores.max(axis=-1, keepdims=True))
    return exp / exp.sum(axis=-1, keepdims=True)
