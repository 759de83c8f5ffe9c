"""Train the cue classifier (``presslens.models.cues``) on PolNeAR and export sparse JSON weights.

``presslens train cues DATA_DIR`` parses ``DATA_DIR/train`` with the spaCy model,
labels every candidate token (a verb, or a word whose lemma often sits in a
gold Cue, such as "according" or "statement") by whether it lies inside a gold
Cue span, fits scikit-learn's LogisticRegression (a training-time tool only,
from the ``dev`` extra), prunes tiny weights and writes ``resources/models/cues.json``.
When ``DATA_DIR/dev`` exists it reports token-level P/R/F1 there.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from spacy.tokens import Doc, Token

from presslens.datasets.polnear import GoldArticle, Pieces, read_split
from presslens.evaluate.metrics import Tally, ratio
from presslens.extras import sklearn
from presslens.models.cues import MODEL, CueModel, features
from presslens.nlp.parse import end_char

# A non-verb lemma becomes a candidate when it is inside a training cue this often ...
MIN_CUE_COUNT = 5
# ... and at least this share of its occurrences are cues ("in" and "to" are not).
MIN_CUE_RATE = 0.05
# Features seen on fewer candidate tokens than this are not learned ...
MIN_FEATURE_COUNT = 3
# ... and weights smaller than this are dropped from the exported model.
PRUNE_BELOW = 0.02
THRESHOLD = 0.5


@dataclass
class Labelled:
    """A parsed article and the character pieces of its gold cues."""

    doc: Doc
    cues: Pieces

    def tokens(self) -> Iterator[tuple[Token, bool]]:
        """Every token with whether it lies inside a gold cue (punctuation included)."""
        inside = bytearray(len(self.doc.text) + 1)
        for s, e in self.cues:
            inside[s:e] = b"\x01" * (e - s)
        for tok in self.doc:
            yield tok, any(inside[tok.idx : end_char(tok)])


def gold_cues(article: GoldArticle) -> Pieces:
    """The cue pieces of the article's first annotator (alphabetically)."""
    annotator = min(article.annotations)
    return tuple(p for a in article.annotations[annotator] for p in a.cue)


def parse(articles: Sequence[GoldArticle], model: str) -> list[Labelled]:
    """Parse ``articles`` with the plain spaCy model ``model``."""
    import spacy

    nlp = spacy.load(model)
    docs = nlp.pipe((a.text for a in articles), batch_size=16)
    return [Labelled(doc, gold_cues(a)) for doc, a in zip(docs, articles, strict=True)]


def candidate_lemmas(data: Iterable[Labelled]) -> frozenset[str]:
    """Non-verb lemmas often inside gold cues ("according", "statement", ":")."""
    seen: Counter[str] = Counter()
    cued: Counter[str] = Counter()
    for item in data:
        for tok, label in item.tokens():
            if tok.pos_ != "VERB":
                lemma = tok.lemma_.lower()
                seen[lemma] += 1
                cued[lemma] += label
    return frozenset(
        lemma for lemma, n in cued.items() if n >= MIN_CUE_COUNT and n / seen[lemma] >= MIN_CUE_RATE
    )


def examples(data: Iterable[Labelled], candidates: frozenset[str]) -> tuple[list[dict], list[int]]:
    """Feature dicts and labels of every candidate token."""
    probe = CueModel(bias=0.0, weights={}, candidates=candidates)
    xs, ys = [], []
    for item in data:
        for tok, label in item.tokens():
            if probe.is_candidate(tok):
                xs.append(dict.fromkeys(features(tok), 1))
                ys.append(int(label))
    return xs, ys


def fit(train: Sequence[Labelled], *, c: float = 0.5) -> CueModel:
    """Fit the logistic regression on the candidate tokens of ``train``; prune; export."""
    dict_vectorizer = sklearn("feature_extraction", "DictVectorizer")
    logistic_regression = sklearn("linear_model", "LogisticRegression")
    candidates = candidate_lemmas(train)
    xs, ys = examples(train, candidates)
    frequency = Counter(f for x in xs for f in x)
    xs = [{f: 1 for f in x if frequency[f] >= MIN_FEATURE_COUNT} for x in xs]
    vec = dict_vectorizer()
    matrix = vec.fit_transform(xs)
    clf = logistic_regression(C=c, max_iter=2000)
    clf.fit(matrix, ys)
    weights = {
        name: round(float(w), 4)
        for name, w in zip(vec.get_feature_names_out(), clf.coef_[0], strict=True)
        if abs(w) >= PRUNE_BELOW
    }
    return CueModel(bias=round(float(clf.intercept_[0]), 4), weights=weights, candidates=candidates)


