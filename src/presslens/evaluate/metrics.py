"""Precision, recall, F1 and their kin: the one place every scorer and training report counts.

A ratio with an empty denominator is 0.0, so is an F1 whose precision and recall are both 0.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

Span = tuple[int, int]


def ratio(num: float, den: float) -> float:
    """``num / den``, 0.0 when ``den`` is 0."""
    return num / den if den else 0.0


def f1(precision: float, recall: float) -> float:
    """The harmonic mean of ``precision`` and ``recall`` (0.0 when both are 0)."""
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def prf(
    precision_hits: float, predicted: float, recall_hits: float, gold: float
) -> tuple[float, float, float]:
    """(precision, recall, F1) for hits over the predicted and over the gold items."""
    p, r = ratio(precision_hits, predicted), ratio(recall_hits, gold)
    return p, r, f1(p, r)


@dataclass
class Tally:
    """How many items a system predicted and the gold holds, summed over a run: the
    denominators of precision and recall."""

    predicted: int = 0
    gold: int = 0

    def prf(self, matched: float, recall_matched: float | None = None) -> tuple[float, ...]:
        """(precision, recall, F1) when ``matched`` predicted items (and ``recall_matched``
        gold items, the same number unless given) are right."""
        recall_hits = matched if recall_matched is None else recall_matched
        return prf(matched, self.predicted, recall_hits, self.gold)


def one_to_one(candidates: Iterable[tuple[Any, int, int]]) -> list[tuple[int, int]]:
    """(gold index, predicted index) pairs, each index used once, taken in the order of the
    ``(key, gold index, predicted index)`` candidates sorted (best key first)."""
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs = []
    for _, gi, pi in sorted(candidates):
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            pairs.append((gi, pi))
    return pairs


# --- labels ------------------------------------------------------------------------------


def precision_recall(
    gold: Sequence[str], predicted: Sequence[str], says: tuple[str, ...], means: tuple[str, ...]
) -> tuple[float, float, int]:
    """Precision and recall of predictions in ``says`` for gold labels in ``means``, and how
    many predictions were in ``says``."""
    hits = sum(p in says and g in means for g, p in zip(gold, predicted, strict=True))
    said = sum(p in says for p in predicted)
    meant = sum(g in means for g in gold)
    return ratio(hits, said), ratio(hits, meant), said


def confusion_matrix(
    gold: Sequence[str], predicted: Sequence[str], labels: Sequence[str]
) -> list[list[int]]:
    """Counts, rows gold and columns predicted, in the order of ``labels``."""
    index = {s: i for i, s in enumerate(labels)}
    matrix = [[0] * len(labels) for _ in labels]
    for g, p in zip(gold, predicted, strict=True):
        matrix[index[g]][index[p]] += 1
    return matrix


def class_f1(gold: Sequence[str], predicted: Sequence[str], labels: Sequence[str]) -> list[float]:
    """F1 of each of ``labels`` (as ``2 tp / (gold + predicted)``)."""
    matrix = confusion_matrix(gold, predicted, labels)
    scores = []
    for i in range(len(labels)):
        n_gold, n_pred = sum(matrix[i]), sum(row[i] for row in matrix)
        scores.append(ratio(2 * matrix[i][i], n_gold + n_pred))
    return scores


# --- scores and a threshold --------------------------------------------------------------


def prf_at(labels: Sequence[bool], scores: Sequence[float], threshold: float) -> tuple[float, ...]:
    """Precision, recall and F1 of the positive class when ``score >= threshold`` is positive."""
    gold = np.asarray(labels, dtype=bool)
    predicted = np.asarray(scores, dtype=np.float64) >= threshold
    tp = int((gold & predicted).sum())
    return prf(tp, int(predicted.sum()), tp, int(gold.sum()))


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
    f1s = np.where(run_ends, 2 * tp / (predicted + sum(labels)), -1.0)
    i = int(np.argmax(f1s))
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


# --- spans with partial credit (SemEval-2020 task 11's SI measure) ------------------------


def merge(spans: Iterable[Span]) -> list[Span]:
    """Overlapping spans joined into one, in order."""
    out: list[Span] = []
    for s, e in sorted(spans):
        if out and s < out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return out


@dataclass
class SiCounts(Tally):
    """Partial-credit sums of the SI scorer and the span counts they are divided by."""

    precision_credit: float = 0.0
    recall_credit: float = 0.0

    def add(self, predicted: Sequence[Span], gold: Sequence[Span]) -> None:
        """Score one article's spans (each side already merged)."""
        self.predicted += len(predicted)
        self.gold += len(gold)
        for s, e in predicted:
            for gs, ge in gold:
                overlap = min(e, ge) - max(s, gs)
                if overlap > 0:
                    self.precision_credit += overlap / (e - s)
                    self.recall_credit += overlap / (ge - gs)

    def add_counts(self, other: SiCounts) -> None:
        """Add another run's sums (an article set scored apart)."""
        self.precision_credit += other.precision_credit
        self.recall_credit += other.recall_credit
        self.predicted += other.predicted
        self.gold += other.gold

    def scores(self) -> tuple[float, ...]:
        """(precision, recall, F1) with partial credit."""
        return self.prf(self.precision_credit, self.recall_credit)
