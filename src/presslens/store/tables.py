"""The tables of the corpus store: one schema for SQLite and PostgreSQL (docs/CONTRACT.md).

Every row belongs to an article (``article_id``, deleted with it); the rows of an article
are written together in one transaction (``store.write``). Ids inside an article are the
analysis's own (``E1``, ``Q1``, ``c1``, ``e1``); lists without ids (mentions, times,
framing, participants) are numbered in their order (``*_no``). ``corpus_entity_id`` links an
article's entity to the corpus entity it is (``store.corpus_entities`` fills it as the article is
written; null for an entity the linker leaves unlinked).
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, ClassVar

from sqlalchemy import (
    JSON,
    BigInteger,
    Date,
    DateTime,
    Float,
    ForeignKey,
    ForeignKeyConstraint,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    func,
)
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

# Named constraints, so that migrations can name what they alter.
NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

Id = BigInteger().with_variant(Integer, "sqlite")  # INTEGER PRIMARY KEY: SQLite's rowid
Json = JSON().with_variant(JSONB, "postgresql")

ArticleId = Annotated[
    int,
    mapped_column(Id, ForeignKey("articles.article_id", ondelete="CASCADE"), primary_key=True),
]
LocalId = Annotated[str, mapped_column(String(32), primary_key=True)]
Position = Annotated[int, mapped_column(primary_key=True)]


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map: ClassVar = {dict[str, Any]: Json, list[str]: Json, str: Text}


class Article(Base):
    """One article: where it came from, the analysed text, and how it was analysed.

    ``key`` identifies it across ingests: a hash of its ``id`` when the source gave one,
    else of its URL, else its content hash (``identity`` says which).
    """

    __tablename__ = "articles"

    article_id: Mapped[int] = mapped_column(Id, primary_key=True)
    key: Mapped[str] = mapped_column(String(64), unique=True)
    identity: Mapped[str] = mapped_column(String(8))  # id | url | content
    source_id: Mapped[str | None]
    input: Mapped[str]  # the file, FILE:LINE or ARCHIVE@OFFSET it was read from
    url: Mapped[str | None]
    outlet: Mapped[str | None] = mapped_column(index=True)
    published: Mapped[dt.date | None] = mapped_column(Date, index=True)
    headline: Mapped[str | None]
    text: Mapped[str]
    content_hash: Mapped[str] = mapped_column(String(64), index=True)
    analysis_version: Mapped[str]
    status: Mapped[str] = mapped_column(String(16))  # analysed | failed
    error: Mapped[str | None]
    headline_verdict: Mapped[str | None] = mapped_column(String(16))
    headline_stance: Mapped[str | None] = mapped_column(String(16))
    ingested_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))


class Analysis(Base):
    """The whole analysis as the contract's JSON, without ``text`` (that is the article's)."""

    __tablename__ = "analyses"

    article_id: Mapped[ArticleId]
    schema_version: Mapped[str] = mapped_column(String(8))
    analysis: Mapped[dict[str, Any]]


class ArticleEntity(Base):
    """A person, organisation or place as one article resolves it (``entity`` is ``E1``)."""

    __tablename__ = "article_entities"

    article_id: Mapped[ArticleId]
    entity: Mapped[LocalId]
    name: Mapped[str]
    type: Mapped[str] = mapped_column(String(8), index=True)
    title: Mapped[str | None]
    aliases: Mapped[list[str]]
    mention_count: Mapped[int]
    corpus_entity_id: Mapped[int | None] = mapped_column(BigInteger)


class Mention(Base):
    """Where an article names one of its entities."""

    __tablename__ = "mentions"
    __table_args__ = (
        ForeignKeyConstraint(
            ["article_id", "entity"],
            ["article_entities.article_id", "article_entities.entity"],
            ondelete="CASCADE",
        ),
        Index("ix_mentions_entity", "article_id", "entity"),
    )

    article_id: Mapped[ArticleId]
    mention_no: Mapped[Position]
    entity: Mapped[str] = mapped_column(String(32))
    start: Mapped[int]
    end: Mapped[int]
    text: Mapped[str]


class Quote(Base):
    """What was said, by whom: the contract's ``Quote`` flattened (``content_*``,
    ``speaker_*``, ``cue_*``); ``speaker_entity`` is the article's entity id,
    ``speaker_corpus_entity_id`` its corpus entity (``store.entity_index`` keeps it)."""

    __tablename__ = "quotes"
    __table_args__ = (
        Index("uq_quotes_article_quote", "article_id", "quote_id", unique=True),
        Index("ix_quotes_speaker_entity", "article_id", "speaker_entity"),
        Index("ix_quotes_speaker_corpus_said", "speaker_corpus_entity_id", "said_on", "id"),
    )

    id: Mapped[int] = mapped_column(Id, primary_key=True)  # the full-text index's row id
    article_id: Mapped[int] = mapped_column(
        Id, ForeignKey("articles.article_id", ondelete="CASCADE")
    )
    quote_id: Mapped[str] = mapped_column(String(32))
    kind: Mapped[str] = mapped_column(String(16), index=True)
    content_start: Mapped[int]
    content_end: Mapped[int]
    content_text: Mapped[str]
    speaker_entity: Mapped[str | None] = mapped_column(String(32))
    speaker_start: Mapped[int | None]
    speaker_end: Mapped[int | None]
    speaker_text: Mapped[str | None]
    speaker_name: Mapped[str | None]  # the speaker's entity's name, else speaker_text: searched
    speaker_anonymous: Mapped[bool | None]
    cue_start: Mapped[int | None]
    cue_end: Mapped[int | None]
    cue_text: Mapped[str | None]
    channel: Mapped[str | None] = mapped_column(String(32))
    date: Mapped[dt.date | None] = mapped_column(Date, index=True)
    # date, else the article's publication date: the date the questions sort and filter by
    said_on: Mapped[dt.date | None] = mapped_column(Date, index=True)
    embedded_in: Mapped[str | None] = mapped_column(String(32))
    confidence: Mapped[float] = mapped_column(Float)
    # a timeline reads a corpus entity's quotes newest first from its index
    speaker_corpus_entity_id: Mapped[int | None] = mapped_column(Id)


class Claim(Base):
    """A check-worthy statement; ``quote_id`` is the quote it is made in (the contract's
    ``source``), null in the author's voice. Its kinds are rows of ``claim_kinds``."""

    __tablename__ = "claims"
    __table_args__ = (Index("uq_claims_article_claim", "article_id", "claim_id", unique=True),)

    id: Mapped[int] = mapped_column(Id, primary_key=True)  # the full-text index's row id
    article_id: Mapped[int] = mapped_column(
        Id, ForeignKey("articles.article_id", ondelete="CASCADE")
    )
    claim_id: Mapped[str] = mapped_column(String(32))
    start: Mapped[int]
    end: Mapped[int]
    text: Mapped[str]
    checkworthiness: Mapped[float] = mapped_column(Float)
    quote_id: Mapped[str | None] = mapped_column(String(32))


