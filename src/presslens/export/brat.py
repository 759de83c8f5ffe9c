"""brat standoff annotations (.ann) for an Analysis, laid out like PolNeAR's.

Each quote becomes text-bound ``Source``, ``Cue`` and ``Content`` annotations and an
``Attribution`` event tying them together (``E1 Attribution:T4 Content:T3 Cue:T2
Source:T1``), with its kind as an attribute and speaker, channel and date in a note.
Entity mentions become ``Person``, ``Organization``, ... annotations, the mentions
of one entity joined by a ``Coreference`` equivalence. The offsets index into
``analysis.text``, which brat wants beside the .ann as the .txt file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from presslens.schema import Analysis, Quote, Span, Speaker

ENTITY_LABELS = {
    "PERSON": "Person",
    "ORG": "Organization",
    "GPE": "GPE",
    "NORP": "NORP",
    "FAC": "Facility",
    "LOC": "Location",
    "OTHER": "Other",
}
# brat reads the .ann line by line and its fields split on tabs: a fragment may hold neither.
_BREAK = re.compile(r"[\t\n\v\f\r\x1c-\x1e\x85\u2028\u2029]+")


def fragments(text: str, pieces: list[Span | Speaker]) -> list[tuple[int, int]]:
    """The non-empty ``(start, end)`` fragments of ``pieces``, cut at line breaks and tabs."""
    out = []
    for piece in pieces:
        pos = piece.start
        for cut in [*_BREAK.finditer(text, piece.start, piece.end), None]:
            end = cut.start() if cut else piece.end
            chunk = text[pos:end]
            lead, trail = len(chunk) - len(chunk.lstrip()), len(chunk) - len(chunk.rstrip())
            if end - trail > pos + lead:
                out.append((pos + lead, end - trail))
            if cut:
                pos = cut.end()
    return out


@dataclass
class _Ann:
    text: str
    lines: list[str] = field(default_factory=list)
    counters: dict[str, int] = field(default_factory=dict)

    def next_id(self, prefix: str) -> str:
        self.counters[prefix] = self.counters.get(prefix, 0) + 1
        return f"{prefix}{self.counters[prefix]}"

    def textbound(self, label: str, pieces: list[Span | Speaker]) -> str | None:
        frags = fragments(self.text, pieces)
        if not frags:
            return None
        tid = self.next_id("T")
        offsets = ";".join(f"{s} {e}" for s, e in frags)
        surface = " ".join(self.text[s:e] for s, e in frags)
        self.lines.append(f"{tid}\t{label} {offsets}\t{surface}")
        return tid


def render_brat(analysis: Analysis) -> str:
    """The .ann file for ``analysis`` (save ``analysis.text`` beside it as the .txt)."""
    ann = _Ann(analysis.text)
    for quote in analysis.quotes:
        _attribution(ann, analysis, quote)
    for entity in analysis.entities:
        label = ENTITY_LABELS.get(entity.type, "Other")
        ids = [tid for m in entity.mentions if (tid := ann.textbound(label, [m]))]
        if len(ids) > 1:
            ann.lines.append("*\tCoreference " + " ".join(ids))
    return "".join(line + "\n" for line in ann.lines)


def _attribution(ann: _Ann, analysis: Analysis, quote: Quote) -> None:
    speaker = quote.speaker
    roles = {
        "Source": ann.textbound("Source", [speaker]) if speaker else None,
        "Cue": ann.textbound("Cue", [quote.cue]) if quote.cue else None,
        "Content": ann.textbound("Content", quote.spans or [quote.content]),
    }
    if roles["Content"] is None:
        return
    trigger = next(p for p in (quote.cue, speaker, quote.content) if p is not None)
    tid = ann.textbound("Attribution", [trigger]) or roles["Content"]
    eid = ann.next_id("E")
    args = " ".join(f"{role}:{roles[role]}" for role in ("Content", "Cue", "Source") if roles[role])
    ann.lines.append(f"{eid}\tAttribution:{tid} {args}")
    ann.lines.append(f"{ann.next_id('A')}\tKind {eid} {quote.kind}")
    entity = analysis.entity(speaker.entity) if speaker else None
    note = [quote.id, f"speaker: {entity.name if entity else (speaker.text if speaker else '?')}"]
    if speaker and speaker.anonymous:
        note.append("anonymous")
    note += [f"{k}: {v}" for k, v in (("channel", quote.channel), ("date", quote.date)) if v]
    note.append(f"confidence: {quote.confidence:.2f}")
    clean = _BREAK.sub(" ", "; ".join(note))
    ann.lines.append(f"{ann.next_id('#')}\tAnnotatorNotes {tid}\t{clean}")
