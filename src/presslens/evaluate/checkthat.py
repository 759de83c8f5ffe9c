"""Check-worthiness on CLEF CheckThat! 2024 task 1 (English): presslens against a TF-IDF baseline.

Sentences from ``presslens.datasets.checkthat`` (train, dev, dev-test; Yes/No labels).
dev-test is the reporting split: P/R/F1 of the positive class at each model's own
threshold, and average precision (AP).

presslens is the shipped model (``presslens.models.checkworthiness``), trained on train+dev
with its threshold chosen by cross-validation (``presslens.training.checkworthiness``).
The baseline (word 1-2-gram TF-IDF + scikit-learn's LogisticRegression, default
settings) is fitted in the same run twice: on train with the threshold best on dev
(the task's own protocol), and on train+dev with the threshold best on its
``FOLDS``-fold out-of-fold scores (presslens's protocol). Rows fitted on train+dev
saw dev in training: their dev columns are training-set numbers. With
``embeddings`` (needs the ``embeddings`` extra), the shipped model blended with
its MiniLM embedding head (``presslens.models.checkworthiness.load_scorer``) is a row too.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np

from presslens.datasets.checkthat import FOLDS, Split, out_of_fold_scores, read_split
from presslens.evaluate.metrics import average_precision, best_threshold, prf_at
from presslens.extras import sklearn
from presslens.models.checkworthiness import (
    CheckworthinessModel,
    Scorer,
    load_checkworthiness_model,
    load_scorer,
)

TABLE_HEADER = (
    "| model | threshold | dev-test P | dev-test R | dev-test F1 | dev-test AP "
    "| dev P | dev R | dev F1 | dev AP |",
    "|---|---|---|---|---|---|---|---|---|---|",
)


def _baseline_fit_score(
    texts: list[str], labels: list[bool]
) -> Callable[[np.ndarray, list[str]], list[float]]:
    """A function (rows to fit on, texts to score) -> P(yes) of the word 1-2-gram TF-IDF + LR."""
    tfidf_vectorizer = sklearn("feature_extraction.text", "TfidfVectorizer", "the baseline")
    logistic_regression = sklearn("linear_model", "LogisticRegression", "the baseline")

    def fit_score(rows: np.ndarray, score_texts: list[str]) -> list[float]:
        vectorizer = tfidf_vectorizer(ngram_range=(1, 2), sublinear_tf=True)
        x = vectorizer.fit_transform([texts[i] for i in rows])
        model = logistic_regression(max_iter=1000).fit(x, [labels[i] for i in rows])
        return model.predict_proba(vectorizer.transform(score_texts))[:, 1].tolist()

    return fit_score


def baseline_rows(train: Split, dev: Split, test: Split) -> list[str]:
    """The baseline fitted on train (threshold best on dev) and on train+dev (threshold by CV)."""
    fit_score = _baseline_fit_score(train.texts, train.labels)
    everything = np.arange(len(train.texts))
    dev_scores, test_scores = (fit_score(everything, s.texts) for s in (dev, test))
    rows = [
        table_row(
            "baseline: word 1-2-gram TF-IDF + LR, train; threshold best on dev",
            dev,
            test,
            dev_scores,
            test_scores,
            threshold=best_threshold(dev.labels, dev_scores),
        )
    ]
    both = train + dev
    fit_score = _baseline_fit_score(both.texts, both.labels)
    oof = out_of_fold_scores(
        both.labels, lambda rows, held: fit_score(rows, [both.texts[i] for i in held])
    )
    everything = np.arange(len(both.texts))
    rows.append(
        table_row(
            f"baseline: the same, train+dev; threshold by {FOLDS}-fold CV",
            dev,
            test,
            fit_score(everything, dev.texts),
            fit_score(everything, test.texts),
            threshold=best_threshold(both.labels, oof),
        )
    )
    return rows


def table_row(
    name: str,
    dev: Split,
    test: Split,
    dev_scores: Sequence[float],
    test_scores: Sequence[float],
    threshold: float,
) -> str:
    """One markdown row: P/R/F1 at ``threshold`` and AP, on dev-test then dev."""
    cells = [
        *prf_at(test.labels, test_scores, threshold),
        average_precision(test.labels, test_scores),
        *prf_at(dev.labels, dev_scores, threshold),
        average_precision(dev.labels, dev_scores),
    ]
    return f"| {name} | {threshold:.3f} | " + " | ".join(f"{v:.3f}" for v in cells) + " |"


def scorer_row(name: str, scorer: Scorer, dev: Split, test: Split) -> str:
    """``table_row`` for a shipped scorer at its own threshold."""
    return table_row(
        name, dev, test, scorer.score(dev.texts), scorer.score(test.texts), scorer.threshold
    )


def run(
    data_dir: Path,
    model: CheckworthinessModel | None = None,
    baseline: bool = True,
    embeddings: bool = False,
) -> str:
    """Score ``model`` (the shipped one by default), with ``embeddings`` its blend with the
    embedding head, and the baseline; a markdown table."""
    model = model or load_checkworthiness_model()
    dev, test = read_split(data_dir, "dev"), read_split(data_dir, "dev-test")
    header = [
        f"CheckThat! 2024 task 1 English: dev {len(dev.texts)} sentences "
        f"({sum(dev.labels)} yes), dev-test {len(test.texts)} ({sum(test.labels)} yes); "
        "P/R/F1 of the positive class at each model's threshold, AP; "
        "models fitted on train+dev saw dev in training",
        "",
        *TABLE_HEADER,
    ]
    rows = [
        scorer_row(
            "presslens (resources/models/checkworthiness.npz), train+dev; threshold by CV",
            model,
            dev,
            test,
        )
    ]
    if embeddings:
        rows.append(
            scorer_row(
                "presslens + MiniLM (embeddings extra), train+dev; weight and threshold by CV",
                load_scorer(embeddings=True),
                dev,
                test,
            )
        )
    if baseline:
        rows += baseline_rows(read_split(data_dir, "train"), dev, test)
    return "\n".join(header + rows)
