"""Headline-vs-body stance on FNC-1: presslens against the official FNC-1 baseline.

Pairs and the held-out bodies from ``presslens.datasets.fnc1``: the shipped model is
trained on every fold but the held-out one and scored on that one.

Scores: the rows of ``presslens.evaluate.fnc1_table`` (FNC-1 weighted score, macro-F1,
per-class F1) and the confusion matrix. The baseline reimplements
github.com/FakeNewsChallenge/fnc-1-baseline (word overlap, refuting words, polarity,
hand features; GradientBoostingClassifier with 200 trees) without its WordNet
lemmatiser (plain lower-cased words), trained on the same bodies.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

from presslens.datasets.fnc1 import FOLDS, HELD_OUT_FOLD, Pairs, read_pairs, split
from presslens.evaluate.fnc1_table import TABLE_HEADER, table_row
from presslens.evaluate.metrics import confusion_matrix
from presslens.extras import sklearn
from presslens.models.stance import STANCES, StanceModel, load_stance_model
from presslens.training.stance import cross_validated_predictions, predict_pairs


def confusion_table(name: str, gold: Sequence[str], predicted: Sequence[str]) -> list[str]:
    """The confusion matrix as a small markdown table (rows gold, columns predicted)."""
    lines = [
        f"{name}: rows gold, columns predicted",
        "",
        "| gold \\ predicted | " + " | ".join(STANCES) + " |",
        "|---|" + "---|" * len(STANCES),
    ]
    for stance, row in zip(STANCES, confusion_matrix(gold, predicted, STANCES), strict=True):
        lines.append(f"| {stance} | " + " | ".join(str(n) for n in row) + " |")
    return [*lines, ""]


# --- the official FNC-1 baseline, reimplemented --------------------------------------------

BASELINE_REFUTING = (
    "fake",
    "fraud",
    "hoax",
    "false",
    "deny",
    "denies",
    "not",
    "despite",
    "nope",
    "doubt",
    "doubts",
    "bogus",
    "debunk",
    "pranks",
    "retract",
)
_BASELINE_WORD = re.compile(r"\w+", re.UNICODE)


def _clean(text: str) -> str:
    return " ".join(_BASELINE_WORD.findall(text)).lower()


def _hits(grams: list[str], body: str) -> list[int]:
    return [
        sum(g in body for g in grams),
        sum(g in body[:255] for g in grams),
        sum(g in body[:100] for g in grams),
    ]


def baseline_features(headline: str, body: str) -> list[float]:
    """The features of fnc-1-baseline's feature_engineering.py for one pair."""
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    h, b = _clean(headline), _clean(body)
    h_words, b_words = h.split(), b.split()
    h_set, b_set = set(h_words), set(b_words)
    overlap = [len(h_set & b_set) / len(h_set | b_set) if h_set | b_set else 0.0]
    refuting = [float(w in h_set) for w in BASELINE_REFUTING]
    polarity = [
        sum(w in BASELINE_REFUTING for w in h_words) % 2,
        sum(w in BASELINE_REFUTING for w in b_words) % 2,
    ]
    h_content = [w for w in h_words if w not in ENGLISH_STOP_WORDS]
    hand = [
        sum(w in b for w in h_words),
        sum(w in b[:255] for w in h_words),
        sum(w in b for w in h_content),
        sum(w in b[:255] for w in h_content),
    ]
    joined = " ".join(h_content)
    for size in (2, 8, 4, 16):  # character grams, spaced out as upstream does
        grams = [" ".join(joined[i : i + size]) for i in range(len(joined) - size + 1)]
        hand += _hits(grams, b)
    for size in (2, 3, 4, 5, 6):
        grams = [" ".join(h_words[i : i + size]) for i in range(len(h_words) - size + 1)]
        hand += _hits(grams, b)
    return [*overlap, *refuting, *polarity, *hand]


def baseline_predictions(train: Pairs, test: Pairs) -> list[str]:
    """Fit the baseline (GradientBoostingClassifier, 200 trees) on ``train``; labels of ``test``."""
    gradient_boosting = sklearn("ensemble", "GradientBoostingClassifier", "the baseline")

    def matrix(pairs: Pairs) -> list[list[float]]:
        return [
            baseline_features(h, pairs.bodies[b])
            for h, b in zip(pairs.headlines, pairs.body_ids, strict=True)
        ]

    model = gradient_boosting(n_estimators=200, random_state=14128)
    model.fit(matrix(train), train.stances)
    return model.predict(matrix(test)).tolist()


def run(
    data_dir: Path,
    model: StanceModel | None = None,
    baseline: bool = True,
    cross_validate: bool = True,
) -> str:
    """Score ``model`` (the shipped one by default) on the held-out bodies; a markdown report."""
    model = model or load_stance_model()
    pairs = read_pairs(data_dir)
    train, held_out = split(pairs)
    predicted = predict_pairs(model, held_out)
    rows = [
        table_row("presslens (resources/models/stance.npz), held-out bodies", held_out, predicted)
    ]
    confusions = confusion_table("presslens, held-out bodies", held_out.stances, predicted)
    if baseline:
        base = baseline_predictions(train, held_out)
        rows.append(table_row("baseline: FNC-1 official features + GBDT, held-out", held_out, base))
        confusions += confusion_table("baseline, held-out bodies", held_out.stances, base)
    if cross_validate:
        cv = cross_validated_predictions(pairs)
        rows.append(table_row(f"presslens, {FOLDS}-fold CV grouped by body (all)", pairs, cv))
    header = [
        f"FNC-1 ({Path(data_dir).name}): {len(pairs.stances)} pairs, {len(pairs.bodies)} bodies; "
        f"held out: bodies with crc32(Body ID) % {FOLDS} == {HELD_OUT_FOLD} "
        f"({len(set(held_out.body_ids))} bodies, {len(held_out.stances)} pairs), "
        "never seen in training",
        "",
        *TABLE_HEADER,
    ]
    return "\n".join(header + rows + [""] + confusions).rstrip() + "\n"
