"""Train the stance model (``presslens.models.stance``) on FNC-1, holding out a fifth of the bodies.

``presslens train stance DATA_DIR`` reads ``dev_stances.csv`` and ``dev_bodies.csv``,
keeps the pairs whose body is not in the held-out fold (``datasets.fnc1.split``), fits
the idf on those bodies and headlines, computes ``stance.pair_features``, fits the
word model (logistic regression over the body's TF-IDF stems, on related pairs; the
trees see its out-of-fold probabilities, so they weigh it as it does on unseen bodies)
and fits scikit-learn's HistGradientBoostingClassifier (a training-time tool from the ``dev``
extra) with class weights that lift the rare ``disagree``. The trees are exported as
arrays (``stance.Forest``) into ``resources/models/stance.npz``. The report gives
cross-validated scores on the training bodies (folds grouped by body), never the
held-out ones: ``presslens eval fnc1 DATA_DIR`` scores those.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from pathlib import Path

import numpy as np

from presslens.datasets.fnc1 import FOLDS, Pairs, fold, read_pairs, split
from presslens.errors import InputError, PresslensError
from presslens.evaluate.fnc1_table import TABLE_HEADER, table_row
from presslens.extras import sklearn
from presslens.models.stance import (
    MODEL,
    RELATED_STANCES,
    STANCES,
    Forest,
    Idf,
    StanceModel,
    TermWeights,
    WordModel,
    analyse_body,
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
# The word model: inverse regularisation strength, and its vocabulary (stems of at least
# WORDS_MIN_DF bodies, the WORDS_MAX_TERMS most frequent).
WORDS_C = 1.0
WORDS_MIN_DF = 3
WORDS_MAX_TERMS = 20000


def fit_idf(pairs: Pairs) -> Idf:
    """Idf over the bodies and the distinct headlines of ``pairs``."""
    texts = {pairs.bodies[b] for b in pairs.body_ids} | set(pairs.headlines)
    return Idf.fit([[stem(w) for w in words(t)] for t in texts])


def feature_matrix(pairs: Pairs, idf: Idf) -> np.ndarray:
    """(pairs x pair features), each body analysed once."""
    bodies = {b: analyse_body(pairs.bodies[b], idf) for b in set(pairs.body_ids)}
    return np.array(
        [
            pair_features(h, bodies[b], idf)
            for h, b in zip(pairs.headlines, pairs.body_ids, strict=True)
        ],
        dtype=np.float64,
    )


def _stem_counts(texts: list[str]) -> list[Counter[str]]:
    return [Counter(stem(w) for w in words(t)) for t in texts]


def fit_terms(documents: list[Counter[str]], min_df: int) -> TermWeights:
    """The vocabulary (df >= ``min_df``, at most ``WORDS_MAX_TERMS``) and idf of documents."""
    df = Counter(s for doc in documents for s in doc)
    kept = sorted((s for s, n in df.items() if n >= min_df), key=lambda s: (-df[s], s))
    kept = kept[:WORDS_MAX_TERMS]
    n = len(documents)
    idf = np.array([np.log((1 + n) / (1 + df[s])) + 1.0 for s in kept])
    return TermWeights({s: i for i, s in enumerate(kept)}, idf, np.zeros((len(kept), 0)))


def _tfidf_rows(terms: TermWeights, counts: list[Counter[str]]):
    from scipy.sparse import csr_matrix

    data, columns, pointers = [], [], [0]
    for c in counts:
        cols, values = terms.vector(c)
        columns += cols
        data += values.tolist()
        pointers.append(len(columns))
    return csr_matrix((data, columns, pointers), shape=(len(counts), len(terms.index)))


def _body_counts(pairs: Pairs) -> dict[str, Counter[str]]:
    ids = sorted(set(pairs.body_ids))
    return dict(zip(ids, _stem_counts([pairs.bodies[b] for b in ids]), strict=True))


def fit_word_model(pairs: Pairs) -> WordModel:
    """The word model fitted on the related pairs of ``pairs`` (uniform without two labels
    or without a term frequent enough)."""
    related = pairs.subset([s in RELATED_STANCES for s in pairs.stances])
    bodies = _body_counts(related)
    terms = fit_terms(list(bodies.values()), WORDS_MIN_DF)
    weights = np.zeros((len(terms.index), len(RELATED_STANCES)))
    intercept = np.zeros(len(RELATED_STANCES))
    if len(set(related.stances)) > 1 and len(weights):
        x = _tfidf_rows(terms, [bodies[b] for b in related.body_ids])
        logistic_regression = sklearn("linear_model", "LogisticRegression")
        classifier = logistic_regression(C=WORDS_C, max_iter=2000, class_weight="balanced")
        classifier.fit(x, related.stances)
        coef, bias = classifier.coef_, classifier.intercept_
        if len(classifier.classes_) == 2:  # one column for the second class
            coef, bias = np.vstack((-coef / 2, coef / 2)), np.array((-bias[0] / 2, bias[0] / 2))
        for row, label in enumerate(classifier.classes_):
            weights[:, RELATED_STANCES.index(label)] = coef[row]
            intercept[RELATED_STANCES.index(label)] = bias[row]
        missing = [RELATED_STANCES.index(s) for s in set(RELATED_STANCES) - set(related.stances)]
        intercept[missing] = -30.0
    return WordModel(TermWeights(terms.index, terms.idf, weights), intercept)


def word_features(model: WordModel, pairs: Pairs) -> np.ndarray:
    """(pairs x WORD_FEATURE_NAMES) of ``model``, each body scored once."""
    bodies = {b: model.probabilities(c) for b, c in _body_counts(pairs).items()}
    return np.array([bodies[b] for b in pairs.body_ids]).reshape(-1, len(RELATED_STANCES))


def out_of_fold_word_features(pairs: Pairs) -> np.ndarray:
    """Word features of each pair from a word model fitted on the bodies of the other folds.

    The trees learn from these, so that they weigh the word model as it does on unseen bodies.
    """
    folds = np.array([fold(b) for b in pairs.body_ids])
    if len(set(folds)) < 2:
        return word_features(fit_word_model(pairs), pairs)
    out = np.zeros((len(folds), len(RELATED_STANCES)))
    for k in sorted(set(folds)):
        model = fit_word_model(pairs.subset(folds != k))
        out[folds == k] = word_features(model, pairs.subset(folds == k))
    return out


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
    trees = sklearn("ensemble", "HistGradientBoostingClassifier")
    missing = set(STANCES) - set(pairs.stances)
    if missing:
        raise InputError(f"the training pairs have no {', '.join(sorted(missing))} example")
    idf = fit_idf(pairs)
    x = np.hstack((feature_matrix(pairs, idf), out_of_fold_word_features(pairs)))
    classifier = trees(**(params or PARAMS), random_state=seed, early_stopping=False).fit(
        x, pairs.stances, sample_weight=[CLASS_WEIGHT[s] for s in pairs.stances]
    )
    if tuple(classifier.classes_) != STANCES:
        raise PresslensError(f"unexpected class order {classifier.classes_}")
    return StanceModel(
        idf=idf, words=fit_word_model(pairs), forest=export_forest(classifier), classes=STANCES
    )


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
    path = out or MODEL.path()
    model.save(
        path,
        trained=dt.date.today().isoformat(),
        seed=str(seed),
        params=repr(PARAMS),
        class_weight=repr(CLASS_WEIGHT),
        words=f"C {WORDS_C}, min_df {WORDS_MIN_DF}, max_terms {WORDS_MAX_TERMS}",
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
