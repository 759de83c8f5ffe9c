"""PolNeAR attributions: brat gold read as character pieces.

Layout (read by path, never copied): ``DATA_DIR/<split>/text/NAME.txt`` and
``DATA_DIR/<split>/attributions/NAME_ANNOTATOR.ann`` (one file per annotator).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from presslens.errors import InputError

GOLD_ROLES = ("Source", "Cue", "Content", "Attribution", "Attribution-no-source")

Pieces = tuple[tuple[int, int], ...]


@dataclass(frozen=True)
class Attribution:
    """One attribution as character pieces: its content, the speaker's mention and the cue."""

    content: Pieces
    speaker: Pieces = ()
    cue: Pieces = ()


_SPAN = re.compile(r"(\d+) (\d+)")


def read_ann(path: Path) -> list[Attribution]:
    """The attributions of one brat file: E lines, plus any Content no E line names."""
    spans: dict[str, tuple[str, Pieces]] = {}
    events: list[list[tuple[str, str]]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        cols = line.split("\t")
        if line.startswith("T") and len(cols) >= 2:
            role, _, offsets = cols[1].partition(" ")
            if role in GOLD_ROLES:
                pieces = tuple((int(s), int(e)) for s, e in _SPAN.findall(offsets))
                spans[cols[0]] = (role, pieces)
        elif line.startswith("E") and len(cols) >= 2:
            events.append([tuple(arg.split(":", 1)) for arg in cols[1].split() if ":" in arg])
    gold: list[Attribution] = []
    named: set[str] = set()
    for args in events:
        parts: dict[str, list[tuple[int, int]]] = {"Content": [], "Source": [], "Cue": []}
        for role, tid in args:
            named.add(tid)
            kind = role.rstrip("0123456789")  # Content2 is a second piece of the content
            if kind in parts and tid in spans:
                parts[kind].extend(spans[tid][1])
        if parts["Content"]:
            gold.append(
                Attribution(
                    content=tuple(sorted(parts["Content"])),
                    speaker=tuple(sorted(parts["Source"])),
                    cue=tuple(sorted(parts["Cue"])),
                )
            )
    gold += [
        Attribution(content=pieces)
        for tid, (role, pieces) in spans.items()
        if role == "Content" and tid not in named
    ]
    return gold


@dataclass(frozen=True)
class GoldArticle:
    name: str
    text: str
    annotations: dict[str, list[Attribution]]  # annotator -> attributions


def read_split(
    data_dir: str | Path, split: str = "dev", limit: int | None = None
) -> list[GoldArticle]:
    """The annotated articles of one split, sorted by name."""
    root = Path(data_dir) / split
    text_dir, ann_dir = root / "text", root / "attributions"
    if not text_dir.is_dir() or not ann_dir.is_dir():
        raise InputError(
            f"{root} has no text/ and attributions/ folders: give the PolNeAR folder "
            f"(the one holding {split}/text and {split}/attributions) and an existing --split"
        )
    by_name: dict[str, dict[str, list[Attribution]]] = {}
    for ann in sorted(ann_dir.glob("*.ann")):
        name, _, annotator = ann.stem.rpartition("_")
        by_name.setdefault(name, {})[annotator] = read_ann(ann)
    articles = [
        GoldArticle(
            name=name,
            text=(text_dir / f"{name}.txt").read_text(encoding="utf-8"),
            annotations=anns,
        )
        for name, anns in sorted(by_name.items())
        if (text_dir / f"{name}.txt").is_file()
    ]
    return articles[:limit] if limit is not None else articles
