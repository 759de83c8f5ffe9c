"""PLOVER gold-standard event records, and their parts A and B by the number ending an id.

Layout (read by path, never copied): ``DATA_DIR/dev.json``, a list of records with
``text``, ``event`` (the PLOVER type) and ``source``/``target`` lists of
``{actorText, ...}``. DOCUMENT records document the file, not an event: they are
skipped. Another file of the same format splits by the number ending each record's
id (``part_of``): odd numbers are part A (tuned on), even ones part B (held out).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from presslens.errors import InputError

SKIPPED_TYPES = frozenset({"DOCUMENT"})
_ID_NUMBER = re.compile(r"(\d+)$")
PARTS = ("A", "B")


@dataclass(frozen=True)
class Record:
    """One gold event: its sentence, type, and the gold names of actors and targets."""

    id: str
    text: str
    type: str
    actors: tuple[str, ...] = ()
    targets: tuple[str, ...] = ()


def _names(value: object) -> tuple[str, ...]:
    if not isinstance(value, list):
        return ()
    return tuple(a["actorText"] for a in value if isinstance(a, dict) and a.get("actorText"))


def records_path(data_dir: Path, records_file: Path | None = None) -> Path:
    """The records file to score: ``records_file`` when given, else ``DATA_DIR/dev.json``."""
    return Path(records_file) if records_file is not None else Path(data_dir) / "dev.json"


def read_records(path: Path, limit: int | None = None) -> tuple[list[Record], int]:
    """The event records of a records file (or of ``dev.json`` in a folder) and how many
    DOCUMENT records were skipped."""
    path = Path(path)
    if path.is_dir():
        path = path / "dev.json"
    if not path.is_file():
        raise InputError(
            f"{path} not found: give the PLOVER folder holding dev.json, or --records FILE, "
            "a JSON list of records with text, event, source and target"
        )
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise InputError(f"{path} is not valid JSON: {exc}") from exc
    records, skipped = [], 0
    for item in raw:
        if item.get("event") in SKIPPED_TYPES or not item.get("text"):
            skipped += 1
            continue
        records.append(
            Record(
                id=str(item.get("id", len(records))),
                text=item["text"],
                type=item["event"],
                actors=_names(item.get("source")),
                targets=_names(item.get("target")),
            )
        )
    return (records[:limit] if limit else records), skipped


def part_of(record: Record) -> str:
    """A record's part by the parity of the number ending its id: odd is A, even is B."""
    number = _ID_NUMBER.search(record.id)
    if number is None:
        raise InputError(
            f"record id {record.id!r} does not end in a number: --part needs ids such as "
            "NEWS-AGREE-0001 (odd numbers are part A, even ones part B)"
        )
    return "A" if int(number.group(1)) % 2 else "B"
