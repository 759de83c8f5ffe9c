"""Headline-vs-body stance on FNC-1: presslens against the official FNC-1 baseline.

Layout (read by path, never copied): ``DATA_DIR/dev_stances.csv`` (Headline, Body ID,
Stance) and ``DATA_DIR/dev_bodies.csv`` (Body ID, articleBody). Bodies are split by
``fold(body_id)`` (crc32 of the id modulo ``FOLDS``): the shipped model is trained on
every fold but ``HELD_OUT_FOLD`` and scored on that one, so no held-out body was seen
in training (a headline may be: FNC-1 pairs one claim with several bodies).

Scores: the FNC-1 weighted score as a fraction of the best possible (0.25 for each
pair whose related/unrelated status is right, 0.75 more for the exact label of a
related pair), macro-F1 over the four labels, per-class F1 and the confusion matrix.
The baseline reimplements github.com/FakeNewsChallenge/fnc-1-baseline (word overlap,
refuting words, polarity, hand features; GradientBoostingClassifier with 200 trees)
without its WordNet lemmatiser (plain lower-cased words), trained on the same bodies.
"""

from __future__ import annotations

import csv
import re
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from presslens.errors import InputError, PresslensError
from presslens.models.stance import STANCES, StanceModel, load_stance_model

FOLDS = 5
HELD_OUT_FOLD = 0
RELATED = frozenset(("agree", "disagree", "discuss"))


@dataclass(frozen=True)
class Pairs:
    """Headline/body pairs with their gold stance, and the bodies by id."""

    headlines: list[str]
    body_ids: list[str]
    stances: list[str]
    bodies: dict[str, str]

    def subset(self, keep: Sequence[bool]) -> Pairs:
        rows = [i for i, k in enumerate(keep) if k]
        return Pairs(
            [self.headlines[i] for i in rows],
            [self.body_ids[i] for i in rows],
            [self.stances[i] for i in rows],
            self.bodies,
        )


def fold(body_id: str) -> int:
    """The fold of a body: stable across runs, platforms and data order."""
    return zlib.crc32(body_id.strip().encode("utf-8")) % FOLDS


def read_pairs(data_dir: Path) -> Pairs:
    """``dev_stances.csv`` and ``dev_bodies.csv`` of ``data_dir``."""
    stances_path, bodies_path = (
        Path(data_dir) / "dev_stances.csv",
        Path(data_dir) / "dev_bodies.csv",
    )
    for path in (stances_path, bodies_path):
        if not path.is_file():
            raise InputError(
                f"{path} not found: DATA_DIR must hold dev_stances.csv (Headline, Body ID, "
                "Stance) and dev_bodies.csv (Body ID, articleBody) of FNC-1"
            )
    with bodies_path.open(encoding="utf-8", newline="") as f:
        bodies = {row["Body ID"].strip(): row["articleBody"] for row in csv.DictReader(f)}
    headlines, body_ids, stances = [], [], []
    with stances_path.open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            stance = row["Stance"].strip().lower()
            if stance not in STANCES:
                raise InputError(f"{stances_path}: unknown stance {row['Stance']!r}")
            if row["Body ID"].strip() not in bodies:
                raise InputError(f"{stances_path}: body {row['Body ID']} not in {bodies_path}")
            headlines.append(row["Headline"])
            body_ids.append(row["Body ID"].strip())
            stances.append(stance)
    return Pairs(headlines, body_ids, stances, bodies)


def split(pairs: Pairs) -> tuple[Pairs, Pairs]:
    """(training pairs, held-out pairs), by the fold of their body."""
    held = [fold(b) == HELD_OUT_FOLD for b in pairs.body_ids]
    return pairs.subset([not h for h in held]), pairs.subset(held)


def fnc_score(gold: Sequence[str], predicted: Sequence[str]) -> float:
    """The FNC-1 weighted score as a fraction of the best possible score."""
    score = best = 0.0
    for g, p in zip(gold, predicted, strict=True):
        best += 1.0 if g in RELATED else 0.25
        if (g in RELATED) == (p in RELATED):
            score += 0.25
        if g == p and g in RELATED:
            score += 0.75
    return score / best if best else 0.0


def confusion(gold: Sequence[str], predicted: Sequence[str]) -> list[list[int]]:
    """Counts, rows gold and columns predicted, in the order of ``STANCES``."""
    index = {s: i for i, s in enumerate(STANCES)}
    matrix = [[0] * len(STANCES) for _ in STANCES]
    for g, p in zip(gold, predicted, strict=True):
        matrix[index[g]][index[p]] += 1
    return matrix


def class_f1(gold: Sequence[str], predicted: Sequence[str]) -> list[float]:
    """F1 of each of ``STANCES``."""
    matrix = confusion(gold, predicted)
    scores = []
    for i in range(len(STANCES)):
        tp = matrix[i][i]
        n_gold, n_pred = sum(matrix[i]), sum(row[i] for row in matrix)
        scores.append(2 * tp / (n_gold + n_pred) if n_gold + n_pred else 0.0)
    return scores


TABLE_HEADER = (
    "| model | bodies | pairs | FNC score | macro-F1 | "
    + " | ".join(f"F1 {s}" for s in STANCES)
    + " |",
    "|---|---|---|---|---|" + "---|" * len(STANCES),
)


def table_row(name: str, pairs: Pairs, predicted: Sequence[str]) -> str:
    """One markdown row: FNC score, macro-F1 and per-class F1 of ``predicted``."""
    f1 = class_f1(pairs.stances, predicted)
    cells = [fnc_score(pairs.stances, predicted), sum(f1) / len(f1), *f1]
    return (
        f"| {name} | {len(set(pairs.body_ids))} | {len(pairs.stances)} | "
        + " | ".join(f"{v:.3f}" for v in cells)
        + " |"
    )


def confusion_table(name: str, gold: Sequence[str], predicted: Sequence[str]) -> list[str]:
    """The confusion matrix as a small markdown table (rows gold, columns predicted)."""
    lines = [
        f"{name}: rows gold, columns predicted",
        "",
        "| gold \\ predicted | " + " | ".join(STANCES) + " |",
        "|---|" + "---|" * len(STANCES),
    ]
    for stance, row in zip(STANCES, confusion(gold, predicted), strict=True):
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
    try:
        from sklearn.ensemble import GradientBoostingClassifier
    except ImportError as exc:
        raise PresslensError(
            "the baseline needs scikit-learn: pip install 'presslens[dev]'"
        ) from exc

    def matrix(pairs: Pairs) -> list[list[float]]:
        return [
            baseline_features(h, pairs.bodies[b])
            for h, b in zip(pairs.headlines, pairs.body_ids, strict=True)
        ]

    model = GradientBoostingClassifier(n_estimators=200, random_state=14128)
    model.fit(matrix(train), train.stances)
    return model.predict(matrix(test)).tolist()


def run(
    data_dir: Path,
    model: StanceModel | None = None,
    baseline: bool = True,
    cross_validate: bool = True,
) -> str:
    """Score ``model`` (the shipped one by default) on the held-out bodies; a markdown report."""
    from presslens.training.stance import cross_validated_predictions, predict_pairs

    model = model or load_stance_model()
    pairs = read_pairs(data_dir)
    train, held_out = split(pairs)
    predicted = predict_pairs(model, held_out)
    rows = [
        table_row("presslens (resources/stance_model.npz), held-out bodies", held_out, predicted)
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