class ClaimKind(Base):
    """One kind of a claim (numeric, causal, comparison, ...)."""

    __tablename__ = "claim_kinds"
    __table_args__ = (
        ForeignKeyConstraint(
            ["article_id", "claim_id"],
            ["claims.article_id", "claims.claim_id"],
            ondelete="CASCADE",
        ),
    )

    article_id: Mapped[ArticleId]
    claim_id: Mapped[LocalId]
    kind: Mapped[str] = mapped_column(String(32), primary_key=True, index=True)


class Event(Base):
    """A PLOVER event; ``quote_id`` is the quote it is reported in, null in the author's voice."""

    __tablename__ = "events"

    article_id: Mapped[ArticleId]
    event_id: Mapped[LocalId]
    type: Mapped[str] = mapped_column(String(32), index=True)
    trigger_start: Mapped[int]
    trigger_end: Mapped[int]
    trigger_text: Mapped[str]
    date: Mapped[dt.date | None] = mapped_column(Date, index=True)
    negated: Mapped[bool]
    quote_id: Mapped[str | None] = mapped_column(String(32))


class Participant(Base):
    """An actor or target of an event; ``entity`` is the article's entity id, or null."""

    __tablename__ = "participants"
    __table_args__ = (
        ForeignKeyConstraint(
            ["article_id", "event_id"],
            ["events.article_id", "events.event_id"],
            ondelete="CASCADE",
        ),
        Index("ix_participants_entity", "article_id", "entity"),
    )

    article_id: Mapped[ArticleId]
    event_id: Mapped[LocalId]
    participant_no: Mapped[Position]
    entity: Mapped[str | None] = mapped_column(String(32))
    role: Mapped[str] = mapped_column(String(8))
    start: Mapped[int]
    end: Mapped[int]
    text: Mapped[str]


class Time(Base):
    """A time expression and its ISO 8601 value."""

    __tablename__ = "times"

    article_id: Mapped[ArticleId]
    time_no: Mapped[Position]
    start: Mapped[int]
    end: Mapped[int]
    text: Mapped[str]
    type: Mapped[str] = mapped_column(String(8))
    value: Mapped[str]
    anchor: Mapped[str | None] = mapped_column(String(10))


