"""Framing on SemEval-2020 task 11 PTC: presslens spans against gold propaganda spans.

Layout (read by path, never copied): ``DATA_DIR/articles/article<ID>.txt`` and
``DATA_DIR/dev-TC.labels`` (``article_id, technique, start, end``; 0-based,
end-exclusive). Articles are split by id (``split_ids``): sorted ids, every third
one is held out for reporting, the rest are what ``presslens train framing``
learns from. Only held-out articles are scored.

Scoring is the task's span-identification (SI) measure with partial credit: for
the predicted spans S and gold spans T of an article (overlapping spans of one
side merged first, as the task's SI gold is),
``P = sum_{s,t} |s & t| / |s| / |S|`` and ``R = sum_{s,t} |s & t| / |t| / |T|``,
summed over all held-out articles before dividing. "loaded + name-calling" pools
the two techniques on both sides; each technique is also scored alone.
"""

from __future__ import annotations

import csv
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from spacy.tokens import Doc

from presslens.errors import InputError, PresslensError
from presslens.io.article import Article
from presslens.nlp.layers import layers

LABELS_FILE = "dev-TC.labels"
REPORT_EVERY = 3  # every third article (by sorted id) is held out for reporting
# presslens category -> PTC technique
TECHNIQUE_OF = {
    "loaded_language": "Loaded_Language",
    "name_calling": "Name_Calling,Labeling",
    "exaggeration": "Exaggeration,Minimisation",
    "minimisation": "Exaggeration,Minimisation",
    "doubt": "Doubt",
}
POOLED = ("Loaded_Language", "Name_Calling,Labeling")
ROWS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("loaded + name-calling", POOLED),
    ("Loaded_Language", ("Loaded_Language",)),
    ("Name_Calling,Labeling", ("Name_Calling,Labeling",)),
    ("Exaggeration,Minimisation", ("Exaggeration,Minimisation",)),
    ("Doubt", ("Doubt",)),
)
VADER_MIN_VALENCE = 2.0  # baseline: a VADER word this strong (either sign) is loaded language
_WORD = re.compile(r"[A-Za-z][A-Za-z'-]*")

Spans = list[tuple[int, int]]
# article id -> technique -> spans
Labelled = dict[str, dict[str, Spans]]


@dataclass(frozen=True)
class PtcArticle:
    id: str
    text: str
    gold: dict[str, Spans]  # technique -> spans


def read_ptc(data_dir: Path) -> list[PtcArticle]:
    """Every article of ``DATA_DIR`` with its gold spans, in id order."""
    data_dir = Path(data_dir)
    labels = data_dir / LABELS_FILE
    if not labels.is_file() or not (data_dir / "articles").is_dir():
        raise InputError(
            f"{data_dir} must hold articles/article<ID>.txt and {LABELS_FILE} "
            "(SemEval-2020 task 11 PTC)"
        )
    gold: dict[str, dict[str, Spans]] = defaultdict(lambda: defaultdict(list))
    with labels.open(encoding="utf-8", newline="") as f:
        for row in csv.reader(f, delimiter="\t"):
            if len(row) >= 4:
                gold[row[0]][row[1]].append((int(row[2]), int(row[3])))
    articles = []
    for path in sorted((data_dir / "articles").glob("article*.txt")):
        article_id = path.stem.removeprefix("article")
        text = path.read_text(encoding="utf-8")
        articles.append(PtcArticle(article_id, text, dict(gold.get(article_id, {}))))
    if not articles:
        raise InputError(f"no article*.txt files in {data_dir / 'articles'}")
    return articles


def split_ids(ids: Iterable[str]) -> tuple[list[str], list[str]]:
    """``(train, report)``: sorted ids, every ``REPORT_EVERY``-th held out for reporting."""
    ordered = sorted(ids)
    report = ordered[REPORT_EVERY - 1 :: REPORT_EVERY]
    held = set(report)
    return [i for i in ordered if i not in held], report


def merge(spans: Iterable[tuple[int, int]]) -> Spans:
    """Overlapping spans joined into one, in order."""
    out: Spans = []
    for s, e in sorted(spans):
        if out and s < out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return out


@dataclass
class SiCounts:
    """Partial-credit sums of the SI scorer and the span counts they are divided by."""

    precision_credit: float = 0.0
    recall_credit: float = 0.0
    predicted: int = 0
    gold: int = 0

    def add(self, predicted: Sequence[tuple[int, int]], gold: Sequence[tuple[int, int]]) -> None:
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

    def scores(self) -> tuple[float, float, float]:
        p = self.precision_credit / self.predicted if self.predicted else 0.0
        r = self.recall_credit / self.gold if self.gold else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def si_score(
    predicted: Labelled, gold: Labelled, techniques: Sequence[str], ids: Iterable[str]
) -> SiCounts:
    """SI counts over the articles ``ids`` for the pooled ``techniques``."""
    counts = SiCounts()
    for article_id in ids:
        pred, want = predicted.get(article_id, {}), gold.get(article_id, {})
        counts.add(
            merge(s for t in techniques for s in pred.get(t, [])),
            merge(s for t in techniques for s in want.get(t, [])),
        )
    return counts


def presslens_spans(doc: Doc) -> dict[str, Spans]:
    """PTC technique -> the spans the framing layer of ``doc`` found."""
    out: dict[str, Spans] = defaultdict(list)
    for f in layers(doc).framing:
        if f.category in TECHNIQUE_OF:
            out[TECHNIQUE_OF[f.category]].append((f.start, f.end))
    return dict(out)


