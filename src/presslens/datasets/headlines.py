"""The hand-written headline cases (``eval/headlines/*.jsonl``) and the verdicts they expect.

Each line of a case file is ``{"id", "headline", "body", "verdict", "kind", "why"}``:
an invented article, the verdict a careful reader gives its headline and, for a
problem, its kind (``escalated``, ``attribution_dropped``, ...).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from presslens.errors import InputError

VERDICTS = ("supported", "overstated", "unsupported", "contradicted", "unrelated")
FIELDS = ("id", "headline", "body", "verdict", "kind")


@dataclass(frozen=True)
class Case:
    id: str
    headline: str
    body: str
    verdict: str
    kind: str | None


def read_cases(path: Path) -> list[Case]:
    """The cases of a JSONL file, with a clear error for a line that is not one."""
    cases = []
    for n, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            case = Case(*(row[f] for f in FIELDS))
        except (json.JSONDecodeError, KeyError, TypeError) as exc:
            raise InputError(
                f"{path}:{n}: not a case; each line must be a JSON object with {', '.join(FIELDS)}"
            ) from exc
        if case.verdict not in VERDICTS:
            raise InputError(f"{path}:{n}: verdict {case.verdict!r} is not one of {VERDICTS}")
        cases.append(case)
    if not cases:
        raise InputError(f"{path} holds no cases")
    return cases
