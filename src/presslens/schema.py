"""The output contract (docs/CONTRACT.md, every field explained) as typed models.

Field names here are fixed: other tools and the evaluations read them. Add
fields freely; never rename one. Every span is a pair of 0-based,
end-exclusive character offsets into ``Analysis.text``.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from presslens.errors import PresslensError

SCHEMA_VERSION = "1"


def json_value(value: Any) -> Any:
    """``value`` as presslens writes it in JSON where JSON has no type for it (the
    ``default`` of ``json.dumps``): a date as YYYY-MM-DD."""
    if isinstance(value, dt.date):
        return value.isoformat()
    raise TypeError(f"cannot write a {type(value).__name__} as JSON")


BlockKind = Literal[
    "headline", "byline", "dateline", "subheading", "paragraph", "caption", "credit"
]
QuoteKind = Literal["direct", "indirect", "mixed", "partial"]
EntityType = Literal["PERSON", "ORG", "GPE", "NORP", "FAC", "LOC", "OTHER"]
HeadlineVerdict = Literal[
    "supported", "overstated", "unsupported", "contradicted", "unrelated", "not_applicable"
]
FindingKind = Literal[
    "escalated",
    "hedge_dropped",
    "number_inflated",
    "number_differs",
    "attribution_dropped",
    "quote_not_in_body",
    "different_actor",
    "negated",
    "antonym",
    "refuted",
    "no_evidence",
]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Span(_Model):
    start: int
    end: int
    text: str


class Source(_Model):
    id: str | None = None
    path: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: str | None = Field(default=None, description="YYYY-MM-DD or null")


class Block(_Model):
    kind: BlockKind
    start: int
    end: int


class Entity(_Model):
    id: str
    name: str
    type: EntityType
    title: str | None = None
    aliases: list[str] = Field(default_factory=list)
    mentions: list[Span] = Field(default_factory=list)


class Speaker(_Model):
    entity: str | None
    start: int
    end: int
    text: str
    anonymous: bool = Field(
        default=False, description="an unnamed source such as 'a senior official'"
    )


class Quote(_Model):
    id: str
    kind: QuoteKind
    content: Span
    spans: list[Span] | None = Field(
        default=None, description="pieces when the content is discontinuous"
    )
    cue: Span | None = None
    speaker: Speaker | None = None
    channel: str | None = None
    date: str | None = None
    embedded_in: str | None = None
    confidence: float


class Time(_Model):
    start: int
    end: int
    text: str
    type: Literal["date", "time", "duration", "set"]
    value: str
    anchor: str | None = Field(
        default=None,
        description="YYYY-MM-DD the value was resolved against (publication or quote date); "
        "null when a relative expression could not be resolved",
    )


class Number(_Model):
    start: int
    end: int
    text: str
    value: float | None
    unit: str | None = None
    bound: Literal["at_least", "at_most", "about"] | None = Field(
        default=None,
        description="'more than 200', '200 plus': at_least; 'nearly', 'up to': at_most",
    )
    upper: float | None = Field(default=None, description="the upper end of a range ('10 to 12')")


class Claim(_Model):
    id: str
    start: int
    end: int
    text: str
    checkworthiness: float
    kinds: list[str] = Field(default_factory=list)
    numbers: list[Number] = Field(default_factory=list)
    source: str | None = None


class Participant(_Model):
    entity: str | None
    role: Literal["actor", "target"]
    start: int
    end: int
    text: str


class Event(_Model):
    id: str
    type: str
    trigger: Span
    participants: list[Participant] = Field(default_factory=list)
    date: str | None = None
    negated: bool = False
    quote: str | None = Field(
        default=None, description="the quote the event is reported in; null in the author's voice"
    )


class Finding(_Model):
    headline: Span
    evidence: list[Span] = Field(default_factory=list)
    explanation: str
    verdict: HeadlineVerdict | None = Field(
        default=None, description="the verdict on this assertion (the check's verdict is the worst)"
    )
    kind: FindingKind | None = Field(
        default=None, description="what went wrong, when something did (null: no problem)"
    )


class HeadlineCheck(_Model):
    verdict: HeadlineVerdict
    stance: Literal["agree", "disagree", "discuss", "unrelated"] | None = None
    findings: list[Finding] = Field(default_factory=list)


class Framing(_Model):
    start: int
    end: int
    text: str
    category: str
    voice: Literal["author", "quoted"]
    quote: str | None = None
    score: float | None = Field(
        default=None, description="the token model's mean probability, when it found the span"
    )


class Analysis(_Model):
    """Everything presslens found in one article."""

    schema_version: str = SCHEMA_VERSION
    text: str
    source: Source = Field(default_factory=Source)
    headline: Span | None = None
    blocks: list[Block] = Field(default_factory=list)
    entities: list[Entity] = Field(default_factory=list)
    quotes: list[Quote] = Field(default_factory=list)
    times: list[Time] = Field(default_factory=list)
    claims: list[Claim] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)
    headline_check: HeadlineCheck = Field(
        default_factory=lambda: HeadlineCheck(verdict="not_applicable")
    )
    framing: list[Framing] = Field(default_factory=list)
    warnings: list[str] = Field(
        default_factory=list, description="what the reader had to repair, e.g. replaced characters"
    )

    def to_dict(self) -> dict:
        return self.model_dump(mode="json")

    def to_json(self, *, indent: int | None = 2) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    def entity(self, entity_id: str | None) -> Entity | None:
        """The entity with this id, or None."""
        return next((e for e in self.entities if e.id == entity_id), None)


def json_schema() -> dict:
    """The JSON Schema of the output contract."""
    return Analysis.model_json_schema()


class Failure(_Model):
    """The line ``analyze --format jsonl`` writes for an input it could not analyse.

    It keeps one line per input, in order; ``source.id`` is the id the input gave
    the article, else the input's name.
    """

    schema_version: str = SCHEMA_VERSION
    source: Source
    input: str
    error: str

    @classmethod
    def of(cls, name: str, error: PresslensError) -> Failure:
        """The failure of the input ``name``."""
        article_id = getattr(error, "article_id", None)
        return cls(source=Source(id=article_id or name), input=name, error=str(error))

    def to_json(self) -> str:
        """One JSON line (ASCII, unlike an analysis): only ``source.id`` is known."""
        return json.dumps(self.model_dump(mode="json", exclude_none=True))
