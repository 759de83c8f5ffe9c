"""Train the stance model (``presslens.stance``) on FNC-1, holding out a fifth of the bodies.

``presslens train stance DATA_DIR`` reads ``dev_stances.csv`` and ``dev_bodies.csv``,
keeps the pairs whose body is not in the held-out fold (``evaluate.fnc1.split``), fits
the idf on those bodies and headlines, computes ``stance.pair_features`` and fits
scikit-learn's HistGradientBoostingClassifier (a training-time tool from the ``dev``
extra) with class weights that lift the rare ``disagree``. The trees are exported as
arrays (``stance.Forest``) into ``resources/stance_model.npz``. The report gives
cross-validated scores on the training bodies (folds grouped by body), never the
held-out ones: ``presslens eval fnc1 DATA_DIR`` scores those.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import numpy as np

from presslens.errors import InputError, PresslensError
from presslens.evaluate.fnc1 import (
    FOLDS,
    TABLE_HEADER,
    Pairs,
    fold,
    read_pairs,
    split,
    table_row,
)
from presslens.stance import (
    STANCES,
    Forest,
    Idf,
    StanceModel,
    analyse_body,
    model_path,
    pair_features,
    stem,
    words,
)

# Tuned by grouped cross-validation on the training bodies only.
PARAMS = {
    "learning_rate": 0.1,
    "max_iter": 150,
    "max_leaf_nodes": 15,
    "min_samples_leaf": 40,
    "l2_regularization": 3.0,
}
CLASS_WEIGHT = {"agree": 2.0, "disagree": 4.0, "discuss": 1.5, "unrelated": 1.0}


def fit_idf(pairs: Pairs) -> Idf:
    """Idf over the bodies and the distinct headlines of ``pairs``."""
    texts = {pairs.bodies[b] for b in pairs.body_ids} | set(pairs.headlines)
    return Idf.fit([[stem(w) for w in words(t)] for t in texts])


def feature_matrix(pairs: Pairs, idf: Idf) -> np.ndarray:
    """(pairs x features), each body analysed once."""
    bodies = {b: analyse_body(pairs.bodies[b], idf) for b in set(pairs.body_ids)}
    return np.array(
        [
            pair_features(h, bodies[b], idf)
            for h, b in zip(pairs.headlines, pairs.body_ids, strict=True)
        ],
        dtype=np.float64,
    )


def export_forest(classifier) -> Forest:
    """The trees of a fitted multi-class HistGradientBoostingClassifier as padded arrays."""
    trees = [tree.nodes for iteration in classifier._predictors for tree in iteration]
    per_iteration = len(classifier._predictors[0])
    width = max(len(t) for t in trees)
    shape = (len(trees), width)
    feature, left, right = (np.zeros(shape, dtype=np.int64) for _ in range(3))
    threshold, value = np.zeros(shape), np.zeros(shape)
    for i, nodes in enumerate(trees):
        n = len(nodes)
        leaf = nodes["is_leaf"].astype(bool)
        own = np.arange(n)
        feature[i, :n] = np.where(leaf, 0, nodes["feature_idx"])
        threshold[i, :n] = np.where(leaf, np.inf, nodes["num_threshold"])
        left[i, :n] = np.where(leaf, own, nodes["left"])
        right[i, :n] = np.where(leaf, own, nodes["right"])
        value[i, :n] = nodes["value"]
    return Forest(
        feature=feature,
        threshold=threshold,
        left=left,
        right=right,
        value=value,
        tree_class=np.tile(np.arange(per_iteration), len(classifier._predictors)),
        baseline=np.asarray(classifier._baseline_prediction, dtype=np.float64).ravel(),
        depth=int(max(t["depth"].max() for t in trees)),
    )


def fit_model(pairs: Pairs, seed: int = 0, params: dict | None = None) -> StanceModel:
    """Idf, features and trees fitted on ``pairs``."""
    try:
        from sklearn.ensemble import HistGradientBoostingClassifier
    except ImportError as exc:
        raise PresslensError("training needs scikit-learn: pip install 'presslens[dev]'") from exc
    missing = set(STANCES) - set(pairs.stances)
    if missing:
        raise InputError(f"the training pairs have no {', '.join(sorted(missing))} example")
    idf = fit_idf(pairs)
    classifier = HistGradientBoostingClassifier(
        **(params or PARAMS), random_state=seed, early_stopping=False
    ).fit(
        feature_matrix(pairs, idf),
        pairs.stances,
        sample_weight=[CLASS_WEIGHT[s] for s in pairs.stances],
    )
    if tuple(classifier.classes_) != STANCES:
        raise PresslensError(f"unexpected class order {classifier.classes_}")
    return StanceModel(idf=idf, forest=export_forest(classifier), classes=STANCES)


def predict_pairs(model: StanceModel, pairs: Pairs) -> list[str]:
    """The model's label for each pair."""
    bodies = {b: analyse_body(pairs.bodies[b], model.idf) for b in set(pairs.body_ids)}
    predicted = []
    for h, b in zip(pairs.headlines, pairs.body_ids, strict=True):
        probs = model.probabilities(h, bodies[b])
        predicted.append(max(probs, key=probs.__getitem__))
    return predicted


def cross_validated_predictions(
    pairs: Pairs, seed: int = 0, params: dict | None = None
) -> list[str]:
    """Each pair labelled by a model fitted on the bodies of the other folds."""
    folds = [fold(b) for b in pairs.body_ids]
    predicted = [""] * len(folds)
    for k in sorted(set(folds)):
        model = fit_model(pairs.subset([f != k for f in folds]), seed=seed, params=params)
        rows = [i for i, f in enumerate(folds) if f == k]
        labels = predict_pairs(model, pairs.subset([f == k for f in folds]))
        for i, label in zip(rows, labels, strict=True):
            predicted[i] = label
    return predicted


def train(data_dir: Path, out: Path | None = None, seed: int = 0, cv: bool = True) -> str:
    """Fit on the training bodies of DATA_DIR, write the weights; a markdown report."""
    training, held_out = split(read_pairs(data_dir))
    model = fit_model(training, seed=seed)
    path = out or model_path()
    model.save(
        path,
        trained=dt.date.today().isoformat(),
        seed=str(seed),
        params=repr(PARAMS),
        class_weight=repr(CLASS_WEIGHT),
    )
    lines = [
        f"wrote {path} ({path.stat().st_size / 1e6:.2f} MB): trained on "
        f"{len(set(training.body_ids))} bodies ({len(training.stances)} pairs); "
        f"{len(set(held_out.body_ids))} bodies held out for `presslens eval fnc1`",
    ]
    if cv:
        predicted = cross_validated_predictions(training, seed=seed)
        lines += [
            "",
            *TABLE_HEADER,
            table_row(f"presslens, CV over the {FOLDS - 1} training folds", training, predicted),
        ]
    return "\n".join(lines)
