"""Stance of a body towards a headline: agree, disagree, discuss or unrelated (FNC-1).

Features (``pair_features``; their names are ``PAIR_FEATURE_NAMES``) compare the
headline with the body: word overlap, headline words, word n-grams and character
n-grams found in the body and in its lead (first ``LEAD_CHARS`` characters),
TF-IDF cosine with the body, its lead and its most similar sentences, BM25,
idf-weighted coverage of the headline, and counts of refuting, hedging,
reporting, supporting and negating cues (``resources/lexicons/stance/lexicons.json``) in
the headline, the body and the sentences closest to the headline. A word model
(``WordModel``, logistic regression over the body's TF-IDF stems) adds how the
body's words lean among agree, disagree and discuss. A gradient-boosted tree
ensemble over all ``FEATURE_NAMES``, trained by ``presslens train stance``
(scikit-learn at training time only), is shipped as ``resources/models/stance.npz``
with the idf of its vocabulary and the word model's weights, and evaluated here
in numpy: a prediction costs a few milliseconds.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path

import numpy as np
from spacy.lang.en.stop_words import STOP_WORDS

from presslens.errors import ModelFileError
from presslens.lexicons import lexicon, load_json
from presslens.models.loader import ShippedModel
from presslens.models.softmax import softmax
from presslens.text.words import APOSTROPHES as _APOSTROPHES
from presslens.text.words import WORD as _WORD

STANCES = ("agree", "disagree", "discuss", "unrelated")
LEAD_CHARS = 255
CHAR_NGRAMS = (2, 4, 8, 16)
WORD_NGRAMS = (2, 3, 4, 5, 6)
TOP_SENTENCES = 3
NEGATION_WINDOW = 4
BM25_K1, BM25_B, BM25_AVG_LEN = 1.2, 0.75, 400.0

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")


@lru_cache(maxsize=1 << 16)
def stem(word: str) -> str:
    """A light suffix-stripping stem: 'denies' -> 'deni', 'reported' -> 'report'."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "i"
    for suffix, shortest in (("ing", 6), ("ed", 5), ("es", 5), ("ly", 5), ("s", 4)):
        if len(word) >= shortest and word.endswith(suffix) and not word.endswith("ss"):
            return word[: -len(suffix)]
    return word


def words(text: str) -> list[str]:
    """Lower-cased words (digits kept, apostrophes inside words kept)."""
    return _WORD.findall(text.lower().translate(_APOSTROPHES))


@dataclass(frozen=True)
class Lexicon:
    """One cue list: single words, and phrases matched in the space-joined words."""

    words: frozenset[str]
    phrases: tuple[str, ...]

    def count(self, tokens: list[str]) -> int:
        n = sum(1 for t in tokens if t in self.words)
        if self.phrases:
            joined = f" {' '.join(tokens)} "
            n += sum(joined.count(f" {p} ") for p in self.phrases)
        return n


@dataclass(frozen=True)
class CueLists:
    """The cue lists of ``resources/lexicons/stance/lexicons.json`` by name."""

    lists: dict[str, Lexicon]

    def __getitem__(self, name: str) -> Lexicon:
        return self.lists[name]

    @classmethod
    def load(cls) -> CueLists:
        data = load_json("stance", "lexicons.json")
        return cls(
            {
                name: Lexicon(
                    frozenset(w for w in entries if " " not in w),
                    tuple(w for w in entries if " " in w),
                )
                for name, entries in data.items()
                if not name.startswith("_")
            }
        )


LEXICON_NAMES = ("refute", "hedge", "report", "support", "negation")


@dataclass
class Body:
    """A body analysed once, to be compared with any number of headlines.

    Headline n-grams are looked up as substrings: a word n-gram as `` a b `` in the
    space-padded stems, a character n-gram in the space-joined words.
    """

    lower: str
    lead: str
    tokens: list[str]
    stems: list[str]
    stem_set: frozenset[str]
    lead_stems: frozenset[str]
    padded_stems: str  # " stem stem ... " of the body, then of its lead
    lead_padded_stems: str
    joined: str  # the space-joined words of the body, then of its lead
    lead_joined: str
    sentences: list[list[str]]  # words of each sentence
    sentence_stems: list[Counter[str]]
    counts: Counter[str]
    negated: frozenset[int]  # token positions within NEGATION_WINDOW of a negation cue
    refuted: frozenset[int]  # token positions within NEGATION_WINDOW of a refuting cue
    vocabulary: dict[str, int]  # column of each stem of the body or its lead in the vectors
    vectors: TfIdfRows  # TF-IDF rows (L2-normalised): the body, its lead, then each sentence
    cues: list[float]  # lexicon cues per 100 words of the body, then counts in the lead


