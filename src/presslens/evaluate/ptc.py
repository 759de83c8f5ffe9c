"""Framing on SemEval-2020 task 11 PTC: presslens spans against gold propaganda spans.

Articles, gold spans and the split from ``presslens.datasets.ptc`` (every third
article by sorted id is held out; the rest are what ``presslens train framing``
learns from). Only held-out articles are scored.

Scoring is the task's span-identification (SI) measure with partial credit: for
the predicted spans S and gold spans T of an article (overlapping spans of one
side merged first, as the task's SI gold is),
``P = sum_{s,t} |s & t| / |s| / |S|`` and ``R = sum_{s,t} |s & t| / |t| / |T|``,
summed over all held-out articles before dividing. "loaded + name-calling" pools
the two techniques on both sides; each technique is also scored alone
(``presslens.evaluate.metrics.SiCounts``).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from pathlib import Path

from spacy.tokens import Doc

from presslens.datasets.ptc import (
    POOLED,
    REPORT_EVERY,
    TECHNIQUE_OF,
    PtcArticle,
    Spans,
    parsed,
    read_ptc,
    split_ids,
)
from presslens.errors import PresslensError
from presslens.evaluate.metrics import SiCounts, merge
from presslens.nlp.layers import layers
from presslens.nlp.parse import end_char

ROWS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("loaded + name-calling", POOLED),
    ("Loaded_Language", ("Loaded_Language",)),
    ("Name_Calling,Labeling", ("Name_Calling,Labeling",)),
    ("Exaggeration,Minimisation", ("Exaggeration,Minimisation",)),
    ("Doubt", ("Doubt",)),
)
VADER_MIN_VALENCE = 2.0  # baseline: a VADER word this strong (either sign) is loaded language
_WORD = re.compile(r"[A-Za-z][A-Za-z'-]*")

# article id -> technique -> spans
Labelled = dict[str, dict[str, Spans]]


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
            (t.idx, end_char(t))
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
