"""Check-worthiness on CLEF CheckThat! 2024 task 1 (English): presslens against a TF-IDF baseline.

Layout (read by path, never copied): ``DATA_DIR/{train,dev,dev-test}.tsv`` with the
columns ``Sentence_id, Text, class_label`` (Yes/No). Each model's threshold is the
one that maximises positive-class F1 on ``dev``; P/R/F1 of the positive class are
reported on ``dev`` and on ``dev-test`` at that threshold. The baseline (word
1-2-gram TF-IDF + scikit-learn's LogisticRegression, default settings) is trained on
``train`` in the same run; presslens is the shipped model (``presslens.checkworthiness``).
"""

from __future__ import annotations

import csv
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from presslens.checkworthiness import CheckworthinessModel, load_checkworthiness_model
from presslens.errors import InputError, PresslensError

TABLE_HEADER = (
    "| model | threshold | dev-test P | dev-test R | dev-test F1 | dev P | dev R | dev F1 |",
    "|---|---|---|---|---|---|---|---|",
)


@dataclass(frozen=True)
class Split:
    """The sentences of one TSV and whether each is check-worthy."""

    texts: list[str]
    labels: list[bool]


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
    tp = sum(1 for y, s in zip(labels, scores, strict=True) if y and s >= threshold)
    predicted = sum(1 for s in scores if s >= threshold)
    gold = sum(labels)
    p = tp / predicted if predicted else 0.0
    r = tp / gold if gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def best_threshold(labels: Sequence[bool], scores: Sequence[float]) -> float:
    """The score threshold with the highest positive-class F1 (midway to the next score below)."""
    ranked = sorted(set(scores), reverse=True)
    best, best_f1 = 0.5, -1.0
    for i, t in enumerate(ranked):
        f1 = prf(labels, scores, t)[2]
        if f1 > best_f1:
            below = ranked[i + 1] if i + 1 < len(ranked) else t
            best, best_f1 = (t + below) / 2, f1
    return best


def baseline_scores(train: Split, texts: list[list[str]]) -> list[list[float]]:
    """Word 1-2-gram TF-IDF + logistic regression fitted on ``train``; P(yes) for each list."""
    try:
        from sklearn.feature_extraction.text import TfidfVectorizer
        from sklearn.linear_model import LogisticRegression
    except ImportError as exc:
        raise PresslensError(
            "the baseline needs scikit-learn: pip install 'presslens[dev]'"
        ) from exc
    vectorizer = TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True)
    model = LogisticRegression(max_iter=1000).fit(
        vectorizer.fit_transform(train.texts), train.labels
    )
    return [model.predict_proba(vectorizer.transform(t))[:, 1].tolist() for t in texts]


def table_row(
    name: str,
    dev: Split,
    test: Split,
    dev_scores: list[float],
    test_scores: list[float],
    threshold: float | None = None,
) -> str:
    """One markdown row: P/R/F1 on dev-test and dev at the threshold (best on dev when None)."""
    t = best_threshold(dev.labels, dev_scores) if threshold is None else threshold
    cells = [*prf(test.labels, test_scores, t), *prf(dev.labels, dev_scores, t)]
    return f"| {name} | {t:.3f} | " + " | ".join(f"{v:.3f}" for v in cells) + " |"


def run(data_dir: Path, model: CheckworthinessModel | None = None, baseline: bool = True) -> str:
    """Score ``model`` (the shipped one by default) and the baseline; a markdown table."""
    model = model or load_checkworthiness_model()
    dev, test = read_split(data_dir, "dev"), read_split(data_dir, "dev-test")
    header = [
        f"CheckThat! 2024 task 1 English: dev {len(dev.texts)} sentences "
        f"({sum(dev.labels)} yes), dev-test {len(test.texts)} ({sum(test.labels)} yes); "
        "P/R/F1 of the positive class, threshold chosen on dev",
        "",
        *TABLE_HEADER,
    ]
    rows = [
        table_row(
            "presslens (resources/checkworthiness.npz)",
            dev,
            test,
            model.score(dev.texts),
            model.score(test.texts),
            threshold=model.threshold,
        )
    ]
    if baseline:
        dev_scores, test_scores = baseline_scores(
            read_split(data_dir, "train"), [dev.texts, test.texts]
        )
        rows.append(
            table_row("baseline: word 1-2-gram TF-IDF + LR", dev, test, dev_scores, test_scores)
        )
    return "\n".join(header + rows)