class Framing(Base):
    """Loaded language, name-calling, exaggeration, doubt: in the author's voice or quoted."""

    __tablename__ = "framing"

    article_id: Mapped[ArticleId]
    framing_no: Mapped[Position]
    start: Mapped[int]
    end: Mapped[int]
    text: Mapped[str]
    category: Mapped[str] = mapped_column(String(32), index=True)
    voice: Mapped[str] = mapped_column(String(8))
    quote_id: Mapped[str | None] = mapped_column(String(32))
    score: Mapped[float | None] = mapped_column(Float)


class CorpusEntity(Base):
    """One person or organisation across articles (``store.linker``): its name, aliases and
    counts, and what its article entities said of it (each JSON object counts article
    entities): ``names`` (best full names), ``forms`` (every name and alias), ``given_names``,
    ``genders``, ``titles``; a person's ``surname`` and ``suffix``."""

    __tablename__ = "corpus_entities"

    corpus_entity_id: Mapped[int] = mapped_column(Id, primary_key=True)
    type: Mapped[str] = mapped_column(String(8), index=True)
    name: Mapped[str]
    aliases: Mapped[list[str]]
    article_count: Mapped[int] = mapped_column(index=True)
    mention_count: Mapped[int]
    surname: Mapped[str | None]
    suffix: Mapped[str | None] = mapped_column(String(8))
    names: Mapped[dict[str, Any]]
    forms: Mapped[dict[str, Any]]
    given_names: Mapped[dict[str, Any]]
    genders: Mapped[dict[str, Any]]
    titles: Mapped[dict[str, Any]]


# a person's page looks a name up as it is written, whatever its case
Index("ix_corpus_entities_lower_name", func.lower(CorpusEntity.name))


class CorpusEntityKey(Base):
    """A key a corpus entity is looked up by (``p:clinton``, ``o:church scientology``,
    ``o~:mit``), with how many of its article entities give it."""

    __tablename__ = "corpus_entity_keys"

    key: Mapped[str] = mapped_column(primary_key=True)
    corpus_entity_id: Mapped[int] = mapped_column(
        Id,
        ForeignKey("corpus_entities.corpus_entity_id", ondelete="CASCADE"),
        primary_key=True,
        index=True,
    )
    count: Mapped[int]


class CorpusEntityOutlet(Base):
    """How many quotes a corpus entity is the speaker of in one outlet (``outlet`` is "" for
    articles without one), kept as articles are linked (``store.entity_index``)."""

    __tablename__ = "corpus_entity_outlets"

    corpus_entity_id: Mapped[int] = mapped_column(
        Id, ForeignKey("corpus_entities.corpus_entity_id", ondelete="CASCADE"), primary_key=True
    )
    outlet: Mapped[str] = mapped_column(primary_key=True)
    quotes: Mapped[int]


class CorpusEntityEvent(Base):
    """An event a corpus entity is the actor or target of, with the day it happened (its
    date, else its article's publication date): a person's timeline read newest first from
    an index (``store.entity_index`` keeps it as articles are linked)."""

    __tablename__ = "corpus_entity_events"
    __table_args__ = (Index("ix_corpus_entity_events_day", "corpus_entity_id", "happened_on"),)

    corpus_entity_id: Mapped[int] = mapped_column(
        Id, ForeignKey("corpus_entities.corpus_entity_id", ondelete="CASCADE"), primary_key=True
    )
    article_id: Mapped[int] = mapped_column(
        Id, ForeignKey("articles.article_id", ondelete="CASCADE"), primary_key=True
    )
    event_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    role: Mapped[str] = mapped_column(String(8), primary_key=True)
    happened_on: Mapped[dt.date | None] = mapped_column(Date)


class Failure(Base):
    """An input that could not be read or analysed, once per input (its latest reason)."""

    __tablename__ = "failures"

    failure_id: Mapped[int] = mapped_column(Id, primary_key=True)
    input: Mapped[str] = mapped_column(unique=True)
    source_id: Mapped[str | None]
    article_id: Mapped[int | None] = mapped_column(
        Id, ForeignKey("articles.article_id", ondelete="SET NULL")
    )
    reason: Mapped[str]
    failed_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))


# Case-insensitive look-ups by name (the queries lower both sides).
Index("ix_article_entities_name", func.lower(ArticleEntity.name))
Index("ix_quotes_speaker_text", func.lower(Quote.speaker_text))
Index("ix_corpus_entities_name", func.lower(CorpusEntity.name))
# The articles of a corpus entity, read from the index alone (the linker's ``together``).
Index(
    "ix_article_entities_corpus_article", ArticleEntity.corpus_entity_id, ArticleEntity.article_id
)

# The rows of one article, children before parents: what a re-analysis deletes, in order.
ARTICLE_ROWS = (
    Mention,
    ArticleEntity,
    ClaimKind,
    Claim,
    Participant,
    Event,
    Quote,
    Time,
    Framing,
    Analysis,
)