class Idf:
    """Inverse document frequency of stems, with a default for unseen ones."""

    def __init__(self, vocabulary: list[str], values: np.ndarray, unseen: float) -> None:
        self.table = dict(zip(vocabulary, values.astype(float).tolist(), strict=True))
        self.unseen = unseen

    @classmethod
    def fit(cls, documents: list[list[str]]) -> Idf:
        """Smoothed idf ``ln((1 + n) / (1 + df)) + 1`` over documents given as stem lists."""
        df = Counter(s for doc in documents for s in set(doc))
        n = len(documents)
        vocabulary = sorted(df)
        values = np.array([math.log((1 + n) / (1 + df[s])) + 1.0 for s in vocabulary])
        return cls(vocabulary, values, math.log(1 + n) + 1.0)

    def __getitem__(self, stem_: str) -> float:
        return self.table.get(stem_, self.unseen)

    def vector(self, counts: Counter[str]) -> dict[str, float]:
        """Sublinear tf times idf, L2-normalised."""
        v = {s: (1.0 + math.log(c)) * self[s] for s, c in counts.items()}
        norm = math.sqrt(sum(x * x for x in v.values())) or 1.0
        return {s: x / norm for s, x in v.items()}

    def rows(self, rows: list[list[str]], vocabulary: dict[str, int]) -> TfIdfRows:
        """Sublinear tf times idf of each row of stems, L2-normalised."""
        weights = np.array([self[s] for s in vocabulary])
        columns, values = [], []
        for row in rows:
            counts = Counter(vocabulary[s] for s in row)
            cols = np.array(sorted(counts), dtype=np.intp)
            tf = np.array([counts[c] for c in cols], dtype=float)
            x = (1.0 + np.log(tf)) * weights[cols]
            norm = np.linalg.norm(x)
            columns.append(cols)
            values.append(x / norm if norm > 0 else x)
        return TfIdfRows(columns, values)


@dataclass(frozen=True)
class TfIdfRows:
    """TF-IDF rows kept sparse (columns and values of each): a long body has thousands of
    sentences and of stems, too many cells for a dense matrix."""

    columns: list[np.ndarray]
    values: list[np.ndarray]

    def __matmul__(self, vector: np.ndarray) -> np.ndarray:
        """Each row's dot product with a dense ``vector`` over the same columns."""
        return np.array([x @ vector[c] for c, x in zip(self.columns, self.values, strict=True)])


def _padded(stems: list[str]) -> str:
    return f" {' '.join(stems)} "


def _ngrams(stems: list[str]) -> set[str]:
    """The WORD_NGRAMS of ``stems`` as space-padded strings (as found in ``_padded``)."""
    return {_padded(stems[i : i + n]) for n in WORD_NGRAMS for i in range(len(stems) - n + 1)}


def _char_grams(text: str, n: int) -> set[str]:
    return {text[i : i + n] for i in range(len(text) - n + 1)}


def analyse_body(body: str, idf: Idf) -> Body:
    """Words, stems, sentences, n-grams, TF-IDF vectors and cue counts of a body."""
    lex = lexicon(CueLists)
    lower = body.lower().translate(_APOSTROPHES)
    tokens = _WORD.findall(lower)
    stems = [stem(t) for t in tokens]
    lead = lower[:LEAD_CHARS]
    lead_tokens = _WORD.findall(lead)
    lead_stems = [stem(t) for t in lead_tokens]
    sentences = [s for s in (_WORD.findall(p) for p in _SENTENCE_END.split(lower)) if s]
    sentence_stem_lists = [[stem(t) for t in s] for s in sentences]
    vocabulary = {s: i for i, s in enumerate(dict.fromkeys(stems + lead_stems))}
    near = {"negation": set(), "refute": set()}
    for i, t in enumerate(tokens):
        for name, positions in near.items():
            if t in lex[name].words:
                positions.update(range(max(0, i - NEGATION_WINDOW), i + NEGATION_WINDOW + 1))
    counts = Counter(stems)
    return Body(
        lower=lower,
        lead=lead,
        tokens=tokens,
        stems=stems,
        stem_set=frozenset(stems),
        lead_stems=frozenset(lead_stems),
        padded_stems=_padded(stems),
        lead_padded_stems=_padded(lead_stems),
        joined=" ".join(tokens),
        lead_joined=" ".join(lead_tokens),
        sentences=sentences,
        sentence_stems=[Counter(s) for s in sentence_stem_lists],
        counts=counts,
        negated=frozenset(near["negation"]),
        refuted=frozenset(near["refute"]),
        vocabulary=vocabulary,
        vectors=idf.rows([stems, lead_stems, *sentence_stem_lists], vocabulary),
        cues=[
            *(100.0 * _fraction(lex[n].count(tokens), len(tokens)) for n in LEXICON_NAMES),
            *(float(lex[n].count(lead_tokens)) for n in LEXICON_NAMES),
        ],
    )