def vader_spans(doc: Doc, lexicon: dict[str, float]) -> dict[str, Spans]:
    """Baseline: every word VADER rates at least ``VADER_MIN_VALENCE`` is loaded language."""
    return {
        "Loaded_Language": [
            (t.idx, t.idx + len(t))
            for t in doc
            if abs(lexicon.get(t.lower_, 0.0)) >= VADER_MIN_VALENCE
        ]
    }


def vader_lexicon() -> dict[str, float]:
    """VADER's word -> mean valence (-4..4), from the vaderSentiment package."""
    try:
        import vaderSentiment
    except ImportError as exc:
        raise PresslensError(
            "the PTC baseline needs vaderSentiment: pip install 'presslens[eval]' "
            "(or run with --no-baseline)"
        ) from exc
    path = Path(vaderSentiment.__file__).with_name("vader_lexicon.txt")
    lexicon = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) >= 2 and _WORD.fullmatch(parts[0]):
            lexicon[parts[0].lower()] = float(parts[1])
    return lexicon


def parsed(
    articles: Sequence[PtcArticle],
    model: str | None = None,
    disable: Sequence[str] = (),
    embeddings: bool = False,
) -> Iterator[Doc]:
    """The articles through the presslens pipeline (less ``disable``), as Docs."""
    from presslens.nlp.pipeline import DEFAULT_MODEL, build_nlp

    nlp = build_nlp(model or DEFAULT_MODEL, embeddings=embeddings)

    def docs() -> Iterator[Doc]:
        for art in articles:
            doc = nlp.make_doc(art.text)
            layers(doc).article = Article.from_text(art.text)
            yield doc

    yield from nlp.pipe(docs(), batch_size=8, disable=list(disable))


def table(
    name: str, predicted: Labelled, gold: Labelled, ids: list[str], ours: bool = False
) -> list[str]:
    """Markdown rows: P/R/F1 and span counts per technique group (for a baseline, only the
    groups it predicts; for ``ours``, every group)."""
    rows = []
    for label, techniques in ROWS:
        c = si_score(predicted, gold, techniques, ids)
        if not c.predicted and not ours:
            continue
        p, r, f1 = c.scores()
        rows.append(
            f"| {name} | {label} | {p:.3f} | {r:.3f} | {f1:.3f} | {c.predicted} | {c.gold} |"
        )
    return rows


def error_lines(articles: Sequence[PtcArticle], predicted: Labelled, limit: int = 40) -> list[str]:
    """The most frequent missed gold and spurious predicted texts (pooled techniques)."""
    missed: Counter[str] = Counter()
    spurious: Counter[str] = Counter()
    for art in articles:
        pred = merge(s for t in POOLED for s in predicted.get(art.id, {}).get(t, []))
        gold = merge(s for t in POOLED for s in art.gold.get(t, []))
        for s, e in gold:
            if not any(min(e, pe) > max(s, ps) for ps, pe in pred):
                missed[art.text[s:e].lower()[:60]] += 1
        for s, e in pred:
            if not any(min(e, ge) > max(s, gs) for gs, ge in gold):
                spurious[art.text[s:e].lower()[:60]] += 1
    lines = ["", f"missed gold spans (most frequent {limit}):"]
    lines += [f"  {n:3d}  {t!r}" for t, n in missed.most_common(limit)]
    lines += ["", f"spurious predicted spans (most frequent {limit}):"]
    lines += [f"  {n:3d}  {t!r}" for t, n in spurious.most_common(limit)]
    return lines


def run(
    data_dir: Path,
    baseline: bool = True,
    errors: bool = False,
    limit: int | None = None,
    model: str | None = None,
    embeddings: bool = False,
) -> str:
    """Score the framing layer on the held-out PTC articles; a markdown table (with
    ``embeddings``: the framing stage with its MiniLM tagger)."""
    articles = read_ptc(data_dir)
    train_ids, report_ids = split_ids(a.id for a in articles)
    held = set(report_ids[:limit] if limit else report_ids)
    report = [a for a in articles if a.id in held]
    gold: Labelled = {a.id: a.gold for a in report}
    ours: Labelled = {}
    theirs: Labelled = {}
    vader = vader_lexicon() if baseline else {}
    for art, doc in zip(report, parsed(report, model, embeddings=embeddings), strict=True):
        ours[art.id] = presslens_spans(doc)
        if baseline:
            theirs[art.id] = vader_spans(doc, vader)
    ids = [a.id for a in report]
    name = "presslens + MiniLM tagger" if embeddings else "presslens"
    lines = [
        f"PTC (SemEval-2020 task 11): {len(report)} held-out articles of {len(articles)} "
        f"(every {REPORT_EVERY}rd by sorted id; {len(train_ids)} others are for training); "
        "SI span P/R/F1 with partial-overlap credit",
        "",
        "| model | techniques | P | R | F1 | predicted | gold |",
        "|---|---|---|---|---|---|---|",
        *table(name, ours, gold, ids, ours=True),
    ]
    if baseline:
        lines += table(
            f"baseline: VADER words, abs(valence) >= {VADER_MIN_VALENCE}", theirs, gold, ids
        )
    if errors:
        lines += error_lines(report, ours)
    return "\n".join(lines)
