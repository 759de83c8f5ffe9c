"""Train the check-worthiness model (``presslens.checkworthiness``) on CheckThat! 2024 task 1.

``presslens train checkworthiness DATA_DIR`` hashes the features of every sentence
in ``DATA_DIR/train.tsv`` and ``dev.tsv``, weighs them by TF-IDF (sublinear tf,
smoothed idf, L2 norm) and fits scikit-learn's LogisticRegression (a training-time
tool only, from the ``dev`` extra) with balanced class weights. The C in ``C_GRID``
and the threshold are the ones with the best positive-class F1 on out-of-fold
scores (``FOLDS``-fold cross-validation over train+dev); the model refitted on all
of train+dev is written to ``resources/checkworthiness.npz``. dev-test is only
reported, never used for a choice.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import numpy as np

from presslens.checkworthiness import BITS, CheckworthinessModel, bucket_counts, model_path
from presslens.errors import PresslensError
from presslens.evaluate.checkthat import (
    FOLDS,
    TABLE_HEADER,
    Split,
    average_precision,
    best_threshold,
    out_of_fold_scores,
    prf,
    read_split,
    table_row,
)

C_GRID = (1.0, 2.0, 4.0)


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


def fit(data: Split, c_grid: tuple[float, ...] = C_GRID) -> tuple[CheckworthinessModel, list[str]]:
    """The model for the C with the best out-of-fold F1, refitted on all of ``data``; notes."""
    try:
        from sklearn.linear_model import LogisticRegression
    except ImportError as exc:
        raise PresslensError("training needs scikit-learn: pip install 'presslens[dev]'") from exc
    counts = count_matrix(data.texts)
    df = np.bincount(counts.indices, minlength=1 << BITS)
    idf = np.log((1 + len(data.texts)) / (1 + df)) + 1.0
    used = np.flatnonzero(df)  # fitting only the buckets in use keeps the optimiser small
    x, y = tfidf(counts, idf)[:, used], np.asarray(data.labels)

    def learner(c: float) -> LogisticRegression:
        return LogisticRegression(C=c, class_weight="balanced", max_iter=3000)

    notes, best = [], None
    for c in c_grid:
        oof = out_of_fold_scores(
            y, lambda rows, held, c=c: learner(c).fit(x[rows], y[rows]).predict_proba(x[held])[:, 1]
        )
        threshold = best_threshold(y, oof)
        p, r, f1 = prf(y, oof, threshold)
        notes.append(
            f"C={c:g}: {FOLDS}-fold out-of-fold P {p:.3f} R {r:.3f} F1 {f1:.3f} "
            f"AP {average_precision(y, oof):.3f} at threshold {threshold:.3f}"
        )
        if best is None or f1 > best[0]:
            best = (f1, c, threshold)
    assert best is not None
    _, c, threshold = best
    lr = learner(c).fit(x, y)
    coef = np.zeros(1 << BITS)
    coef[used] = lr.coef_[0]
    model = CheckworthinessModel(
        idf=idf, coef=coef, bias=float(lr.intercept_[0]), threshold=threshold
    )
    return model, [*notes, f"kept C={c:g}, threshold {threshold:.3f}"]


def train(data_dir: Path, out: Path | None = None) -> str:
    """Fit on DATA_DIR/train.tsv + dev.tsv, write the weights; a markdown report."""
    dev = read_split(data_dir, "dev")
    model, notes = fit(read_split(data_dir, "train") + dev)
    path = out or model_path()
    model.save(path, trained=dt.date.today().isoformat(), notes="; ".join(notes))
    reloaded = CheckworthinessModel.load(path)  # report what was shipped (float16 weights)
    test = read_split(data_dir, "dev-test")
    row = table_row(
        f"presslens ({path.name}), train+dev; threshold by CV",
        dev,
        test,
        reloaded.score(dev.texts),
        reloaded.score(test.texts),
        threshold=reloaded.threshold,
    )
    return "\n".join(
        [
            f"wrote {path} ({path.stat().st_size / 1e6:.1f} MB)",
            *notes,
            "",
            *TABLE_HEADER,
            row,
        ]
    )
