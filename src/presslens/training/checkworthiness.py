"""Train the check-worthiness model (``models.checkworthiness``) on CheckThat! 2024 task 1.

``presslens train checkworthiness DATA_DIR`` hashes the features of every sentence
in ``DATA_DIR/train.tsv`` and ``dev.tsv``, weighs them by TF-IDF (sublinear tf,
smoothed idf, L2 norm) and fits scikit-learn's LogisticRegression (a training-time
tool only, from the ``dev`` extra) with balanced class weights. The C in ``C_GRID``
and the threshold are the ones with the best positive-class F1 on out-of-fold
scores (``FOLDS``-fold cross-validation over train+dev); the model refitted on all
of train+dev is written to ``resources/models/checkworthiness.npz``. dev-test is only
reported, never used for a choice.

``--embeddings`` (needs the ``embeddings`` extra) instead fits the head that is
blended with the hashed model (``presslens.models.checkworthiness.EmbeddingHead``): a
one-hidden-layer network (scikit-learn's MLPClassifier, ``HEAD_HIDDEN`` ReLU units,
L2 ``HEAD_ALPHA``, early stopping) over MiniLM sentence embeddings of train+dev,
then the blend weight in ``BLEND_WEIGHTS`` and the threshold with the best F1 on
the out-of-fold blended scores (the hashed model's and the head's out-of-fold
scores come from the same folds). Only the head is written
(``resources/models/checkworthiness_embeddings.npz``); embeddings are not cached.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import numpy as np

from presslens.datasets.checkthat import FOLDS, Split, out_of_fold_scores, read_split
from presslens.evaluate.checkthat import TABLE_HEADER, scorer_row
from presslens.evaluate.metrics import average_precision, best_threshold, prf_at
from presslens.extras import sklearn
from presslens.models.checkworthiness import (
    BITS,
    HEAD,
    MODEL,
    BlendedScorer,
    CheckworthinessModel,
    EmbeddingHead,
    bucket_counts,
    load_checkworthiness_model,
)
from presslens.models.embeddings import blend

C_GRID = (1.0, 2.0, 4.0)
HEAD_HIDDEN = (128,)
HEAD_ALPHA = 1e-3
BLEND_WEIGHTS = (0.3, 0.4, 0.5, 0.6, 0.7)


def count_matrix(texts: list[str]):
    """Sparse (sentences x buckets) matrix of feature counts."""
    from scipy.sparse import csr_matrix

    indptr, indices, values = [0], [], []
    for text in texts:
        counts = bucket_counts(text)
        indices.extend(counts)
        values.extend(counts.values())
        indptr.append(len(indices))
    return csr_matrix(
        (np.array(values, dtype=np.float64), np.array(indices), np.array(indptr)),
        shape=(len(texts), 1 << BITS),
    )


def tfidf(counts, idf: np.ndarray):
    """Sublinear tf times idf, each row scaled to unit length (as the scorer does)."""
    from sklearn.preprocessing import normalize

    x = counts.copy()
    x.data = 1.0 + np.log(x.data)
    return normalize(x.multiply(idf).tocsr())


def _logistic_regression() -> type:
    return sklearn("linear_model", "LogisticRegression")


def _at_best_threshold(y: np.ndarray, scores: np.ndarray) -> tuple[float, float, str]:
    """The threshold with the best F1 for out-of-fold ``scores``, that F1, and a note of
    P/R/F1/AP there."""
    threshold = best_threshold(y, scores)
    p, r, f1 = prf_at(y, scores, threshold)
    ap = average_precision(y, scores)
    return (
        threshold,
        f1,
        f"P {p:.3f} R {r:.3f} F1 {f1:.3f} AP {ap:.3f} at threshold {threshold:.3f}",
    )


def _choose_c(x, y: np.ndarray, c_grid: tuple[float, ...], notes: list[str]) -> tuple:
    """(C, threshold, out-of-fold scores) of the balanced LR with the best out-of-fold F1;
    one line per C appended to ``notes``."""
    learner = _logistic_regression()
    best = None
    for c in c_grid:
        oof = out_of_fold_scores(
            y,
            lambda rows, held, c=c: (
                learner(C=c, class_weight="balanced", max_iter=3000)
                .fit(x[rows], y[rows])
                .predict_proba(x[held])[:, 1]
            ),
        )
        threshold, f1, summary = _at_best_threshold(y, oof)
        notes.append(f"C={c:g}: {FOLDS}-fold out-of-fold {summary}")
        if best is None or f1 > best[0]:
            best = (f1, c, threshold, oof)
    assert best is not None
    return best[1:]


def fit(
    data: Split, c_grid: tuple[float, ...] = C_GRID
) -> tuple[CheckworthinessModel, list[str], np.ndarray]:
    """The model for the C with the best out-of-fold F1, refitted on all of ``data``; notes;
    the out-of-fold scores of that C."""
    counts = count_matrix(data.texts)
    df = np.bincount(counts.indices, minlength=1 << BITS)
    idf = np.log((1 + len(data.texts)) / (1 + df)) + 1.0
    used = np.flatnonzero(df)  # fitting only the buckets in use keeps the optimiser small
    x, y = tfidf(counts, idf)[:, used], np.asarray(data.labels)
    notes: list[str] = []
    c, threshold, oof = _choose_c(x, y, c_grid, notes)
    lr = _logistic_regression()(C=c, class_weight="balanced", max_iter=3000).fit(x, y)
    coef = np.zeros(1 << BITS)
    coef[used] = lr.coef_[0]
    model = CheckworthinessModel(
        idf=idf, coef=coef, bias=float(lr.intercept_[0]), threshold=threshold
    )
    return model, [*notes, f"kept C={c:g}, threshold {threshold:.3f}"], oof


def _network() -> Any:
    """The head's classifier: scikit-learn's MLPClassifier (``HEAD_HIDDEN`` ReLU units)."""
    return sklearn("neural_network", "MLPClassifier")(
        HEAD_HIDDEN, alpha=HEAD_ALPHA, early_stopping=True, random_state=0, max_iter=200
    )


def fit_head(
    data: Split, vectors: np.ndarray, hashed_oof: np.ndarray
) -> tuple[EmbeddingHead, list[str]]:
    """The embedding head and its blend weight and threshold (by the out-of-fold F1 of the
    blend with ``hashed_oof``), refitted on all of ``data``; notes."""
    y = np.asarray(data.labels)
    head_oof = out_of_fold_scores(
        y,
        lambda rows, held: (
            _network().fit(vectors[rows], y[rows]).predict_proba(vectors[held])[:, 1]
        ),
    )
    _, _, summary = _at_best_threshold(y, head_oof)
    notes = [f"embedding head ({HEAD_HIDDEN[0]} hidden units): {FOLDS}-fold out-of-fold {summary}"]
    best = None
    for weight in BLEND_WEIGHTS:
        blended = blend(weight, hashed_oof, head_oof)
        threshold, f1, summary = _at_best_threshold(y, blended)
        notes.append(f"blend {weight:g} hashed + {1 - weight:g} head: out-of-fold {summary}")
        if best is None or f1 > best[0]:
            best = (f1, weight, threshold)
    assert best is not None
    _, weight, threshold = best
    net = _network().fit(vectors, y)
    head = EmbeddingHead(
        hidden=tuple(zip(net.coefs_[:-1], net.intercepts_[:-1], strict=True)),
        coef=net.coefs_[-1][:, 0],
        bias=float(net.intercepts_[-1][0]),
        weight=weight,
        threshold=threshold,
    )
    return head, [*notes, f"kept weight {weight:g}, threshold {threshold:.3f}"]


def train(data_dir: Path, out: Path | None = None, embeddings: bool = False) -> str:
    """Fit on DATA_DIR/train.tsv + dev.tsv, write the weights; a markdown report.
    With ``embeddings``, fit and write the embedding head instead (``train_head``)."""
    if embeddings:
        return train_head(data_dir, out)
    dev = read_split(data_dir, "dev")
    model, notes, _ = fit(read_split(data_dir, "train") + dev)
    path = out or MODEL.path()
    model.save(path, trained=dt.date.today().isoformat(), notes="; ".join(notes))
    reloaded = CheckworthinessModel.load(path)  # report what was shipped (float16 weights)
    test = read_split(data_dir, "dev-test")
    row = scorer_row(f"presslens ({path.name}), train+dev; threshold by CV", reloaded, dev, test)
    return "\n".join(
        [
            f"wrote {path} ({path.stat().st_size / 1e6:.1f} MB)",
            *notes,
            "",
            *TABLE_HEADER,
            row,
        ]
    )


def train_head(data_dir: Path, out: Path | None = None) -> str:
    """Fit the embedding head on DATA_DIR/train.tsv + dev.tsv beside the hashed model, write
    it; a markdown report of the shipped hashed model blended with it."""
    from presslens.models.embeddings import sentence_embeddings

    dev = read_split(data_dir, "dev")
    data = read_split(data_dir, "train") + dev
    vectors = sentence_embeddings(data.texts)  # first: fails fast without the extra
    _, hashed_notes, hashed_oof = fit(data)
    head, notes = fit_head(data, vectors, hashed_oof)
    path = out or HEAD.path()
    head.save(path, trained=dt.date.today().isoformat(), notes="; ".join(hashed_notes + notes))
    scorer = BlendedScorer(load_checkworthiness_model(), EmbeddingHead.load(path))
    test = read_split(data_dir, "dev-test")
    row = scorer_row(
        f"presslens + MiniLM ({path.name}), train+dev; weight and threshold by CV",
        scorer,
        dev,
        test,
    )
    return "\n".join(
        [
            f"wrote {path} ({path.stat().st_size / 1e3:.1f} KB)",
            "hashed model:",
            *hashed_notes,
            *notes,
            "",
            *TABLE_HEADER,
            row,
        ]
    )
