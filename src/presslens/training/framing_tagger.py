"""Fine-tune the framing tagger of the ``embeddings`` extra (``presslens.models.framing_tagger``).

``presslens train framing DATA_DIR --embeddings`` runs ``train_tagger`` on the training
articles of ``datasets.ptc.split_ids`` (never the held-out ones). Every linear layer of
MiniLM's encoder gets a rank-``RANK`` update (LoRA: ``W + SCALE * B @ A``, ``B`` starting
at zero); those, the layer norms and a softmax layer over the last hidden state are trained
with AdamW on each word piece's class (the class of the spaCy token holding it), the
encoder's own weights frozen.

Settings are chosen on one split of the training articles (cheaper than the token model's
3-fold CV: a pass takes minutes on a CPU): the tagger is fitted on the articles outside
fold 0 for up to ``MAX_EPOCHS`` epochs, and after each epoch the number of epochs, the
tagger's blend weight with a token model fitted on the same articles and the threshold
of the blend are scored on fold 0 by pooled SI F1 (each score also goes to stderr as it
comes: a run takes about half an hour on two cores). The tagger refitted on all training
articles for the best number of epochs is written to ``resources/models/framing_tagger.npz``.
"""

from __future__ import annotations

import math
import sys
from collections.abc import Callable
from pathlib import Path

import numpy as np
import torch
from torch import nn

from presslens.models.embeddings import blend
from presslens.models.framing import CLASSES
from presslens.models.framing import MODEL as TOKEN_MODEL
from presslens.models.framing_tagger import (
    ADAPTED,
    IGNORED,
    NO_PIECE,
    TAGGER,
    Tagger,
    Window,
    encoder_copy,
    padded,
    save_tagger,
    tokenizer,
    windows,
)
from presslens.training.framing_examples import Example, fit, folds, pooled_counts

RANK = 8
SCALE = 2.0  # LoRA's alpha / rank
LEARNING_RATE = 1e-3  # of the low-rank updates and layer norms
HEAD_LEARNING_RATE = 3e-3
WEIGHT_DECAY = 0.01
WARMUP = 0.1  # share of the steps over which the learning rate rises; then it falls to 0
BATCH = 8  # windows per step
DROPOUT = 0.1  # on the hidden state, before the softmax layer
MAX_EPOCHS = 6
BLEND_WEIGHTS = (0.5, 0.7, 0.85, 1.0)  # the tagger's share of the blend with the token model
SEED = 0
# A fine-tuned tagger is sure of itself: its thresholds reach further than the token model's.
TAGGER_THRESHOLDS = tuple(round(0.1 + 0.05 * i, 2) for i in range(13))  # 0.10 .. 0.70


class LowRank(nn.Module):
    """A frozen linear layer plus a trained low-rank update."""

    def __init__(self, base: nn.Linear) -> None:
        super().__init__()
        self.base = base
        spread = 1.0 / math.sqrt(base.in_features)
        self.lora_a = nn.Parameter(torch.randn(RANK, base.in_features) * spread)
        self.lora_b = nn.Parameter(torch.zeros(base.out_features, RANK))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.base(x) + (x @ self.lora_a.T @ self.lora_b.T) * SCALE


def adapted_encoder() -> nn.Module:
    """A copy of MiniLM's encoder, frozen but for ``LowRank`` updates and its layer norms."""
    encoder = encoder_copy()
    for parameter in encoder.parameters():
        parameter.requires_grad = False
    for layer in encoder.encoder.layer:
        for path in ADAPTED:
            *parents, name = path.split(".")
            holder = layer
            for parent in parents:
                holder = getattr(holder, parent)
            setattr(holder, name, LowRank(getattr(holder, name)))
    for name, parameter in encoder.named_parameters():
        if "LayerNorm" in name:
            parameter.requires_grad = True
    return encoder


def labelled(ex: Example) -> list[tuple[Window, np.ndarray]]:
    """The article's windows with each piece's class (``IGNORED`` for special pieces)."""
    out = []
    for window in windows(ex.doc, tokenizer()):
        real = window.tokens != NO_PIECE
        labels = np.full(len(window.tokens), IGNORED, dtype=np.int64)
        labels[real] = ex.classes[window.tokens[real]]
        out.append((window, labels))
    return out


def learned(encoder: nn.Module, head: nn.Linear) -> tuple[dict[str, np.ndarray], tuple]:
    """What ``save_tagger`` writes: the low-rank factors (named after the linear layer they
    update, as in the plain encoder), the layer norms, and the head as numpy arrays."""
    adapters = {}
    for name, module in encoder.named_modules():
        if isinstance(module, LowRank):
            adapters[f"{name}.lora_a"] = module.lora_a.detach().numpy()
            adapters[f"{name}.lora_b"] = module.lora_b.detach().numpy()
    for name, parameter in encoder.named_parameters():
        if "LayerNorm" in name:
            adapters[name] = parameter.detach().numpy()
    head_arrays = (head.weight.detach().numpy().T.copy(), head.bias.detach().numpy().copy())
    return adapters, head_arrays


