"""Headline verdicts against FNC-1 stances on the held-out bodies: a sanity check on real text.

No public benchmark scores verdicts like "overstated", but FNC-1's gold stance says
what a verdict should roughly agree with: an unrelated headline should come out
``unrelated``, a headline the body disputes ``contradicted``, one the body reports
(agree or discuss) ``supported`` or ``overstated``. The pairs are the first
``per_stance`` of each stance among the bodies ``presslens.datasets.fnc1`` holds out
of the stance model's training. Beside the verdicts: the stance model alone, read
the same way (agree/discuss -> reported, disagree -> contradicted).
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from presslens.datasets.fnc1 import Pairs, read_pairs, split
from presslens.datasets.headlines import VERDICTS
from presslens.evaluate.metrics import precision_recall
from presslens.io.article import Article
from presslens.models.stance import STANCES
from presslens.pipeline import DEFAULT_MODEL

_REPORTED = ("supported", "overstated")
# (what a reader checks, the predictions that count, the gold stances that count)
CHECKS = (
    ('"unrelated" = unrelated', ("unrelated",), ("unrelated",)),
    ('"contradicted" = disagree', ("contradicted",), ("disagree",)),
    ("supported/overstated = agree or discuss", _REPORTED, ("agree", "discuss")),
)
STANCE_AS_VERDICT = {
    "agree": "supported",
    "discuss": "supported",
    "disagree": "contradicted",
    "unrelated": "unrelated",
}


def sample(pairs: Pairs, per_stance: int) -> Pairs:
    """The first ``per_stance`` pairs of each stance, in file order."""
    seen: Counter[str] = Counter()
    keep = []
    for stance in pairs.stances:
        seen[stance] += 1
        keep.append(seen[stance] <= per_stance)
    return pairs.subset(keep)


def confusion(gold: list[str], said: list[str], rows: tuple[str, ...], corner: str) -> list[str]:
    """A markdown table: how often each gold label in ``rows`` got each verdict."""
    lines = [f"| {corner} | " + " | ".join(VERDICTS) + " |", "|---" * (len(VERDICTS) + 1) + "|"]
    for label in rows:
        row = Counter(v for g, v in zip(gold, said, strict=True) if g == label)
        lines.append(f"| {label} | " + " | ".join(str(row[v]) for v in VERDICTS) + " |")
    return lines


def run(data_dir: Path, per_stance: int = 60, model: str = DEFAULT_MODEL) -> str:
    """Verdicts of the headline check for held-out FNC-1 pairs; a markdown report."""
    import presslens

    _, held_out = split(read_pairs(data_dir))
    pairs = sample(held_out, per_stance)
    articles = (
        Article.from_text(held_out.bodies[b], headline=h)
        for h, b in zip(pairs.headlines, pairs.body_ids, strict=True)
    )
    checks = [a.headline_check for a in presslens.analyze_many(articles, model=model)]
    verdicts = [c.verdict if c else "unrelated" for c in checks]
    from_stance = [STANCE_AS_VERDICT.get(c.stance or "", "unrelated") if c else "" for c in checks]
    gold = pairs.stances
    lines = [
        f"FNC-1 ({Path(data_dir).name}) held-out bodies: the first {per_stance} pairs of each "
        f"stance, {len(gold)} pairs",
        "",
        "| check | verdicts P | verdicts R | verdicts said | stance model P | stance model R |",
        "|---|---|---|---|---|---|",
    ]
    for name, says, means in CHECKS:
        p, r, n = precision_recall(gold, verdicts, says, means)
        sp, sr, _ = precision_recall(gold, from_stance, says, means)
        lines.append(f"| {name} | {p:.2f} | {r:.2f} | {n} | {sp:.2f} | {sr:.2f} |")
    lines += ["", *confusion(gold, verdicts, STANCES, "gold \\ verdict")]
    return "\n".join(lines) + "\n"
