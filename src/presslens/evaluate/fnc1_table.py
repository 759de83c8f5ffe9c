"""The FNC-1 score table, shared by ``presslens eval fnc1`` and ``presslens train stance``.

Each row scores a set of predicted stances: the FNC-1 weighted score as a fraction of
the best possible (0.25 for each pair whose related/unrelated status is right, 0.75
more for the exact label of a related pair), macro-F1 over the four labels and the F1
of each.
"""

from __future__ import annotations

from collections.abc import Sequence

from presslens.datasets.fnc1 import Pairs
from presslens.evaluate.metrics import class_f1
from presslens.models.stance import RELATED_STANCES, STANCES


def fnc_score(gold: Sequence[str], predicted: Sequence[str]) -> float:
    """The FNC-1 weighted score as a fraction of the best possible score."""
    score = best = 0.0
    for g, p in zip(gold, predicted, strict=True):
        best += 1.0 if g in RELATED_STANCES else 0.25
        if (g in RELATED_STANCES) == (p in RELATED_STANCES):
            score += 0.25
        if g == p and g in RELATED_STANCES:
            score += 0.75
    return score / best if best else 0.0


TABLE_HEADER = (
    "| model | bodies | pairs | FNC score | macro-F1 | "
    + " | ".join(f"F1 {s}" for s in STANCES)
    + " |",
    "|---|---|---|---|---|" + "---|" * len(STANCES),
)


def table_row(name: str, pairs: Pairs, predicted: Sequence[str]) -> str:
    """One markdown row: FNC score, macro-F1 and per-class F1 of ``predicted``."""
    f1 = class_f1(pairs.stances, predicted, STANCES)
    cells = [fnc_score(pairs.stances, predicted), sum(f1) / len(f1), *f1]
    return (
        f"| {name} | {len(set(pairs.body_ids))} | {len(pairs.stances)} | "
        + " | ".join(f"{v:.3f}" for v in cells)
        + " |"
    )