def fine_tune(
    items: list[Example], epochs: int, after_epoch: Callable[[int, Tagger], None] | None = None
) -> tuple[Tagger, dict[str, np.ndarray]]:
    """The tagger fitted on ``items`` for ``epochs`` epochs and its ``learned`` updates;
    ``after_epoch(epoch, tagger)`` sees it after each epoch (blend weight and threshold are
    left for the caller)."""
    torch.manual_seed(SEED)
    rng = np.random.default_rng(SEED)
    encoder = adapted_encoder()
    head = nn.Linear(encoder.config.hidden_size, len(CLASSES))
    rows = [row for ex in items for row in labelled(ex)]
    optimiser = torch.optim.AdamW(
        [
            {"params": [p for p in encoder.parameters() if p.requires_grad]},
            {"params": list(head.parameters()), "lr": HEAD_LEARNING_RATE},
        ],
        lr=LEARNING_RATE,
        weight_decay=WEIGHT_DECAY,
    )
    steps = epochs * math.ceil(len(rows) / BATCH)
    warm = max(1, int(WARMUP * steps))
    schedule = torch.optim.lr_scheduler.LambdaLR(
        optimiser, lambda s: s / warm if s < warm else max(0.0, (steps - s) / max(1, steps - warm))
    )
    dropout = nn.Dropout(DROPOUT)
    for epoch in range(epochs):
        encoder.train()
        order = rng.permutation(len(rows))
        for b in range(0, len(rows), BATCH):
            batch = [rows[i] for i in order[b : b + BATCH]]
            ids, mask = padded([w for w, _ in batch])
            labels = torch.full(ids.shape, IGNORED, dtype=torch.long)
            for row, (_, y) in enumerate(batch):
                labels[row, : len(y)] = torch.from_numpy(y)
            hidden = encoder(input_ids=ids, attention_mask=mask).last_hidden_state
            scores = head(dropout(hidden))
            loss = nn.functional.cross_entropy(
                scores.reshape(-1, scores.shape[-1]), labels.reshape(-1), ignore_index=IGNORED
            )
            optimiser.zero_grad()
            loss.backward()
            optimiser.step()
            schedule.step()
        encoder.eval()
        adapters, head_arrays = learned(encoder, head)
        tagger = Tagger(encoder, head_arrays, 1.0, 0.5)
        if after_epoch:
            after_epoch(epoch + 1, tagger)
    return tagger, adapters


def train_tagger(items: list[Example], out: Path | None = None) -> str:
    """Choose epochs, blend weight and threshold on fold 0 of ``items``, refit on all of them,
    write the tagger."""
    c = float(np.load(TOKEN_MODEL.path())["c"])
    rows, held_rows = folds(items)[0]
    train, held = [items[i] for i in rows], [items[i] for i in held_rows]
    model = fit(train, c)
    model_probs = [model.probabilities(ex.buckets) for ex in held]
    lines = [
        f"{len(items)} training articles; settings chosen on {len(held)} of them after fitting "
        f"on {len(train)}; pooled SI F1 (P/R) by epochs, blend weight, best threshold"
    ]
    best = (-1.0, 1, BLEND_WEIGHTS[0], TAGGER_THRESHOLDS[0])

    def score(epoch: int, tagger: Tagger) -> None:
        nonlocal best
        probs = [tagger.probabilities(ex.doc) for ex in held]
        for weight in BLEND_WEIGHTS:
            blended = [blend(weight, p, m) for p, m in zip(probs, model_probs, strict=True)]
            counts = pooled_counts(blended, held, TAGGER_THRESHOLDS)
            f1, t, (p, r) = max((n.scores()[2], t, n.scores()[:2]) for t, n in counts.items())
            lines.append(
                f"epochs={epoch} weight={weight}: F1 {f1:.3f} (P {p:.3f} R {r:.3f}) at t={t:.2f}"
            )
            print(lines[-1], file=sys.stderr, flush=True)  # progress of a long run
            best = max(best, (f1, epoch, weight, t))

    fine_tune(train, MAX_EPOCHS, score)
    f1, epochs, weight, threshold = best
    final, adapters = fine_tune(items, epochs)
    path = out or TAGGER.path()
    save_tagger(
        path,
        adapters,
        final.head,
        weight,
        threshold,
        {"rank": RANK, "scale": SCALE, "epochs": epochs, "learning_rate": LEARNING_RATE},
    )
    lines.append(
        f"best: {epochs} epochs, weight {weight}, threshold {threshold:.2f}, F1 {f1:.3f}; "
        f"refitted on all {len(items)}; wrote {path}"
    )
    return "\n".join(lines)
