"""CLEF CheckThat! 2024 task 1 (English) sentences, and the cross-validation folds over them.

Layout (read by path, never copied): ``DATA_DIR/{train,dev,dev-test}.tsv`` with the
columns ``Sentence_id, Text, class_label`` (Yes/No). dev-test is the reporting split;
choices made on train+dev use ``FOLDS`` stratified folds (``out_of_fold_scores``).
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from presslens.errors import InputError

FOLDS = 5


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
