"""Train the check-worthiness model (``presslens.checkworthiness``) on CheckThat! 2024 task 1.

``presslens train checkworthiness DATA_DIR`` hashes the features of every sentence
in ``DATA_DIR/train.tsv``, weighs them by TF-IDF (sublinear tf, smoothed idf, L2
norm), fits scikit-learn's LogisticRegression (a training-time tool only, from the
``dev`` extra) for each C in ``C_GRID``, keeps the C and the threshold with the
best positive-class F1 on ``DATA_DIR/dev.tsv`` and writes
``resources/checkworthiness.npz``. It reports P/R/F1 on dev and dev-test.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import numpy as np

from presslens.checkworthiness import BITS, CheckworthinessModel, bucket_counts, model_path
from presslens.errors import PresslensError
from presslens.evaluate.checkthat import (
    TABLE_HEADER,
    Split,
    best_threshold,
    prf,
    read_split,
    table_row,
)

C_GRID = (1.0, 2.0, 4.0, 8.0)


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


def fit(
    train: Split, dev: Split, c_grid: tuple[float, ...] = C_GRID
) -> tuple[CheckworthinessModel, float]:
    """The model with the best dev F1 over ``c_grid``, and that C."""
    try:
        from sklearn.linear_model import LogisticRegression
    except ImportError as exc:
        raise PresslensError("training needs scikit-learn: pip install 'presslens[dev]'") from exc
    counts = count_matrix(train.texts)
    df = np.bincount(counts.indices, minlength=1 << BITS)
    idf = np.log((1 + len(train.texts)) / (1 + df)) + 1.0
    x_train, x_dev = tfidf(counts, idf), tfidf(count_matrix(dev.texts), idf)
    best: tuple[float, CheckworthinessModel, float] | None = None
    for c in c_grid:
        lr = LogisticRegression(C=c, max_iter=3000).fit(x_train, train.labels)
        dev_scores = lr.predict_proba(x_dev)[:, 1].tolist()
        threshold = best_threshold(dev.labels, dev_scores)
        f1 = prf(dev.labels, dev_scores, threshold)[2]
        if best is None or f1 > best[0]:
            model = CheckworthinessModel(
                idf=idf, coef=lr.coef_[0].copy(), bias=float(lr.intercept_[0]), threshold=threshold
            )
            best = (f1, model, c)
    assert best is not None
    return best[1], best[2]


def train(data_dir: Path, out: Path | None = None) -> str:
    """Fit on DATA_DIR/train.tsv, tune on dev.tsv, write the weights; a markdown report."""
    train_split, dev = read_split(data_dir, "train"), read_split(data_dir, "dev")
    model, c = fit(train_split, dev)
    path = out or model_path()
    model.save(path, trained=dt.date.today().isoformat(), C=str(c))
    reloaded = CheckworthinessModel.load(path)  # report what was shipped (float16 weights)
    test = read_split(data_dir, "dev-test")
    row = table_row(
        f"presslens (C={c:g}, {path.name})",
        dev,
        test,
        reloaded.score(dev.texts),
        reloaded.score(test.texts),
        threshold=reloaded.threshold,
    )
    return "\n".join(
        [
            f"wrote {path} ({path.stat().st_size / 1e6:.1f} MB)",
            "",
            *TABLE_HEADER,
            row,
        ]
    )