def _fraction(part: float, whole: float) -> float:
    return part / whole if whole else 0.0


PAIR_FEATURE_NAMES: tuple[str, ...] = (
    "jaccard",
    "headline_words",
    "body_words_log",
    "body_sentences_log",
    "headline_question",
    "headline_quote",
    "words_in_body",
    "words_in_lead",
    "content_in_body",
    "content_in_lead",
    "content_in_body_count",
    "content_in_lead_count",
    *(f"chars{n}_in_{where}" for n in CHAR_NGRAMS for where in ("body", "lead")),
    "ngrams_in_body",
    "ngrams_in_lead",
    "ngrams_in_body_count",
    "cosine_body",
    "cosine_lead",
    "cosine_best_sentence",
    "cosine_top_sentences",
    "best_sentence_position",
    "idf_coverage_body",
    "idf_coverage_lead",
    "idf_coverage_best_sentence",
    "max_missing_idf",
    "bm25",
    "negated_matches",
    "negated_matches_count",
    "refuted_matches",
    "refuted_matches_count",
    "refute_top_sentences_density",
    "refute_polarity_headline",
    "refute_polarity_body",
    *(f"{name}_headline" for name in LEXICON_NAMES),
    *(f"{name}_top_sentences" for name in LEXICON_NAMES),
    *(f"{name}_body" for name in LEXICON_NAMES),
    *(f"{name}_lead" for name in LEXICON_NAMES),
    "body_question_marks",
)
RELATED_STANCES = STANCES[:3]
WORD_FEATURE_NAMES = tuple(f"words_{s}" for s in RELATED_STANCES)
FEATURE_NAMES = PAIR_FEATURE_NAMES + WORD_FEATURE_NAMES


def pair_features(headline: str, body: Body, idf: Idf) -> list[float]:
    """The feature values of (headline, body), in the order of ``PAIR_FEATURE_NAMES``."""
    lex = lexicon(CueLists)
    h_tokens = words(headline)
    h_stems = [stem(t) for t in h_tokens]
    h_content = [s for t, s in zip(h_tokens, h_stems, strict=True) if t not in STOP_WORDS]
    h_set, content_set = set(h_stems), set(h_content)
    n_h = len(h_stems)
    union = h_set | body.stem_set

    h_lower = " ".join(h_tokens)
    char_features: list[float] = []
    for n in CHAR_NGRAMS:
        grams = _char_grams(h_lower, n)
        char_features.append(_fraction(sum(g in body.joined for g in grams), len(grams)))
        char_features.append(_fraction(sum(g in body.lead_joined for g in grams), len(grams)))
    h_ngrams = _ngrams(h_stems)
    ngrams_in_body = sum(g in body.padded_stems for g in h_ngrams)

    h_vec = np.zeros(len(body.vocabulary))
    for s, x in idf.vector(Counter(h_stems)).items():
        if s in body.vocabulary:
            h_vec[body.vocabulary[s]] = x
    cosines = body.vectors @ h_vec
    sentence_cos = cosines[2:].tolist() or [0.0]
    order = np.argsort(sentence_cos)[::-1][:TOP_SENTENCES]
    best = int(order[0])
    top_tokens = [t for i in order if i < len(body.sentences) for t in body.sentences[i]]
    best_stems = body.sentence_stems[best] if body.sentence_stems else Counter()

    content_idf = sum(idf[s] for s in content_set)
    missing = [idf[s] for s in content_set if s not in body.stem_set]
    length_norm = BM25_K1 * (1 - BM25_B + BM25_B * len(body.stems) / BM25_AVG_LEN)
    bm25 = sum(
        idf[s] * body.counts[s] * (BM25_K1 + 1) / (body.counts[s] + length_norm)
        for s in content_set
    )
    matched_positions = [i for i, s in enumerate(body.stems) if s in content_set]
    negated = len(body.negated.intersection(matched_positions))
    refuted = len(body.refuted.intersection(matched_positions))

    refute_h = lex["refute"].count(h_tokens)
    return [
        _fraction(len(h_set & body.stem_set), len(union)),
        float(n_h),
        math.log1p(len(body.tokens)),
        math.log1p(len(body.sentences)),
        float("?" in headline),
        float(any(q in headline for q in '"\u201c\u201d\u2018')),
        _fraction(sum(s in body.stem_set for s in h_stems), n_h),
        _fraction(sum(s in body.lead_stems for s in h_stems), n_h),
        _fraction(sum(s in body.stem_set for s in h_content), len(h_content)),
        _fraction(sum(s in body.lead_stems for s in h_content), len(h_content)),
        float(sum(s in body.stem_set for s in h_content)),
        float(sum(s in body.lead_stems for s in h_content)),
        *char_features,
        _fraction(ngrams_in_body, len(h_ngrams)),
        _fraction(sum(g in body.lead_padded_stems for g in h_ngrams), len(h_ngrams)),
        float(ngrams_in_body),
        float(cosines[0]),
        float(cosines[1]),
        sentence_cos[best],
        float(np.mean([sentence_cos[i] for i in order])),
        _fraction(best, len(sentence_cos)),
        _fraction(sum(idf[s] for s in content_set if s in body.stem_set), content_idf),
        _fraction(sum(idf[s] for s in content_set if s in body.lead_stems), content_idf),
        _fraction(sum(idf[s] for s in content_set if s in best_stems), content_idf),
        max(missing, default=0.0),
        _fraction(bm25, content_idf),
        _fraction(negated, len(matched_positions)),
        float(negated),
        _fraction(refuted, len(matched_positions)),
        float(refuted),
        100.0 * _fraction(lex["refute"].count(top_tokens), len(top_tokens)),
        float(refute_h % 2),
        float(lex["refute"].count(body.tokens) % 2),
        *(float(lex[name].count(h_tokens)) for name in LEXICON_NAMES),
        *(float(lex[name].count(top_tokens)) for name in LEXICON_NAMES),
        *body.cues,
        100.0 * _fraction(body.lower.count("?"), len(body.tokens)),
    ]


