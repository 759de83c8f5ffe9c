"""The first schema: articles, their analyses and rows, failures; full-text indexes.

Revision ID: 0001
Revises:
Create Date: 2026-12-02

"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

# Full-text search over quote content and claim text. SQLite: FTS5 tables whose row ids are
# the rows' ``id``, kept in step by triggers; PostgreSQL: GIN indexes over tsvectors.
_FTS5 = """CREATE VIRTUAL TABLE {table}_fts USING fts5(
    {column}, content='{table}', content_rowid='id', tokenize='porter unicode61')"""
_INSERT = """CREATE TRIGGER {table}_fts_insert AFTER INSERT ON {table} BEGIN
    INSERT INTO {table}_fts(rowid, {column}) VALUES (new.id, new.{column}); END"""
_DELETE = """CREATE TRIGGER {table}_fts_delete AFTER DELETE ON {table} BEGIN
    INSERT INTO {table}_fts({table}_fts, rowid, {column})
    VALUES ('delete', old.id, old.{column}); END"""
_GIN = "CREATE INDEX ix_{table}_fts ON {table} USING gin (to_tsvector('english', {column}))"
_SEARCHED = (("quotes", "content_text"), ("claims", "text"))
FULL_TEXT = {
    "sqlite": [
        sql.format(table=table, column=column)
        for table, column in _SEARCHED
        for sql in (_FTS5, _INSERT, _DELETE)
    ],
    "postgresql": [_GIN.format(table=table, column=column) for table, column in _SEARCHED],
}
_TABLES = (
    *("participants", "mentions", "claim_kinds", "times", "quotes", "framing", "failures"),
    *("events", "claims", "article_entities", "analyses", "articles"),
)


def upgrade() -> None:
    op.create_table(
        "articles",
        sa.Column(
            "article_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False
        ),
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("identity", sa.String(length=8), nullable=False),
        sa.Column("source_id", sa.Text(), nullable=True),
        sa.Column("input", sa.Text(), nullable=False),
        sa.Column("url", sa.Text(), nullable=True),
        sa.Column("outlet", sa.Text(), nullable=True),
        sa.Column("published", sa.Date(), nullable=True),
        sa.Column("headline", sa.Text(), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("content_hash", sa.String(length=64), nullable=False),
        sa.Column("analysis_version", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("error", sa.Text(), nullable=True),
        sa.Column("headline_verdict", sa.String(length=16), nullable=True),
        sa.Column("headline_stance", sa.String(length=16), nullable=True),
        sa.Column("ingested_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("article_id", name=op.f("pk_articles")),
        sa.UniqueConstraint("key", name=op.f("uq_articles_key")),
    )
    op.create_index("ix_articles_content_hash", "articles", ["content_hash"])
    op.create_index("ix_articles_outlet", "articles", ["outlet"])
    op.create_index("ix_articles_published", "articles", ["published"])

    op.create_table(
        "analyses",
        sa.Column(
            "article_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False
        ),
        sa.Column("schema_version", sa.String(length=8), nullable=False),
        sa.Column(
            "analysis",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=False,
        ),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["articles.article_id"],
            name=op.f("fk_analyses_article_id_articles"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("article_id", name=op.f("pk_analyses")),
    )
    op.create_table(
        "article_entities",
        sa.Column(
            "article_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False
        ),
        sa.Column("entity", sa.String(length=32), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("type", sa.String(length=8), nullable=False),
        sa.Column("title", sa.Text(), nullable=True),
        sa.Column(
            "aliases",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=False,
        ),
        sa.Column("mention_count", sa.Integer(), nullable=False),
        sa.Column("corpus_entity_id", sa.BigInteger(), nullable=True),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["articles.article_id"],
            name=op.f("fk_article_entities_article_id_articles"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("article_id", "entity", name=op.f("pk_article_entities")),
    )
    op.create_index(
        "ix_article_entities_corpus_entity_id", "article_entities", ["corpus_entity_id"]
    )
    op.create_index("ix_article_entities_type", "article_entities", ["type"])

    op.create_table(
        "claims",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column(
            "article_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False
        ),
        sa.Column("claim_id", sa.String(length=32), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("checkworthiness", sa.Float(), nullable=False),
        sa.Column("quote_id", sa.String(length=32), nullable=True),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["articles.article_id"],
            name=op.f("fk_claims_article_id_articles"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_claims")),
    )
    op.create_index("uq_claims_article_claim", "claims", ["article_id", "claim_id"], unique=True)

    op.create_table(
        "events",
        sa.Column(
            "article_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False
        ),
        sa.Column("event_id", sa.String(length=32), nullable=False),
        sa.Column("type", sa.String(length=32), nullable=False),
        sa.Column("trigger_start", sa.Integer(), nullable=False),
        sa.Column("trigger_end", sa.Integer(), nullable=False),
        sa.Column("trigger_text", sa.Text(), nullable=False),
        sa.Column("date", sa.Date(), nullable=True),
        sa.Column("negated", sa.Boolean(), nullable=False),
        sa.Column("quote_id", sa.String(length=32), nullable=True),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["articles.article_id"],
            name=op.f("fk_events_article_id_articles"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("article_id", "event_id", name=op.f("pk_events")),
    )
    op.create_index("ix_events_date", "events", ["date"])
    op.create_index("ix_events_type", "events", ["type"])

    op.create_table(
        "failures",
        sa.Column(
            "failure_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False
        ),
        sa.Column("input", sa.Text(), nullable=False),
        sa.Column("source_id", sa.Text(), nullable=True),
        sa.Column(
            "article_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=True
        ),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("failed_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["articles.article_id"],
            name=op.f("fk_failures_article_id_articles"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("failure_id", name=op.f("pk_failures")),
        sa.UniqueConstraint("input", name=op.f("uq_failures_input")),
    )
    op.create_table(
        "framing",
        sa.Column(
            "article_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False
        ),
        sa.Column("framing_no", sa.Integer(), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("category", sa.String(length=32), nullable=False),
        sa.Column("voice", sa.String(length=8), nullable=False),
        sa.Column("quote_id", sa.String(length=32), nullable=True),
        sa.Column("score", sa.Float(), nullable=True),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["articles.article_id"],
            name=op.f("fk_framing_article_id_articles"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("article_id", "framing_no", name=op.f("pk_framing")),
    )
    op.create_index("ix_framing_category", "framing", ["category"])

    op.create_table(
        "quotes",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column(
            "article_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False
        ),
        sa.Column("quote_id", sa.String(length=32), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("content_start", sa.Integer(), nullable=False),
        sa.Column("content_end", sa.Integer(), nullable=False),
        sa.Column("content_text", sa.Text(), nullable=False),
        sa.Column("speaker_entity", sa.String(length=32), nullable=True),
        sa.Column("speaker_start", sa.Integer(), nullable=True),
        sa.Column("speaker_end", sa.Integer(), nullable=True),
        sa.Column("speaker_text", sa.Text(), nullable=True),
        sa.Column("speaker_anonymous", sa.Boolean(), nullable=True),
        sa.Column("cue_start", sa.Integer(), nullable=True),
        sa.Column("cue_end", sa.Integer(), nullable=True),
        sa.Column("cue_text", sa.Text(), nullable=True),
        sa.Column("channel", sa.String(length=32), nullable=True),
        sa.Column("date", sa.Date(), nullable=True),
        sa.Column("embedded_in", sa.String(length=32), nullable=True),
        sa.Column("confidence", sa.Float(), nullable=False),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["articles.article_id"],
            name=op.f("fk_quotes_article_id_articles"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_quotes")),
    )
    op.create_index("ix_quotes_date", "quotes", ["date"])
    op.create_index("ix_quotes_kind", "quotes", ["kind"])
    op.create_index("ix_quotes_speaker_entity", "quotes", ["article_id", "speaker_entity"])
    op.create_index("uq_quotes_article_quote", "quotes", ["article_id", "quote_id"], unique=True)

    op.create_table(
        "times",
        sa.Column(
            "article_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False
        ),
        sa.Column("time_no", sa.Integer(), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("type", sa.String(length=8), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.Column("anchor", sa.String(length=10), nullable=True),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["articles.article_id"],
            name=op.f("fk_times_article_id_articles"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("article_id", "time_no", name=op.f("pk_times")),
    )
    op.create_table(
        "claim_kinds",
        sa.Column(
            "article_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False
        ),
        sa.Column("claim_id", sa.String(length=32), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.ForeignKeyConstraint(
            ["article_id", "claim_id"],
            ["claims.article_id", "claims.claim_id"],
            name=op.f("fk_claim_kinds_article_id_claims"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["articles.article_id"],
            name=op.f("fk_claim_kinds_article_id_articles"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("article_id", "claim_id", "kind", name=op.f("pk_claim_kinds")),
    )
    op.create_index("ix_claim_kinds_kind", "claim_kinds", ["kind"])

    op.create_table(
        "mentions",
        sa.Column(
            "article_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False
        ),
        sa.Column("mention_no", sa.Integer(), nullable=False),
        sa.Column("entity", sa.String(length=32), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["article_id", "entity"],
            ["article_entities.article_id", "article_entities.entity"],
            name=op.f("fk_mentions_article_id_article_entities"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["articles.article_id"],
            name=op.f("fk_mentions_article_id_articles"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("article_id", "mention_no", name=op.f("pk_mentions")),
    )
    op.create_index("ix_mentions_entity", "mentions", ["article_id", "entity"])

    op.create_table(
        "participants",
        sa.Column(
            "article_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False
        ),
        sa.Column("event_id", sa.String(length=32), nullable=False),
        sa.Column("participant_no", sa.Integer(), nullable=False),
        sa.Column("entity", sa.String(length=32), nullable=True),
        sa.Column("role", sa.String(length=8), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["article_id", "event_id"],
            ["events.article_id", "events.event_id"],
            name=op.f("fk_participants_article_id_events"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["articles.article_id"],
            name=op.f("fk_participants_article_id_articles"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint(
            "article_id", "event_id", "participant_no", name=op.f("pk_participants")
        ),
    )
    op.create_index("ix_participants_entity", "participants", ["article_id", "entity"])
    op.create_index("ix_article_entities_name", "article_entities", [sa.text("lower(name)")])
    op.create_index("ix_quotes_speaker_text", "quotes", [sa.text("lower(speaker_text)")])
    for statement in FULL_TEXT[op.get_bind().dialect.name]:
        op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for table, _ in _SEARCHED:
            op.execute(f"DROP TABLE {table}_fts")
    for table in _TABLES:
        op.drop_table(table)
