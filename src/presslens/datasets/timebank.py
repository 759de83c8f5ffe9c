"""TempEval-3 TimeBank documents: the text of TimeML files and their TIMEX3 spans.

Layout (read by path, never copied): ``DATA_DIR/*.tml``. The text is the ``TEXT``
element with its tags stripped (entities decoded); offsets are computed on it. The
document creation time (the TIMEX3 with ``functionInDocument="CREATION_TIME"``) is
kept apart as the document's date and is not one of its time expressions.
"""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

from presslens.errors import InputError

TYPES = ("DATE", "TIME", "DURATION", "SET")


@dataclass(frozen=True)
class Timex:
    start: int
    end: int
    type: str  # DATE | TIME | DURATION | SET
    value: str


@dataclass(frozen=True)
class TimebankDoc:
    name: str
    text: str
    created: dt.date
    timexes: tuple[Timex, ...]


def _walk(el: ET.Element, parts: list[str], found: list[Timex], length: int) -> int:
    """Append ``el``'s text to ``parts``, collecting TIMEX3 spans; returns the new length."""
    if el.text:
        parts.append(el.text)
        length += len(el.text)
    for child in el:
        start = length
        length = _walk(child, parts, found, length)
        if child.tag == "TIMEX3" and child.get("functionInDocument") != "CREATION_TIME":
            found.append(Timex(start, length, child.get("type", ""), child.get("value", "")))
        if child.tail:
            parts.append(child.tail)
            length += len(child.tail)
    return length


def read_tml(path: Path) -> TimebankDoc:
    """One TimeML document: its text, creation date and time expressions."""
    root = ET.parse(path).getroot()
    body = root.find("TEXT")
    created = next(
        (
            t.get("value", "")
            for t in root.iter("TIMEX3")
            if t.get("functionInDocument") == "CREATION_TIME"
        ),
        "",
    )
    if body is None or not created:
        raise InputError(f"{path} has no TEXT or no CREATION_TIME TIMEX3: is it a TimeML file?")
    parts: list[str] = []
    found: list[Timex] = []
    _walk(body, parts, found, 0)
    return TimebankDoc(
        name=path.stem,
        text="".join(parts),
        created=dt.date.fromisoformat(created[:10]),
        timexes=tuple(found),
    )


def read_dir(data_dir: str | Path, limit: int | None = None) -> list[TimebankDoc]:
    files = sorted(Path(data_dir).glob("*.tml"))
    if not files:
        raise InputError(f"no .tml files in {data_dir}: give the TimeBank folder of TempEval-3")
    return [read_tml(f) for f in files[:limit]]