@dataclass(frozen=True)
class TermWeights:
    """Sublinear TF-IDF of a text's stems over a fixed vocabulary, times per-class weights."""

    index: dict[str, int]
    idf: np.ndarray  # (terms,)
    weights: np.ndarray  # (terms, classes)

    def vector(self, counts: Counter[str]) -> tuple[list[int], np.ndarray]:
        """Columns and L2-normalised values of the in-vocabulary stems of ``counts``."""
        columns, tf = [], []
        for s, c in counts.items():
            i = self.index.get(s)
            if i is not None:
                columns.append(i)
                tf.append(c)
        values = (1.0 + np.log(np.asarray(tf, dtype=np.float64))) * self.idf[columns]
        norm = np.linalg.norm(values)
        return columns, values / norm if norm else values

    def score(self, counts: Counter[str]) -> np.ndarray:
        columns, values = self.vector(counts)
        return values @ self.weights[columns]


@dataclass(frozen=True)
class WordModel:
    """Logistic regression over the TF-IDF stems of a body, trained on related pairs.

    Its P(agree), P(disagree), P(discuss) are the ``WORD_FEATURE_NAMES`` of the trees:
    whether the words of a body assert, hedge or deny, whatever the headline.
    """

    terms: TermWeights
    intercept: np.ndarray  # (classes,)

    def probabilities(self, body: Counter[str]) -> np.ndarray:
        return softmax(self.intercept + self.terms.score(body))


@dataclass(frozen=True)
class Forest:
    """Gradient-boosted regression trees as padded arrays (one row per tree), walked in numpy.

    A sample goes left at a node when ``x[feature] <= threshold``; a leaf points to itself.
    ``raw[c] = baseline[c] + sum of the leaf values of the trees of class c``.
    """

    feature: np.ndarray  # (trees, nodes) int
    threshold: np.ndarray  # (trees, nodes) float
    left: np.ndarray  # (trees, nodes) int
    right: np.ndarray  # (trees, nodes) int
    value: np.ndarray  # (trees, nodes) float
    tree_class: np.ndarray  # (trees,) int
    baseline: np.ndarray  # (classes,) float
    depth: int

    @cached_property
    def _flat(self) -> tuple[np.ndarray, ...]:
        """feature, threshold, left, right, value over all nodes, children as flat indices."""
        offset = (np.arange(self.feature.shape[0]) * self.feature.shape[1])[:, None]
        return (
            self.feature.ravel(),
            self.threshold.ravel(),
            (self.left + offset).ravel(),
            (self.right + offset).ravel(),
            self.value.ravel(),
            offset.ravel(),
        )

    def raw(self, x: np.ndarray) -> np.ndarray:
        """The class scores of one feature vector."""
        feature, threshold, left, right, value, node = self._flat
        for _ in range(self.depth):
            child = np.where(x[feature[node]] <= threshold[node], left[node], right[node])
            if np.array_equal(child, node):
                break
            node = child
        return self.baseline + np.bincount(
            self.tree_class, weights=value[node], minlength=len(self.baseline)
        )


