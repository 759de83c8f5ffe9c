"""FNC-1 headline/body pairs and the held-out fold of their bodies.

Layout (read by path, never copied): ``DATA_DIR/dev_stances.csv`` (Headline, Body ID,
Stance) and ``DATA_DIR/dev_bodies.csv`` (Body ID, articleBody). Bodies are split by
``fold(body_id)`` (crc32 of the id modulo ``FOLDS``): the shipped model is trained on
every fold but ``HELD_OUT_FOLD`` and scored on that one, so no held-out body was seen
in training (a headline may be: FNC-1 pairs one claim with several bodies).
"""

from __future__ import annotations

import csv
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from presslens.errors import InputError
from presslens.models.stance import STANCES

FOLDS = 5
HELD_OUT_FOLD = 0


@dataclass(frozen=True)
class Pairs:
    """Headline/body pairs with their gold stance, and the bodies by id."""

    headlines: list[str]
    body_ids: list[str]
    stances: list[str]
    bodies: dict[str, str]

    def subset(self, keep: Sequence[bool]) -> Pairs:
        rows = [i for i, k in enumerate(keep) if k]
        return Pairs(
            [self.headlines[i] for i in rows],
            [self.body_ids[i] for i in rows],
            [self.stances[i] for i in rows],
            self.bodies,
        )


def fold(body_id: str) -> int:
    """The fold of a body: stable across runs, platforms and data order."""
    return zlib.crc32(body_id.strip().encode("utf-8")) % FOLDS


def read_pairs(data_dir: Path) -> Pairs:
    """``dev_stances.csv`` and ``dev_bodies.csv`` of ``data_dir``."""
    stances_path, bodies_path = (
        Path(data_dir) / "dev_stances.csv",
        Path(data_dir) / "dev_bodies.csv",
    )
    for path in (stances_path, bodies_path):
        if not path.is_file():
            raise InputError(
                f"{path} not found: DATA_DIR must hold dev_stances.csv (Headline, Body ID, "
                "Stance) and dev_bodies.csv (Body ID, articleBody) of FNC-1"
            )
    with bodies_path.open(encoding="utf-8", newline="") as f:
        bodies = {row["Body ID"].strip(): row["articleBody"] for row in csv.DictReader(f)}
    headlines, body_ids, stances = [], [], []
    with stances_path.open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            stance = row["Stance"].strip().lower()
            if stance not in STANCES:
                raise InputError(f"{stances_path}: unknown stance {row['Stance']!r}")
            if row["Body ID"].strip() not in bodies:
                raise InputError(f"{stances_path}: body {row['Body ID']} not in {bodies_path}")
            headlines.append(row["Headline"])
            body_ids.append(row["Body ID"].strip())
            stances.append(stance)
    return Pairs(headlines, body_ids, stances, bodies)


def split(pairs: Pairs) -> tuple[Pairs, Pairs]:
    """(training pairs, held-out pairs), by the fold of their body."""
    held = [fold(b) == HELD_OUT_FOLD for b in pairs.body_ids]
    return pairs.subset([not h for h in held]), pairs.subset(held)