@dataclass
class CueScores(Tally):
    """Token-level scores (predicted and gold cue tokens, ``tp`` of them right) and how many
    gold cue spans are hit."""

    tp: int = 0
    spans: int = 0
    spans_hit: int = 0

    def row(self, name: str) -> str:
        precision, recall, f1 = self.prf(self.tp)
        return (
            f"| {name} | {precision:.3f} | {recall:.3f} | {f1:.3f} "
            f"| {ratio(self.spans_hit, self.spans):.3f} |"
        )


def score(data: Iterable[Labelled], predict) -> CueScores:
    """Score ``predict(token) -> bool`` against the gold cues of ``data``.

    Token P/R/F1 count every gold cue token (a missed auxiliary or colon is a false
    negative); span recall is the share of gold cue pieces with a predicted token.
    """
    scores = CueScores()
    for item in data:
        hits: set[int] = set()
        for tok, label in item.tokens():
            positive = predict(tok)
            if tok.is_space:
                continue
            scores.tp += positive and label
            scores.predicted += positive
            scores.gold += label
            if positive:
                hits.add(tok.idx)
        for s, e in item.cues:
            scores.spans += 1
            scores.spans_hit += any(s <= i < e for i in hits)
    return scores


def lemma_baseline(train: Iterable[Labelled]):
    """A lexicon learned from train: a token is a cue when its lemma mostly is."""
    seen: Counter[str] = Counter()
    cued: Counter[str] = Counter()
    for item in train:
        for tok, label in item.tokens():
            seen[tok.lemma_.lower()] += 1
            cued[tok.lemma_.lower()] += label
    lexicon = {lemma for lemma, n in cued.items() if n / seen[lemma] >= THRESHOLD}
    return lambda tok: tok.lemma_.lower() in lexicon


def report(model: CueModel, train: Sequence[Labelled], dev: Sequence[Labelled]) -> str:
    """The markdown table of the model and the lemma baseline on ``dev``."""

    def classify(tok: Token) -> bool:
        return model.is_candidate(tok) and model.probability(tok) >= THRESHOLD

    rows = [
        "| cue tagger | token P | token R | token F1 | cue span recall |",
        "|---|---|---|---|---|",
        score(dev, classify).row("logistic regression (resources/models/cues.json)"),
        score(dev, lemma_baseline(train)).row("baseline: lemmas that are cues >= 50% in train"),
        score(dev, model.is_candidate).row("every candidate token (the recall ceiling)"),
    ]
    return "\n".join(rows)


def train(
    data_dir: str | Path,
    *,
    out: Path | None = None,
    model: str | None = None,
    limit: int | None = None,
) -> str:
    """Train on ``DATA_DIR/train``, write the weights, report on ``DATA_DIR/dev`` if present."""
    from presslens.pipeline import DEFAULT_MODEL

    model = model or DEFAULT_MODEL
    out = out or MODEL.path()
    train_data = parse(read_split(data_dir, "train", limit), model)
    cue_model = fit(train_data)
    out.write_text(
        cue_model.to_json(
            trained_on=f"PolNeAR train ({len(train_data)} articles)",
            spacy_model=model,
            date=dt.date.today().isoformat(),
        )
        + "\n",
        encoding="utf-8",
    )
    lines = [f"wrote {out}: {len(cue_model.weights)} weights, {out.stat().st_size} bytes"]
    if (Path(data_dir) / "dev").is_dir():
        dev_data = parse(read_split(data_dir, "dev"), model)
        lines += [
            "",
            f"PolNeAR dev ({len(dev_data)} articles)",
            "",
            report(cue_model, train_data, dev_data),
        ]
    return "\n".join(lines)
