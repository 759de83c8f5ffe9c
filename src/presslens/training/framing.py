"""Train the framing token model (``presslens.models.framing``) on SemEval-2020 task 11 PTC.

``presslens train framing DATA_DIR`` parses the training articles of
``evaluate.ptc.split_ids`` (never the held-out ones), labels each token
``loaded_language`` / ``name_calling`` / ``none`` from the gold spans it overlaps,
and fits scikit-learn's multinomial LogisticRegression (a training-time tool only,
from the ``dev`` extra) on the hashed token features. The inverse regularisation C
and the span threshold are chosen by ``FOLDS``-fold cross-validation over the
training articles, on the pooled SI F1 the evaluation reports; the model refitted
on all training articles is written to ``resources/models/framing.npz``.

``--embeddings`` (needs the ``embeddings`` extra) fine-tunes the MiniLM tagger instead:
``presslens.training.framing_tagger``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np
from spacy.tokens import Doc

from presslens import lexicons
from presslens.components.framing import (
    FramingComponent,
    FramingLexicon,
    feature_buckets,
    lexicon_hits,
    token_arrays,
)
from presslens.errors import PresslensError
from presslens.evaluate.ptc import (
    POOLED,
    TECHNIQUE_OF,
    PtcArticle,
    SiCounts,
    merge,
    parsed,
    read_ptc,
    split_ids,
)
from presslens.extras import sklearn
from presslens.models.framing import BITS, CLASSES, MODEL, TokenModel

FOLDS = 3
C_GRID = (0.03, 0.1, 0.3)
THRESHOLDS = tuple(round(0.1 + 0.02 * i, 2) for i in range(11))  # 0.10 .. 0.30
_CLASS_OF = {TECHNIQUE_OF[c]: k for k, c in enumerate(CLASSES) if c in TECHNIQUE_OF}


@dataclass
class Example:
    """One training article: its Doc, attribute arrays, lexicon hits, token features and classes."""

    article: PtcArticle
    doc: Doc
    arrays: np.ndarray
    hits: list[tuple[int, int, str]]
    buckets: np.ndarray
    classes: np.ndarray


def token_classes(doc: Doc, gold: dict[str, list[tuple[int, int]]]) -> np.ndarray:
    """The class of each token: the technique of a pooled gold span it overlaps (name-calling
    wins over loaded language), else none."""
    classes = np.zeros(len(doc), dtype=np.int64)
    starts = np.array([t.idx for t in doc])
    ends = starts + np.array([len(t) for t in doc])
    for technique in POOLED:  # later techniques overwrite earlier ones
        for s, e in gold.get(technique, []):
            classes[(starts < e) & (ends > s)] = _CLASS_OF[technique]
    return classes


def examples(articles: list[PtcArticle], model: str | None) -> list[Example]:
    lexicon = lexicons.lexicon(FramingLexicon)
    out = []
    docs = parsed(articles, model, disable=("presslens_framing",))
    for art, doc in zip(articles, docs, strict=True):
        arrays = token_arrays(doc)
        hits = lexicon_hits(lexicon, arrays)
        buckets = feature_buckets(arrays, hits)
        out.append(Example(art, doc, arrays, hits, buckets, token_classes(doc, art.gold)))
    return out


def design_matrix(items: list[Example]):
    """Sparse (tokens x used buckets) binary feature matrix, the buckets of its columns, and
    the token classes."""
    from scipy.sparse import csr_matrix

    buckets = np.concatenate([ex.buckets for ex in items])
    indices = buckets.ravel()
    indptr = np.arange(0, len(indices) + 1, buckets.shape[1])
    columns, compact = np.unique(indices, return_inverse=True)
    x = csr_matrix(
        (np.ones(len(indices)), compact, indptr),
        shape=(len(buckets), len(columns)),
    )
    x.sum_duplicates()
    x.data[:] = 1.0
    return x, columns, np.concatenate([ex.classes for ex in items])


def fit(items: list[Example], c: float) -> TokenModel:
    x, columns, y = design_matrix(items)
    lr = sklearn("linear_model", "LogisticRegression")(C=c, max_iter=300).fit(x, y)
    if list(lr.classes_) != list(range(len(CLASSES))):
        raise PresslensError(
            "the training articles must hold both loaded language and name-calling"
        )
    weights = np.zeros((1 << BITS, len(CLASSES)), dtype=np.float32)
    weights[columns] = lr.coef_.T
    return TokenModel(weights, lr.intercept_.astype(np.float32), 0.5)


def pooled_counts(
    probabilities: list[np.ndarray],
    items: list[Example],
    thresholds: tuple[float, ...] = THRESHOLDS,
) -> dict[float, SiCounts]:
    """Pooled SI counts of the framing layer at each of ``thresholds``, for token class
    ``probabilities`` of each of ``items``."""
    counts = {t: SiCounts() for t in thresholds}
    for ex, probs in zip(items, probabilities, strict=True):
        gold = merge(s for t in POOLED for s in ex.article.gold.get(t, []))
        for t in thresholds:
            found = FramingComponent.framing(ex.doc, ex.arrays, ex.hits, probs, t)
            pred = merge((f.start, f.end) for f in found if TECHNIQUE_OF.get(f.category) in POOLED)
            counts[t].add(pred, gold)
    return counts


def folds(items: list[Example]) -> list[tuple[list[int], list[int]]]:
    """``(training, held)`` indices of each cross-validation fold."""
    return [
        (
            [i for i in range(len(items)) if i % FOLDS != k],
            [i for i in range(len(items)) if i % FOLDS == k],
        )
        for k in range(FOLDS)
    ]


def train(
    data_dir: Path,
    out: Path | None = None,
    model: str | None = None,
    limit: int | None = None,
    embeddings: bool = False,
) -> str:
    """Cross-validate C and the threshold on the training articles, refit, write the model
    (with ``embeddings``: the MiniLM tagger instead)."""
    articles = read_ptc(data_dir)
    train_ids, _ = split_ids(a.id for a in articles)
    keep = set(train_ids[:limit] if limit else train_ids)
    items = examples([a for a in articles if a.id in keep], model)
    if embeddings:
        from presslens.training.framing_tagger import train_tagger

        return train_tagger(items, out)
    return train_on(items, out)


def train_on(items: list[Example], out: Path | None = None) -> str:
    """``train`` on parsed articles."""
    lines = [f"{len(items)} training articles, {FOLDS}-fold CV; pooled SI F1 (P/R) by C, threshold"]
    best = (-1.0, C_GRID[0], THRESHOLDS[0])
    for c in C_GRID:
        totals = {t: SiCounts() for t in THRESHOLDS}
        for rows, held_rows in folds(items):
            fold_model = fit([items[i] for i in rows], c)
            held = [items[i] for i in held_rows]
            probs = [fold_model.probabilities(ex.buckets) for ex in held]
            for t, counts in pooled_counts(probs, held).items():
                totals[t].add_counts(counts)
        for t, total in totals.items():
            p, r, f1 = total.scores()
            lines.append(f"C={c} t={t:.2f}: F1 {f1:.3f} (P {p:.3f} R {r:.3f})")
            best = max(best, (f1, c, t))
    f1, c, t = best
    final = fit(items, c)
    final = TokenModel(final.weights, final.bias, t)
    path = out or MODEL.path()
    final.save(path, c)
    lines.append(f"best: C={c}, threshold={t:.2f}, CV F1 {f1:.3f}; wrote {path}")
    return "\n".join(lines)
