"""The presslens layers a ``Doc`` carries between pipeline components.

Each component reads what earlier components wrote here and adds its own
layer; ``analysis_from_doc`` turns the finished layers into the output contract.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc

from presslens.io.article import Article
from presslens.schema import (
    Analysis,
    Block,
    Claim,
    Entity,
    Event,
    Framing,
    HeadlineCheck,
    Quote,
    Source,
    Span,
    Time,
)
from presslens.text.quotemarks import Quoted
from presslens.text.spans import ByStart

if not Doc.has_extension("presslens"):
    Doc.set_extension("presslens", default=None)


@dataclass
class Layers:
    article: Article | None = None
    headline: tuple[int, int] | None = None
    blocks: list[Block] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    # (start_char, end_char) of every entity mention, pronouns and titles included -> entity id
    mention_entity: dict[tuple[int, int], str] = field(default_factory=dict)
    quotes: list[Quote] = field(default_factory=list)
    times: list[Time] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    headline_check: HeadlineCheck | None = None
    framing: list[Framing] = field(default_factory=list)
    # the quoted stretches, found once (nlp.quoted): over every block (False) or speech blocks
    quoted: dict[bool, list[Quoted]] = field(default_factory=dict)
    # mention_entity's items by start, built by entity_for when mention_entity has grown
    mentions: ByStart[tuple[tuple[int, int], str]] | None = None
    text: str | None = None  # doc.text, cached: spaCy rebuilds it from the tokens on every access


# Where spaCy keeps ``doc._.presslens`` (Underscore's key): read directly, as every stage
# asks for the layers many times and ``doc._`` builds a new accessor object on each access.
_USER_DATA_KEY = ("._.", "presslens", None, None)


def layers(doc: Doc) -> Layers:
    """The layers of ``doc``, created empty on first use."""
    lay = doc.user_data.get(_USER_DATA_KEY)
    if lay is None:  # first use (or a spaCy that keys extensions otherwise: the slow path)
        if doc._.presslens is None:
            doc._.presslens = Layers()
        lay = doc._.presslens
    return lay


def doc_text(doc: Doc) -> str:
    """``doc.text``, computed once per Doc (spaCy joins every token on each access)."""
    lay = layers(doc)
    if lay.text is None:
        lay.text = doc.text
    return lay.text


def span(doc: Doc, start: int, end: int) -> Span:
    """A contract span for character offsets into ``doc.text``."""
    return Span(start=start, end=end, text=doc_text(doc)[start:end])


def analysis_from_doc(doc: Doc) -> Analysis:
    """The output contract for a Doc that went through the presslens pipeline."""
    lay = layers(doc)
    art = lay.article
    source = (
        Source(
            id=art.id,
            path=art.path,
            url=art.url,
            outlet=art.outlet,
            published=art.published.isoformat() if art.published else None,
        )
        if art
        else Source()
    )
    return Analysis(
        text=doc_text(doc),
        source=source,
        headline=span(doc, *lay.headline) if lay.headline else None,
        blocks=lay.blocks,
        entities=lay.entities,
        quotes=lay.quotes,
        times=lay.times,
        claims=lay.claims,
        events=lay.events,
        headline_check=lay.headline_check or HeadlineCheck(verdict="not_applicable"),
        framing=lay.framing,
        warnings=list(art.warnings) if art else [],
    )


def entity_for(doc: Doc, start: int, end: int) -> str | None:
    """The id of the entity mentioned at characters ``start:end``, or None.

    An exact mention wins; otherwise the longest mention inside the span (so
    "Hugh Hill, a doctor" finds Hugh Hill), then the shortest one containing it.
    """
    lay = layers(doc)
    index = lay.mention_entity
    if (start, end) in index:
        return index[(start, end)]
    if lay.mentions is None or len(lay.mentions.items) != len(index):
        lay.mentions = ByStart(list(index.items()), lambda item: item[0])
    inside = [(e - s, eid) for (s, e), eid in lay.mentions.starting_in(start, end) if e <= end]
    if inside:
        return max(inside)[1]
    around = [(e - s, eid) for (s, e), eid in lay.mentions.may_contain(start, end) if end <= e]
    return min(around)[1] if around else None
