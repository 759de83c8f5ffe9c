"""Time expressions on TempEval-3 TimeBank: presslens times (and dateparser's) against TIMEX3.

Gold from ``presslens.datasets.timebank`` (``DATA_DIR/*.tml``). The document creation
time is the publication date given to each system and is never scored.

Spans are matched one-to-one, exact offsets first ("strict"), then the largest
overlap ("relaxed"); precision is over predicted spans, recall over gold ones.
Value accuracy is, among the relaxed pairs whose gold has a given type (DATE,
TIME, DURATION, SET), the share whose predicted value equals the gold value;
"DATE value recall" is the number of DATEs with the right value over all gold
DATEs. The baseline is ``dateparser.search.search_dates`` with ``RELATIVE_BASE``
set to the creation time (``languages=["en"]``); its datetimes become YYYY-MM-DD
values, and its strings are located in the text left to right. presslens is also
scored on the first and the last half of the documents (sorted by file name) apart,
so that a rule tuned on one half can be checked on the other.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from presslens.datasets.timebank import TYPES, TimebankDoc, Timex, read_dir
from presslens.evaluate.metrics import Tally, one_to_one, ratio

# --- scoring -----------------------------------------------------------------------------


@dataclass
class Counts(Tally):
    strict: int = 0
    relaxed: int = 0
    typed: dict[str, list[int]] = field(default_factory=lambda: {t: [0, 0] for t in TYPES})
    gold_by_type: dict[str, int] = field(default_factory=lambda: dict.fromkeys(TYPES, 0))

    def add(self, other: Counts) -> None:
        self.predicted += other.predicted
        self.gold += other.gold
        self.strict += other.strict
        self.relaxed += other.relaxed
        for t in TYPES:
            self.typed[t][0] += other.typed[t][0]
            self.typed[t][1] += other.typed[t][1]
            self.gold_by_type[t] += other.gold_by_type[t]

    def accuracy(self, kind: str) -> str:
        ok, total = self.typed[kind]
        return f"{ratio(ok, total):.3f} ({total})" if total else "-"


def match(gold: Sequence[Timex], predicted: Sequence[Timex]) -> list[tuple[int, int, bool]]:
    """One-to-one (gold index, predicted index, exact) pairs: exact spans, then most overlap."""
    candidates = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(predicted):
            shared = min(g.end, p.end) - max(g.start, p.start)
            if shared > 0:
                candidates.append(((not _same(g, p), -shared), gi, pi))
    return [(gi, pi, _same(gold[gi], predicted[pi])) for gi, pi in one_to_one(candidates)]


def _same(a: Timex, b: Timex) -> bool:
    return (a.start, a.end) == (b.start, b.end)


@dataclass
class DocScore:
    doc: TimebankDoc
    counts: Counts
    missed: list[Timex]
    spurious: list[Timex]
    wrong_value: list[tuple[Timex, Timex]]

    def describe(self) -> str:
        text = self.doc.text

        def show(t: Timex) -> str:
            return f"{text[t.start : t.end]!r} {t.type} {t.value}"

        lines = [f"## {self.doc.name} (created {self.doc.created})"]
        lines += [f"- missed: {show(g)}" for g in self.missed]
        lines += [f"- spurious: {show(p)}" for p in self.spurious]
        lines += [f"- value: {show(g)} -> {show(p)}" for g, p in self.wrong_value]
        return "\n".join(lines)


def score(doc: TimebankDoc, predicted: Sequence[Timex]) -> DocScore:
    gold = doc.timexes
    counts = Counts(predicted=len(predicted), gold=len(gold))
    for g in gold:
        if g.type in counts.gold_by_type:
            counts.gold_by_type[g.type] += 1
    pairs = match(gold, predicted)
    wrong = []
    for gi, pi, exact in pairs:
        g, p = gold[gi], predicted[pi]
        counts.strict += exact
        counts.relaxed += 1
        if g.type in counts.typed:
            counts.typed[g.type][1] += 1
            counts.typed[g.type][0] += p.value == g.value
            if p.value != g.value:
                wrong.append((g, p))
    matched_g = {gi for gi, _, _ in pairs}
    matched_p = {pi for _, pi, _ in pairs}
    return DocScore(
        doc=doc,
        counts=counts,
        missed=[g for i, g in enumerate(gold) if i not in matched_g],
        spurious=[p for i, p in enumerate(predicted) if i not in matched_p],
        wrong_value=wrong,
    )


# --- the systems -------------------------------------------------------------------------


def presslens_times(docs: Sequence[TimebankDoc]) -> Iterator[list[Timex]]:
    """presslens times for each document, published on its creation date."""
    import presslens
    from presslens.io.article import Article

    articles = (Article.from_text(d.text, id=d.name, published=d.created) for d in docs)
    for analysis in presslens.analyze_many(articles):
        yield [Timex(t.start, t.end, t.type.upper(), t.value) for t in analysis.times]


def dateparser_times(docs: Sequence[TimebankDoc]) -> Iterator[list[Timex]]:
    """``dateparser.search.search_dates`` relative to the creation time, as DATE values."""
    from dateparser.search import search_dates

    for d in docs:
        base = dt.datetime.combine(d.created, dt.time())
        found = search_dates(d.text, languages=["en"], settings={"RELATIVE_BASE": base}) or []
        out, pos = [], 0
        for words, when in found:
            start = d.text.find(words, pos)
            if start < 0:
                continue
            pos = start + len(words)
            out.append(Timex(start, pos, "DATE", when.date().isoformat()))
        yield out


SYSTEMS = {"presslens": presslens_times, "dateparser": dateparser_times}


@dataclass
class SystemResult:
    system: str
    docs: list[DocScore]
    seconds: float | None  # None for a part of a run (a half of the documents)

    def halves(self) -> list[SystemResult]:
        """The first and second half of the documents by file name, scored apart: a rule
        tuned on one half and measured on the other shows how far it generalises."""
        n = len(self.docs) // 2
        return [
            SystemResult(f"{self.system}, first {n} documents", self.docs[:n], None),
            SystemResult(
                f"{self.system}, last {len(self.docs) - n} documents", self.docs[n:], None
            ),
        ]

    @property
    def counts(self) -> Counts:
        total = Counts()
        for d in self.docs:
            total.add(d.counts)
        return total


def evaluate(docs: Sequence[TimebankDoc], system: str = "presslens") -> SystemResult:
    if system == "presslens":
        from presslens.pipeline import DEFAULT_MODEL, build_nlp

        build_nlp(DEFAULT_MODEL)  # load outside the clock
    started = time.perf_counter()
    predictions = list(SYSTEMS[system](docs))
    seconds = time.perf_counter() - started
    return SystemResult(
        system, [score(d, p) for d, p in zip(docs, predictions, strict=True)], seconds
    )


# --- report ------------------------------------------------------------------------------


def table(results: Sequence[SystemResult]) -> str:
    head = (
        "| system | strict P | strict R | strict F1 | relaxed P | relaxed R | relaxed F1 "
        "| DATE value acc | DATE value recall | TIME value acc | DURATION value acc "
        "| SET value acc | gold | predicted | seconds |"
    )
    rows = [head, "|" + "---|" * (head.count("|") - 1)]
    for r in results:
        c = r.counts
        sp, sr, sf = c.prf(c.strict)
        rp, rr, rf = c.prf(c.relaxed)
        date_recall = ratio(c.typed["DATE"][0], c.gold_by_type["DATE"])
        rows.append(
            f"| {r.system} | {sp:.3f} | {sr:.3f} | {sf:.3f} | {rp:.3f} | {rr:.3f} | {rf:.3f} "
            f"| {c.accuracy('DATE')} | {date_recall:.3f} | {c.accuracy('TIME')} "
            f"| {c.accuracy('DURATION')} | {c.accuracy('SET')} | {c.gold} | {c.predicted} "
            f"| {'-' if r.seconds is None else f'{r.seconds:.1f}'} |"
        )
    return "\n".join(rows)


def run(
    data_dir: str | Path, limit: int | None = None, baseline: bool = True, errors: bool = False
) -> str:
    """Score presslens (and dateparser when ``baseline``) on TimeBank; markdown out."""
    docs = read_dir(data_dir, limit)
    systems = ["presslens", "dateparser"] if baseline else ["presslens"]
    results = [evaluate(docs, s) for s in systems]
    if len(docs) > 1:
        results[1:1] = results[0].halves()
    out = [
        f"TimeBank (TempEval-3): {len(docs)} documents, {results[0].counts.gold} TIMEX3 "
        "(creation times excluded); value accuracy over relaxed span matches "
        "(pair count in brackets)",
        "",
        table(results),
    ]
    if errors:
        out += ["", "# presslens errors", ""]
        out += [d.describe() for d in results[0].docs if d.missed or d.spurious or d.wrong_value]
    return "\n".join(out)