@dataclass(frozen=True)
class StanceModel:
    """The idf of the training vocabulary, the word model and the trees over ``FEATURE_NAMES``."""

    idf: Idf
    words: WordModel
    forest: Forest
    classes: tuple[str, ...]

    def features(self, headline: str, body: Body) -> np.ndarray:
        return np.concatenate(
            (pair_features(headline, body, self.idf), self.words.probabilities(body.counts))
        )

    def probabilities(self, headline: str, body: Body) -> dict[str, float]:
        """P(stance) for a headline against an analysed body."""
        p = softmax(self.forest.raw(self.features(headline, body)))
        return {c: float(v) for c, v in zip(self.classes, p, strict=True)}

    def predict(self, headline: str, body: str) -> tuple[str, dict[str, float]]:
        probs = self.probabilities(headline, analyse_body(body, self.idf))
        return max(probs, key=probs.__getitem__), probs

    def save(self, path: Path, **meta: str) -> None:
        """Write the idf and the trees as a compressed ``.npz``; ``meta`` beside them."""
        vocabulary = sorted(self.idf.table)
        f = self.forest
        np.savez_compressed(
            path,
            vocabulary=np.array(vocabulary),
            idf=np.array([self.idf.table[s] for s in vocabulary], dtype=np.float32),
            idf_unseen=np.float64(self.idf.unseen),
            feature=f.feature.astype(np.int16),
            threshold=f.threshold.astype(np.float64),
            left=f.left.astype(np.int16),
            right=f.right.astype(np.int16),
            value=f.value.astype(np.float32),
            tree_class=f.tree_class.astype(np.int16),
            baseline=f.baseline.astype(np.float64),
            depth=np.int64(f.depth),
            classes=np.array(self.classes),
            feature_names=np.array(FEATURE_NAMES),
            words_terms=np.array(list(self.words.terms.index)),
            words_idf=self.words.terms.idf.astype(np.float32),
            words_weights=self.words.terms.weights.astype(np.float32),
            words_intercept=self.words.intercept.astype(np.float64),
            **{f"meta_{k}": np.str_(v) for k, v in meta.items()},
        )

    @classmethod
    def load(cls, path: Path) -> StanceModel:
        with np.load(path) as data:
            if tuple(data["feature_names"].tolist()) != FEATURE_NAMES:
                raise ModelFileError(
                    f"{path} was trained on other features than this presslens computes: "
                    "retrain it with `presslens train stance DATA_DIR` (FNC-1)"
                )
            forest = Forest(
                feature=data["feature"].astype(np.int64),
                threshold=data["threshold"],
                left=data["left"].astype(np.int64),
                right=data["right"].astype(np.int64),
                value=data["value"].astype(np.float64),
                tree_class=data["tree_class"].astype(np.int64),
                baseline=data["baseline"],
                depth=int(data["depth"]),
            )
            idf = Idf(data["vocabulary"].tolist(), data["idf"], float(data["idf_unseen"]))
            terms = data["words_terms"].tolist()
            word_model = WordModel(
                terms=TermWeights(
                    index={t: i for i, t in enumerate(terms)},
                    idf=data["words_idf"].astype(np.float64),
                    weights=data["words_weights"].astype(np.float64),
                ),
                intercept=data["words_intercept"],
            )
            classes = tuple(data["classes"].tolist())
            return cls(idf=idf, words=word_model, forest=forest, classes=classes)


MODEL = ShippedModel(
    "stance.npz",
    StanceModel.load,
    "presslens train stance ../shared/data/fnc1",
    "FNC-1: dev_stances.csv, dev_bodies.csv",
)


def load_stance_model() -> StanceModel:
    """The shipped stance model (``resources/models/stance.npz``), read once."""
    return MODEL.load()


def predict_stance(headline: str, body: str) -> tuple[str, dict[str, float]]:
    """The stance of ``body`` towards ``headline`` and the probability of each of ``STANCES``."""
    return load_stance_model().predict(headline, body)
