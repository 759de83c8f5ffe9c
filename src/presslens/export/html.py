"""The HTML report: the article with its annotation layers drawn over the text.

Every annotation is a ``Mark`` (character offsets, css classes, a tooltip) in a
``Layer``. The text is cut at every mark boundary and the marks are nested into a
tree (a mark that crosses the end of an enclosing one is split in pieces that share
its ``key``), which the template renders with autoescaping: nothing taken from the
article is ever trusted as markup. A new analysis stage adds a report layer by
adding one ``Layer`` in ``report_layers``.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from jinja2 import Environment, PackageLoader

from presslens.schema import Analysis, Block, Claim, Entity, Event, Number, Quote

PALETTE_SIZE = 10
NEUTRAL = "cx"
# How each block kind is drawn: (html tag, css class).
BLOCK_TAGS = {
    "headline": ("h1", "headline"),
    "subheading": ("h2", "subheading"),
    "byline": ("p", "byline"),
    "dateline": ("p", "dateline"),
    "paragraph": ("p", "para"),
    "caption": ("p", "caption"),
    "credit": ("p", "credit"),
}
LISTED_TYPES = ("PERSON", "ORG")


@dataclass(frozen=True)
class Mark:
    """One highlighted stretch of the text."""

    start: int
    end: int
    css: str
    tip: str = ""
    key: str | None = None  # shared by all pieces of one annotation
    entity: str | None = None  # the entity it belongs to, for click-to-highlight
    anchor: str | None = None  # element id, kept on the piece where the mark starts


@dataclass(frozen=True)
class Layer:
    """A kind of annotation the reader can switch on and off."""

    name: str
    label: str
    marks: list[Mark]


@dataclass
class Node:
    """A piece of text (``mark`` None) or a mark holding its children."""

    text: str = ""
    mark: Mark | None = None
    children: list[Node] = field(default_factory=list)


@dataclass(frozen=True)
class RenderedBlock:
    tag: str
    css: str
    nodes: list[Node]


ASSETS = Path(__file__).parent / "templates" / "assets"  # the report's CSS and JS


def render_html(analysis: Analysis) -> str:
    """A self-contained HTML report of ``analysis`` (inline CSS and JS, works offline)."""
    return _environment().get_template("report.html.j2").render(report_context(analysis))


def report_context(analysis: Analysis, *, embedded: bool = False) -> dict[str, Any]:
    """What the report's templates (``report.html.j2``, ``report_body.html.j2``) read;
    ``embedded``: the body is shown inside another page (the web UI's), which gives the
    banner and loads ``ASSETS`` as files."""
    colours = speaker_colours(analysis)
    layers = report_layers(analysis, colours)
    counts = Counter(q.speaker.entity for q in analysis.quotes if q.speaker and q.speaker.entity)
    entities = sorted(
        analysis.entities,
        key=lambda e: (-counts[e.id], e.mentions[0].start if e.mentions else 0),
    )
    return dict(
        a=analysis,
        embedded=embedded,
        blocks=render_blocks(analysis, layers),
        layers=[lay for lay in layers if lay.marks],
        listed=[e for e in entities if e.type in LISTED_TYPES],
        others=[e for e in entities if e.type not in LISTED_TYPES],
        counts=counts,
        colours=colours,
        neutral=NEUTRAL,
        by_speaker=quotes_by_speaker(analysis),
        quote_words=quote_words,
        check=analysis.headline_check,
        evidence=evidence_links(analysis),
        claims=sorted(analysis.claims, key=lambda c: -c.checkworthiness),
        claim_source=claim_source,
        event_summary=event_summary,
        times=sorted(analysis.times, key=lambda t: t.start),
        url_is_link=web_link(analysis.source.url) is not None,
    )


def web_link(url: str | None) -> str | None:
    """``url`` when it is a web address (http, https) a page may link to, else None: a
    ``javascript:`` or ``data:`` URL from an article is shown as text, never followed."""
    if url and url.strip().lower().startswith(("http://", "https://")):
        return url.strip()
    return None


@lru_cache(maxsize=1)
def _environment() -> Environment:
    return Environment(
        loader=PackageLoader("presslens.export", "templates"),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def speaker_colours(analysis: Analysis) -> dict[str, str]:
    """A colour class per speaking entity, in order of first quote."""
    colours: dict[str, str] = {}
    for q in sorted(analysis.quotes, key=lambda q: q.content.start):
        eid = q.speaker.entity if q.speaker else None
        if eid and eid not in colours:
            colours[eid] = f"c{len(colours) % PALETTE_SIZE}"
    return colours


def speaker_name(analysis: Analysis, quote: Quote) -> str:
    """Who said it, as a reader would want it named."""
    sp = quote.speaker
    if sp is None:
        return "unknown speaker"
    entity = analysis.entity(sp.entity)
    if entity is not None:
        return entity.name
    return f"{sp.text} (anonymous)" if sp.anonymous else f"{sp.text} (unresolved)"


def quote_words(quote: Quote) -> str:
    """What was said: the content, or its pieces joined by an ellipsis when discontinuous."""
    return " … ".join(p.text for p in quote.spans) if quote.spans else quote.content.text


def quote_tip(analysis: Analysis, quote: Quote) -> str:
    lines = [f"{speaker_name(analysis, quote)}: {quote.kind} quote {quote.id}"]
    if quote.speaker and quote.speaker.entity and quote.speaker.text:
        lines.append(f"speaker mention: {quote.speaker.text}")
    lines.append(f"cue: {quote.cue.text if quote.cue else '—'}")
    if quote.channel:
        lines.append(f"channel: {quote.channel}")
    if quote.date:
        lines.append(f"date: {quote.date}")
    if quote.embedded_in:
        lines.append(f"inside quote {quote.embedded_in}")
    lines.append(f"confidence: {quote.confidence:.2f}")
    return "\n".join(lines)


def entity_tip(entity: Entity) -> str:
    parts = [f"{entity.name} ({entity.type})"]
    if entity.title:
        parts.append(entity.title)
    if entity.aliases:
        parts.append("also: " + ", ".join(entity.aliases))
    return "\n".join(parts)


def report_layers(analysis: Analysis, colours: dict[str, str]) -> list[Layer]:
    """The layers drawn over the text, the most important first (it is never cut)."""
    return [
        Layer("headline", "Headline check (contested words, evidence)", headline_marks(analysis)),
        Layer("quotes", "Quotes (content, cue, speaker)", quote_marks(analysis, colours)),
        Layer("framing", "Framing (loaded words: author / quoted)", framing_marks(analysis)),
        Layer("events", "Events (who did what to whom)", event_marks(analysis)),
        Layer("times", "Dates and times", time_marks(analysis)),
        Layer("claims", "Check-worthy claims and their numbers", claim_marks(analysis)),
        Layer("mentions", "People, organisations, places", mention_marks(analysis, colours)),
    ]


def quote_marks(analysis: Analysis, colours: dict[str, str]) -> list[Mark]:
    """Each quote's content (every piece), then its speaker and cue, drawn inside it."""
    contents: list[Mark] = []
    roles: list[Mark] = []
    for q in analysis.quotes:
        eid = q.speaker.entity if q.speaker else None
        colour = colours.get(eid or "", NEUTRAL)
        tip = quote_tip(analysis, q)
        pieces = q.spans or [q.content]
        contents += [
            Mark(
                p.start,
                p.end,
                f"q {colour} k-{q.kind}",
                tip,
                key=q.id,
                entity=eid,
                anchor=q.id if i == 0 else None,
            )
            for i, p in enumerate(pieces)
        ]
        roles += [
            Mark(part.start, part.end, f"{css} {colour}", tip, key=q.id, entity=eid)
            for css, part in (("spk", q.speaker), ("cue", q.cue))
            if part is not None
        ]
    return contents + roles


def mention_marks(analysis: Analysis, colours: dict[str, str]) -> list[Mark]:
    return [
        Mark(
            m.start,
            m.end,
            f"ment {colours.get(e.id, NEUTRAL)}",
            entity_tip(e),
            key=e.id,
            entity=e.id,
        )
        for e in analysis.entities
        for m in e.mentions
    ]


def headline_marks(analysis: Analysis) -> list[Mark]:
    """The contested headline words and the body evidence of each finding, linkable by id."""
    marks: list[Mark] = []
    anchored: set[tuple[int, int]] = set()
    for i, f in enumerate(analysis.headline_check.findings, 1):
        marks.append(
            Mark(
                f.headline.start,
                f.headline.end,
                f"hlf vd-{f.verdict or analysis.headline_check.verdict}",
                f.explanation,
                f"f{i}",
                anchor=f"f{i}",
            )
        )
        for j, ev in enumerate(f.evidence, 1):
            first = (ev.start, ev.end) not in anchored
            anchored.add((ev.start, ev.end))
            marks.append(
                Mark(
                    ev.start,
                    ev.end,
                    "evid",
                    f"evidence for the headline: {f.explanation}",
                    f"f{i}",
                    anchor=evidence_anchor(i, j) if first else None,
                )
            )
    return marks


def evidence_anchor(finding: int, evidence: int) -> str:
    """The element id of one evidence span in the report (findings count from 1)."""
    return f"f{finding}-e{evidence}"


def evidence_links(analysis: Analysis) -> list[list[str]]:
    """Per finding, the element id each evidence span links to (the first mark of that span)."""
    first: dict[tuple[int, int], str] = {}
    links = []
    for i, f in enumerate(analysis.headline_check.findings, 1):
        for j, ev in enumerate(f.evidence, 1):
            first.setdefault((ev.start, ev.end), evidence_anchor(i, j))
        links.append([first[(ev.start, ev.end)] for ev in f.evidence])
    return links


def framing_marks(analysis: Analysis) -> list[Mark]:
    words = {
        "author": "in the article's own voice",
        "quoted": "inside a quote: the words are the speaker's, not the author's",
    }
    return [
        Mark(
            f.start,
            f.end,
            f"frame v-{f.voice}",
            f"{f.category.replace('_', ' ')}, {words[f.voice]}"
            + (f" ({f.quote})" if f.quote else ""),
            key=f"fr{i}",
        )
        for i, f in enumerate(analysis.framing)
    ]


def event_marks(analysis: Analysis) -> list[Mark]:
    return [
        Mark(
            e.trigger.start,
            e.trigger.end,
            "evt" + (" neg" if e.negated else ""),
            event_summary(analysis, e),
            key=e.id,
            anchor=e.id,
        )
        for e in analysis.events
    ]


def event_summary(analysis: Analysis, event: Event) -> str:
    """One line a reader can check: type, who, to whom, when, negation, whose words."""

    def who(role: str) -> str:
        names = [
            (ent.name if (ent := analysis.entity(p.entity)) else p.text)
            for p in event.participants
            if p.role == role
        ]
        return " and ".join(names) or "?"

    parts = [f"{event.type}: {who('actor')} → {who('target')}"]
    if event.negated:
        parts.append("negated")
    if event.date:
        parts.append(event.date)
    parts.append(f"in quote {event.quote}" if event.quote else "author's voice")
    return " · ".join(parts)


def time_marks(analysis: Analysis) -> list[Mark]:
    return [
        Mark(
            t.start,
            t.end,
            f"time t-{t.type}",
            f"{t.type}: {t.value}"
            + (f" (resolved against {t.anchor})" if t.anchor else " (not resolved)"),
        )
        for t in analysis.times
    ]


def claim_marks(analysis: Analysis) -> list[Mark]:
    """Each claim, and inside it each number it rests on."""
    marks = [
        Mark(c.start, c.end, "claim", claim_tip(analysis, c), key=c.id, anchor=c.id)
        for c in analysis.claims
    ]
    marks += [
        Mark(n.start, n.end, "num", number_tip(n), key=c.id)
        for c in analysis.claims
        for n in c.numbers
    ]
    return marks


def claim_source(analysis: Analysis, claim: Claim) -> str:
    """Whose claim it is: the quoted speaker, or the author."""
    quote = next((q for q in analysis.quotes if q.id == claim.source), None)
    return f"{speaker_name(analysis, quote)} ({quote.id})" if quote else "the author"


def claim_tip(analysis: Analysis, claim: Claim) -> str:
    lines = [f"claim {claim.id}, check-worthiness {claim.checkworthiness:.2f}"]
    if claim.kinds:
        lines.append("kinds: " + ", ".join(claim.kinds))
    lines.append(f"source: {claim_source(analysis, claim)}")
    return "\n".join(lines)


def number_tip(number: Number) -> str:
    value = "?" if number.value is None else f"{number.value:g}"
    return f"number: {value}" + (f" {number.unit}" if number.unit else "")


def text_blocks(analysis: Analysis) -> tuple[list[Block], list[Block]]:
    """``(containers, inline)``: the blocks drawn one under the other, in order, with any
    uncovered text as paragraphs; and those drawn inside a container (a block nested in
    another, a dateline on the line of the paragraph it opens).
    """
    text = analysis.text
    inline = [b for b in analysis.blocks if is_nested(b, analysis.blocks)]
    outer = sorted(
        (b for b in analysis.blocks if b.end > b.start and b not in inline), key=lambda b: b.start
    )
    blocks: list[Block] = []
    pos = 0
    for b in [*outer, Block(kind="paragraph", start=len(text), end=len(text))]:
        if b.start > pos and text[pos : b.start].strip():
            blocks.append(Block(kind="paragraph", start=pos, end=b.start))
        if b.end > pos:
            b = Block(kind=b.kind, start=max(b.start, pos), end=b.end)
            prev = blocks[-1] if blocks else None
            if prev and prev.kind == "dateline" and "\n" not in text[prev.end : b.start]:
                inline.append(prev)
                b = Block(kind=b.kind, start=prev.start, end=b.end)
                blocks.pop()
            blocks.append(b)
            pos = b.end
    return blocks, inline


def is_nested(block: Block, blocks: list[Block]) -> bool:
    """Whether ``block`` lies inside a larger block."""
    return any(
        o.start <= block.start and block.end <= o.end and o.end - o.start > block.end - block.start
        for o in blocks
    )


def render_blocks(analysis: Analysis, layers: list[Layer]) -> list[RenderedBlock]:
    """Each block of the text as a tree of marks, ready for the template."""
    blocks, inline = text_blocks(analysis)
    inner = [Mark(b.start, b.end, f"inblock {BLOCK_TAGS[b.kind][1]}") for b in inline]
    marks = [
        dataclasses.replace(m, css=f"L-{layer.name} {m.css}")
        for layer in [Layer("structure", "", inner), *layers]
        for m in layer.marks
    ]
    rendered = []
    for b in blocks:
        clipped = [clip(m, b.start, b.end) for m in marks if m.start < b.end and m.end > b.start]
        tag, css = BLOCK_TAGS[b.kind]
        rendered.append(RenderedBlock(tag, css, nest(analysis.text, clipped, b.start, b.end)))
    return rendered


def clip(mark: Mark, lo: int, hi: int) -> Mark:
    """``mark`` cut to ``lo:hi``; the anchor stays only on the piece where the mark starts."""
    start, end = max(mark.start, lo), min(mark.end, hi)
    return dataclasses.replace(
        mark, start=start, end=end, anchor=mark.anchor if start == mark.start else None
    )


@dataclass
class _Box:
    mark: Mark
    children: list[_Box] = field(default_factory=list)


def nest(text: str, marks: list[Mark], lo: int, hi: int) -> list[Node]:
    """``text[lo:hi]`` as a tree of ``marks``, which come most important first.

    A mark goes inside the mark that contains it and around the marks it contains; where
    it crosses an earlier mark's edge it is cut there, so earlier marks stay whole.
    """
    root: list[_Box] = []
    for mark in marks:
        if mark.end > mark.start:
            _insert(root, mark)
    return _with_text(text, root, lo, hi)


def _insert(level: list[_Box], mark: Mark) -> None:
    for box in level:
        m = box.mark
        if m.start <= mark.start and mark.end <= m.end:
            _insert(box.children, mark)
            return
        if mark.start < m.start < mark.end < m.end or m.start < mark.start < m.end < mark.end:
            cut = m.start if mark.start < m.start else m.end
            _insert(level, clip(mark, mark.start, cut))
            _insert(level, clip(mark, cut, mark.end))
            return
    inside = [b for b in level if mark.start <= b.mark.start and b.mark.end <= mark.end]
    outside = [b for b in level if not (mark.start <= b.mark.start and b.mark.end <= mark.end)]
    level[:] = sorted([*outside, _Box(mark, inside)], key=lambda b: b.mark.start)


def _with_text(text: str, boxes: list[_Box], lo: int, hi: int) -> list[Node]:
    """The nodes for ``text[lo:hi]``: ``boxes`` with the text between and inside them."""
    out, pos = [], lo
    for box in boxes:
        m = box.mark
        if m.start > pos:
            out.append(Node(text=text[pos : m.start]))
        out.append(Node(mark=m, children=_with_text(text, box.children, m.start, m.end)))
        pos = m.end
    if hi > pos:
        out.append(Node(text=text[pos:hi]))
    return out


def quotes_by_speaker(analysis: Analysis) -> list[tuple[str, str | None, list[Quote]]]:
    """``(speaker name, entity id or None, quotes)``, most quoted first."""
    groups: dict[str, tuple[str, str | None, list[Quote]]] = {}
    for q in sorted(analysis.quotes, key=lambda q: q.content.start):
        eid = q.speaker.entity if q.speaker else None
        name = speaker_name(analysis, q)
        groups.setdefault(eid or name, (name, eid, []))[2].append(q)
    return sorted(groups.values(), key=lambda g: (g[1] is None, -len(g[2])))
