"""Check-worthiness on CLEF CheckThat! 2024 task 1 (English): presslens against a TF-IDF baseline.

Layout (read by path, never copied): ``DATA_DIR/{train,dev,dev-test}.tsv`` with the
columns ``Sentence_id, Text, class_label`` (Yes/No). dev-test is the reporting split:
P/R/F1 of the positive class at each model's own threshold, and average precision (AP).

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

import csv
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from presslens.errors import InputError
from presslens.extras import sklearn
from presslens.models.checkworthiness import (
    CheckworthinessModel,
    Scorer,
    load_checkworthiness_model,
    load_scorer,
)

FOLDS = 5
TABLE_HEADER = (
    "| model | threshold | dev-test P | dev-test R | dev-test F1 | dev-test AP "
    "| dev P | dev R | dev F1 | dev AP |",
    "|---|---|---|---|---|---|---|---|---|---|",
)


@dataclass(frozen=True)
class Split:
    """The sentences of one TSV and whether each is check-worthy."""

    texts: list[str]
    labels: list[bool]

    def __add__(self, other: Split) -> Split:
        return Split(self.texts + other.texts, self.labels + other.labels)


def read_split(data_dir: Path, name: str) -> Split:
    """``DATA_DIR/NAME.tsv`` as texts and labels."""
    path = Path(data_dir) / f"{name}.tsv"
    if not path.is_file():
        raise InputError(
            f"{path} not found: DATA_DIR must hold train.tsv, dev.tsv and dev-test.tsv "
            "(CheckThat! 2024 task 1 English)"
        )
    texts: list[str] = []
    labels: list[bool] = []
    with path.open(encoding="utf-8", newline="") as f:
        rows = csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE)
        header = next(rows, [])
        if header[1:3] != ["Text", "class_label"]:
            raise InputError(f"{path}: expected the columns Sentence_id, Text, class_label")
        for row in rows:
            if len(row) >= 3:
                texts.append(row[1])
                labels.append(row[2].strip().lower() == "yes")
    return Split(texts, labels)


def prf(labels: Sequence[bool], scores: Sequence[float], threshold: float) -> tuple[float, ...]:
    """Precision, recall and F1 of the positive class when ``score >= threshold`` is positive."""
    gold = np.asarray(labels, dtype=bool)
    predicted = np.asarray(scores, dtype=np.float64) >= threshold
    tp = int((gold & predicted).sum())
    p = tp / int(predicted.sum()) if predicted.any() else 0.0
    r = tp / int(gold.sum()) if gold.any() else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _ranked(labels: Sequence[bool], scores: Sequence[float]) -> tuple[np.ndarray, ...]:
    """Scores high to low, true positives above each cut, and where each run of ties ends."""
    s = np.asarray(scores, dtype=np.float64)
    order = np.argsort(-s, kind="stable")
    ranked = s[order]
    tp = np.cumsum(np.asarray(labels, dtype=bool)[order])
    run_ends = np.append(ranked[1:] != ranked[:-1], True)
    return ranked, tp, run_ends


def best_threshold(labels: Sequence[bool], scores: Sequence[float]) -> float:
    """The score threshold with the highest positive-class F1 (midway to the next score below)."""
    if not len(scores):
        return 0.5
    ranked, tp, run_ends = _ranked(labels, scores)
    predicted = np.arange(1, len(ranked) + 1)
    f1 = np.where(run_ends, 2 * tp / (predicted + sum(labels)), -1.0)
    i = int(np.argmax(f1))
    below = ranked[i + 1] if i + 1 < len(ranked) else ranked[i]
    return float(ranked[i] + below) / 2


def average_precision(labels: Sequence[bool], scores: Sequence[float]) -> float:
    """Area under the precision-recall curve as a step sum (scikit-learn's definition)."""
    gold = sum(labels)
    if not gold:
        return 0.0
    _, tp, run_ends = _ranked(labels, scores)
    tp_at = tp[run_ends]
    precision = tp_at / (np.flatnonzero(run_ends) + 1)
    recall_gain = np.diff(np.concatenate(([0], tp_at))) / gold
    return float(recall_gain @ precision)


def out_of_fold_scores(
    labels: Sequence[bool], fit_score: Callable[[np.ndarray, np.ndarray], Sequence[float]]
) -> np.ndarray:
    """Each item's score from a model fitted without it: ``fit_score(fit_rows, held_rows)``
    over ``FOLDS`` stratified folds (fixed seed)."""
    from sklearn.model_selection import StratifiedKFold

    y = np.asarray(labels, dtype=bool)
    scores = np.zeros(len(y))
    for fit_rows, held_rows in StratifiedKFold(FOLDS, shuffle=True, random_state=0).split(y, y):
        scores[held_rows] = fit_score(fit_rows, held_rows)
    return scores


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
        *prf(test.labels, test_scores, threshold),
        average_precision(test.labels, test_scores),
        *prf(dev.labels, dev_scores, threshold),
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
            "presslens (resources/checkworthiness.npz), train+dev; threshold by CV",
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
