"""Attribution on PolNeAR: presslens quotes (and textacy's baseline) against brat gold.

Gold from ``presslens.datasets.polnear`` (``DATA_DIR/<split>/text`` and
``attributions``). Each gold Content is matched
one-to-one to the predicted content that covers most of it; a pair counts at a
threshold when ``overlap / len(gold) >= threshold``. Precision is over predicted
contents, recall over gold contents. Speaker (cue) accuracy is, among pairs
matched at the lowest threshold whose gold has a Source (Cue), the share whose
predicted speaker (cue) overlaps it. An article with several annotators is
scored against each, keeping the best (by F1 at the lowest threshold, then the
highest). The quote-marked subset keeps gold and predicted contents that
contain a quotation mark.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from spacy.language import Language

from presslens.datasets.polnear import Attribution, GoldArticle, Pieces, read_split
from presslens.errors import InputError
from presslens.evaluate.metrics import Tally, f1, one_to_one, ratio
from presslens.nlp.parse import end_char
from presslens.schema import Analysis

THRESHOLDS = (0.3, 0.8)
QUOTE_MARKS = frozenset('"“”')


@dataclass
class Counts(Tally):
    """Sums over articles; every metric is a ratio of two of these."""

    matched: dict[float, int] = field(default_factory=lambda: dict.fromkeys(THRESHOLDS, 0))
    speaker_ok: int = 0
    speaker_total: int = 0
    cue_ok: int = 0
    cue_total: int = 0

    def __add__(self, other: Counts) -> Counts:
        return Counts(
            predicted=self.predicted + other.predicted,
            gold=self.gold + other.gold,
            matched={t: self.matched[t] + other.matched[t] for t in THRESHOLDS},
            speaker_ok=self.speaker_ok + other.speaker_ok,
            speaker_total=self.speaker_total + other.speaker_total,
            cue_ok=self.cue_ok + other.cue_ok,
            cue_total=self.cue_total + other.cue_total,
        )

    def precision(self, threshold: float) -> float:
        return ratio(self.matched[threshold], self.predicted)

    def recall(self, threshold: float) -> float:
        return ratio(self.matched[threshold], self.gold)

    def f1(self, threshold: float) -> float:
        return f1(self.precision(threshold), self.recall(threshold))

    @property
    def speaker_accuracy(self) -> float:
        return ratio(self.speaker_ok, self.speaker_total)

    @property
    def cue_accuracy(self) -> float:
        return ratio(self.cue_ok, self.cue_total)


@dataclass
class ArticleScore:
    """How one system did on one article, against the annotator that suits it best."""

    name: str
    text: str
    annotator: str
    all: Counts
    quoted: Counts
    missed: list[Attribution]
    spurious: list[Attribution]
    wrong_speaker: list[tuple[Attribution, Attribution]]
    crashed: bool = False

    def describe(self) -> str:
        """The missed, spurious and wrongly attributed contents, one line each."""
        lines = [f"## {self.name} (annotator {self.annotator})"]
        lines += [f"- missed: {pieces_text(self.text, g.content)!r}" for g in self.missed]
        lines += [f"- spurious: {pieces_text(self.text, p.content)!r}" for p in self.spurious]
        lines += [
            f"- speaker {pieces_text(self.text, p.speaker)!r} for gold "
            f"{pieces_text(self.text, g.speaker)!r}: {pieces_text(self.text, g.content)[:60]!r}"
            for g, p in self.wrong_speaker
        ]
        return "\n".join(lines)


def pieces_text(text: str, pieces: Pieces) -> str:
    """The text of ``pieces`` joined by `` … ``."""
    return " … ".join(text[s:e] for s, e in pieces)


def overlap(a: Pieces, b: Pieces) -> int:
    """Characters shared by two sets of pieces."""
    return sum(max(0, min(e1, e2) - max(s1, s2)) for s1, e1 in a for s2, e2 in b)


def length(pieces: Pieces) -> int:
    return sum(e - s for s, e in pieces)


def has_quote_mark(text: str, pieces: Pieces) -> bool:
    return any(ch in QUOTE_MARKS for s, e in pieces for ch in text[s:e])


# --- scoring -----------------------------------------------------------------------------


def match(
    gold: Sequence[Attribution], predicted: Sequence[Attribution], threshold: float
) -> list[tuple[int, int]]:
    """One-to-one (gold index, predicted index) pairs, best coverage of the gold first."""
    candidates = []
    for gi, g in enumerate(gold):
        size = length(g.content)
        for pi, p in enumerate(predicted):
            shared = overlap(g.content, p.content)
            if size and shared / size >= threshold:
                candidates.append(((-shared / size, -shared), gi, pi))
    return one_to_one(candidates)


def count(gold: Sequence[Attribution], predicted: Sequence[Attribution]) -> Counts:
    """Matches at every threshold and speaker/cue agreement on the pairs at the lowest."""
    counts = Counts(predicted=len(predicted), gold=len(gold))
    for threshold in THRESHOLDS:
        pairs = match(gold, predicted, threshold)
        counts.matched[threshold] = len(pairs)
        if threshold == THRESHOLDS[0]:
            for gi, pi in pairs:
                g, p = gold[gi], predicted[pi]
                if g.speaker:
                    counts.speaker_total += 1
                    counts.speaker_ok += overlap(g.speaker, p.speaker) > 0
                if g.cue:
                    counts.cue_total += 1
                    counts.cue_ok += overlap(g.cue, p.cue) > 0
    return counts


def score_article(
    article: GoldArticle, predicted: Sequence[Attribution], *, crashed: bool = False
) -> ArticleScore:
    """Score ``predicted`` against each annotator of ``article`` and keep the best."""
    text = article.text

    def quoted(items: Sequence[Attribution]) -> list[Attribution]:
        return [a for a in items if has_quote_mark(text, a.content)]

    best: ArticleScore | None = None
    for annotator, gold in sorted(article.annotations.items()):
        counts = count(gold, predicted)
        pairs = match(gold, predicted, THRESHOLDS[0])
        matched_g = {gi for gi, _ in pairs}
        matched_p = {pi for _, pi in pairs}
        score = ArticleScore(
            name=article.name,
            text=text,
            annotator=annotator,
            all=counts,
            quoted=count(quoted(gold), quoted(predicted)),
            missed=[g for gi, g in enumerate(gold) if gi not in matched_g],
            spurious=[p for pi, p in enumerate(predicted) if pi not in matched_p],
            wrong_speaker=[
                (gold[gi], predicted[pi])
                for gi, pi in pairs
                if gold[gi].speaker and not overlap(gold[gi].speaker, predicted[pi].speaker)
            ],
            crashed=crashed,
        )
        key = (counts.f1(THRESHOLDS[0]), counts.f1(THRESHOLDS[-1]))
        if best is None or key > (best.all.f1(THRESHOLDS[0]), best.all.f1(THRESHOLDS[-1])):
            best = score
    if best is None:
        raise InputError(f"{article.name} has no annotation file")
    return best


# --- the systems -------------------------------------------------------------------------


def from_analysis(analysis: Analysis) -> list[Attribution]:
    """presslens quotes as attributions (content pieces, speaker mention, cue)."""
    out = []
    for q in analysis.quotes:
        pieces = q.spans or [q.content]
        out.append(
            Attribution(
                content=tuple((s.start, s.end) for s in pieces),
                speaker=((q.speaker.start, q.speaker.end),) if q.speaker else (),
                cue=((q.cue.start, q.cue.end),) if q.cue else (),
            )
        )
    return out


def presslens_predictions(
    articles: Sequence[GoldArticle], model: str
) -> Iterator[tuple[list[Attribution], bool]]:
    """presslens attributions for each article, in order (an error propagates, never hidden)."""
    import presslens
    from presslens.io.article import Article

    texts = (Article.from_text(a.text, id=a.name) for a in articles)
    for analysis in presslens.analyze_many(texts, model=model):
        yield from_analysis(analysis), False


@cache
def plain_nlp(model: str) -> Language:
    """The spaCy pipeline ``model`` alone, loaded once (what the baseline runs on)."""
    import spacy

    return spacy.load(model)


def textacy_predictions(
    articles: Sequence[GoldArticle], model: str
) -> Iterator[tuple[list[Attribution], bool]]:
    """textacy ``direct_quotations`` on the same spaCy model; a crash yields no predictions."""
    from textacy.extract.triples import direct_quotations

    nlp = plain_nlp(model)
    for doc in nlp.pipe(a.text for a in articles):
        try:
            triples = list(direct_quotations(doc))
        except Exception:  # the baseline's own failure mode: count it, score it as empty
            yield [], True
            continue
        yield (
            [
                Attribution(
                    content=((t.content.start_char, t.content.end_char),),
                    speaker=tuple((tok.idx, end_char(tok)) for tok in t.speaker),
                    cue=tuple((tok.idx, end_char(tok)) for tok in t.cue),
                )
                for t in triples
            ],
            False,
        )


Predictor = Callable[[Sequence[GoldArticle], str], Iterable[tuple[list[Attribution], bool]]]
SYSTEMS: dict[str, Predictor] = {"presslens": presslens_predictions, "textacy": textacy_predictions}


@dataclass
class SystemResult:
    system: str
    articles: list[ArticleScore]
    seconds: float

    @property
    def all(self) -> Counts:
        return sum((a.all for a in self.articles), Counts())

    @property
    def quoted(self) -> Counts:
        return sum((a.quoted for a in self.articles), Counts())

    @property
    def crashes(self) -> int:
        return sum(a.crashed for a in self.articles)


def evaluate(
    articles: Sequence[GoldArticle], system: str = "presslens", *, model: str | None = None
) -> SystemResult:
    """Run one system over ``articles`` and score each article."""
    from presslens.pipeline import DEFAULT_MODEL, build_nlp

    model = model or DEFAULT_MODEL
    (build_nlp if system == "presslens" else plain_nlp)(model)  # load outside the clock
    started = time.perf_counter()
    predictions = list(SYSTEMS[system](articles, model))
    seconds = time.perf_counter() - started
    scores = [
        score_article(article, predicted, crashed=crashed)
        for article, (predicted, crashed) in zip(articles, predictions, strict=True)
    ]
    return SystemResult(system=system, articles=scores, seconds=seconds)


def article_errors(
    data_dir: str | Path,
    split: str = "dev",
    *,
    names: Iterable[str] | None = None,
    limit: int | None = None,
    system: str = "presslens",
) -> list[ArticleScore]:
    """Per-article scores with missed, spurious and wrongly attributed contents.

    ``for s in article_errors(data_dir, names=[...]): print(s.describe())`` lists them.
    """
    articles = read_split(data_dir, split)
    if names is not None:
        wanted = set(names)
        articles = [a for a in articles if a.name in wanted]
    return evaluate(articles[:limit] if limit is not None else articles, system).articles


# --- report ------------------------------------------------------------------------------


def table(results: Sequence[SystemResult]) -> str:
    """The markdown table: one row per system and subset."""
    head = (
        "| system | subset | P@0.3 | R@0.3 | F1@0.3 | P@0.8 | R@0.8 | F1@0.8 "
        "| speaker acc | cue acc | gold | predicted | articles | crashes | seconds |"
    )
    rows = [head, "|" + "---|" * (head.count("|") - 1)]
    for r in results:
        for subset, c in (("all", r.all), ("quote-marked", r.quoted)):
            rows.append(
                f"| {r.system} | {subset} | {c.precision(0.3):.3f} | {c.recall(0.3):.3f} "
                f"| {c.f1(0.3):.3f} | {c.precision(0.8):.3f} | {c.recall(0.8):.3f} "
                f"| {c.f1(0.8):.3f} | {c.speaker_accuracy:.3f} ({c.speaker_total}) "
                f"| {c.cue_accuracy:.3f} ({c.cue_total}) | {c.gold} | {c.predicted} "
                f"| {len(r.articles)} | {r.crashes} | {r.seconds:.1f} |"
            )
    return "\n".join(rows)


def run(
    data_dir: str | Path,
    split: str = "dev",
    limit: int | None = None,
    baseline: bool = True,
    errors: bool = False,
) -> str:
    """Score presslens (and textacy when ``baseline``) on a PolNeAR split; markdown out."""
    articles = read_split(data_dir, split, limit)
    if not articles:
        raise InputError(f"no annotated articles in {Path(data_dir) / split}")
    systems = ["presslens", "textacy"] if baseline else ["presslens"]
    results = [evaluate(articles, s) for s in systems]
    out = [
        f"PolNeAR {split}: {len(articles)} articles; speaker/cue accuracy over pairs matched "
        "at 0.3 (pair count in brackets)",
        "",
        table(results),
    ]
    if errors:
        out += ["", "# presslens errors (overlap 0.3)", ""]
        out += [s.describe() for s in results[0].articles if s.missed or s.spurious]
    return "\n".join(out)
