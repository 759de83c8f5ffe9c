"""Train the framing token model (``presslens.models.framing``) on SemEval-2020 task 11 PTC.

``presslens train framing DATA_DIR`` parses the training articles of
``datasets.ptc.split_ids`` (never the held-out ones), labels each token
``loaded_language`` / ``name_calling`` / ``none`` from the gold spans it overlaps,
and fits scikit-learn's multinomial LogisticRegression (a training-time tool only,
from the ``dev`` extra) on the hashed token features. The inverse regularisation C
and the span threshold are chosen by ``FOLDS``-fold cross-validation over the
training articles, on the pooled SI F1 the evaluation reports; the model refitted
on all training articles is written to ``resources/models/framing.npz``.

``--embeddings`` (needs the ``embeddings`` extra) fine-tunes the MiniLM tagger instead:
``presslens.training.framing_tagger``.
"""

from __future__ import annotations

from pathlib import Path

from presslens.datasets.ptc import read_ptc, split_ids
from presslens.evaluate.metrics import SiCounts
from presslens.models.framing import MODEL, TokenModel
from presslens.training.framing_examples import (
    FOLDS,
    THRESHOLDS,
    Example,
    examples,
    fit,
    folds,
    pooled_counts,
)

C_GRID = (0.03, 0.1, 0.3)


def train(
    data_dir: Path,
    out: Path | None = None,
    model: str | None = None,
    limit: int | None = None,
    embeddings: bool = False,
) -> str:
    """Cross-validate C and the threshold on the training articles, refit, write the model
    (with ``embeddings``: the MiniLM tagger instead)."""
    articles = read_ptc(data_dir)
    train_ids, _ = split_ids(a.id for a in articles)
    keep = set(train_ids[:limit] if limit else train_ids)
    items = examples([a for a in articles if a.id in keep], model)
    if embeddings:  # imported here: the tagger needs torch, from the embeddings extra
        from presslens.training.framing_tagger import train_tagger

        return train_tagger(items, out)
    return train_on(items, out)


def train_on(items: list[Example], out: Path | None = None) -> str:
    """``train`` on parsed articles."""
    lines = [f"{len(items)} training articles, {FOLDS}-fold CV; pooled SI F1 (P/R) by C, threshold"]
    best = (-1.0, C_GRID[0], THRESHOLDS[0])
    for c in C_GRID:
        totals = {t: SiCounts() for t in THRESHOLDS}
        for rows, held_rows in folds(items):
            fold_model = fit([items[i] for i in rows], c)
            held = [items[i] for i in held_rows]
            probs = [fold_model.probabilities(ex.buckets) for ex in held]
            for t, counts in pooled_counts(probs, held).items():
                totals[t].add_counts(counts)
        for t, total in totals.items():
            p, r, f1 = total.scores()
            lines.append(f"C={c} t={t:.2f}: F1 {f1:.3f} (P {p:.3f} R {r:.3f})")
            best = max(best, (f1, c, t))
    f1, c, t = best
    final = fit(items, c)
    final = TokenModel(final.weights, final.bias, t)
    path = out or MODEL.path()
    final.save(path, c)
    lines.append(f"best: C={c}, threshold={t:.2f}, CV F1 {f1:.3f}; wrote {path}")
    return "\n".join(lines)
