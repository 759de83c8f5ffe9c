"""Headline verdicts on hand-written cases: does presslens say what a fact-checker would?

The cases come from ``presslens.datasets.headlines``: an invented article each, the
verdict a careful reader gives its headline and, for a problem, its kind. A case is right
when the check's verdict is; right with its kind when a finding of that verdict
also names the kind. Beside presslens: the FNC-1 stance model alone, read as a
verdict (agree/discuss -> supported, disagree -> contradicted), which cannot say
overstated or unsupported. See ``eval/headlines/README.md`` for how the files were
written.
"""

from __future__ import annotations

from pathlib import Path

from presslens.datasets.headlines import VERDICTS, Case, read_cases
from presslens.evaluate.metrics import precision_recall
from presslens.evaluate.verdicts import STANCE_AS_VERDICT, confusion
from presslens.io.article import Article
from presslens.pipeline import DEFAULT_MODEL
from presslens.schema import HeadlineCheck


def right_kind(check: HeadlineCheck, case: Case) -> bool:
    """Whether the verdict is right and, for a problem, a finding of it names the kind."""
    if check.verdict != case.verdict:
        return False
    return case.kind is None or any(
        f.kind == case.kind for f in check.findings if f.verdict == check.verdict
    )


def run(path: Path, model: str = DEFAULT_MODEL, errors: bool = False) -> str:
    """Accuracy, per-verdict precision/recall and confusion of the verdicts; a markdown report."""
    import presslens

    cases = read_cases(path)
    articles = (Article.from_text(c.body, headline=c.headline) for c in cases)
    checks = [a.headline_check for a in presslens.analyze_many(articles, model=model)]
    gold = [c.verdict for c in cases]
    said = [c.verdict for c in checks]
    stance = [STANCE_AS_VERDICT.get(c.stance or "", "unrelated") for c in checks]
    right = sum(g == s for g, s in zip(gold, said, strict=True))
    with_kind = sum(right_kind(ch, c) for ch, c in zip(checks, cases, strict=True))
    by_stance = sum(g == s for g, s in zip(gold, stance, strict=True))
    n = len(cases)
    lines = [
        f"{Path(path).name}: {n} cases",
        "",
        "| | presslens | stance model alone |",
        "|---|---|---|",
        f"| verdict right | {_share(right, n)} | {_share(by_stance, n)} |",
        f"| verdict and kind right | {_share(with_kind, n)} | - |",
        "",
        "| verdict | cases | presslens P | presslens R | stance model P | stance model R |",
        "|---|---|---|---|---|---|",
    ]
    for verdict in VERDICTS:
        p, r, _ = precision_recall(gold, said, (verdict,), (verdict,))
        sp, sr, _ = precision_recall(gold, stance, (verdict,), (verdict,))
        lines.append(
            f"| {verdict} | {gold.count(verdict)} | {p:.2f} | {r:.2f} | {sp:.2f} | {sr:.2f} |"
        )
    lines += ["", *confusion(gold, said, VERDICTS, "gold \\ presslens")]
    if errors:
        lines += ["", "| case | wanted | presslens | headline |", "|---|---|---|---|"]
        for ch, c in zip(checks, cases, strict=True):
            if not right_kind(ch, c):
                kinds = ", ".join(sorted({f.kind for f in ch.findings if f.kind})) or "-"
                lines.append(
                    f"| {c.id} | {c.verdict} / {c.kind or '-'} | {ch.verdict} / {kinds} | "
                    f"{c.headline} |"
                )
    return "\n".join(lines) + "\n"


def _share(k: int, n: int) -> str:
    return f"{k}/{n} ({k / n:.2f})"
