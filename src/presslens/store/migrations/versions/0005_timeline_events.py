"""The events of each corpus entity by day (``corpus_entity_events``), kept as articles are
linked (``store.entity_index``), filled here for the events already stored.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-03

"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
_FILL = """INSERT INTO corpus_entity_events
    (corpus_entity_id, article_id, event_id, role, happened_on)
    SELECT DISTINCT e.corpus_entity_id, p.article_id, p.event_id, p.role,
        coalesce(ev.date, a.published)
    FROM participants p
    JOIN article_entities e ON e.article_id = p.article_id AND e.entity = p.entity
    JOIN events ev ON ev.article_id = p.article_id AND ev.event_id = p.event_id
    JOIN articles a ON a.article_id = p.article_id
    WHERE e.corpus_entity_id IS NOT NULL AND ev.negated = false"""


def upgrade() -> None:
    op.create_table(
        "corpus_entity_events",
        sa.Column("corpus_entity_id", _ID, nullable=False),
        sa.Column("article_id", _ID, nullable=False),
        sa.Column("event_id", sa.String(length=32), nullable=False),
        sa.Column("role", sa.String(length=8), nullable=False),
        sa.Column("happened_on", sa.Date(), nullable=True),
        sa.ForeignKeyConstraint(
            ["corpus_entity_id"],
            ["corpus_entities.corpus_entity_id"],
            name=op.f("fk_corpus_entity_events_corpus_entity_id_corpus_entities"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["articles.article_id"],
            name=op.f("fk_corpus_entity_events_article_id_articles"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint(
            "corpus_entity_id",
            "article_id",
            "event_id",
            "role",
            name=op.f("pk_corpus_entity_events"),
        ),
    )
    op.create_index(
        "ix_corpus_entity_events_day", "corpus_entity_events", ["corpus_entity_id", "happened_on"]
    )
    op.execute(_FILL)


def downgrade() -> None:
    op.drop_index("ix_corpus_entity_events_day", "corpus_entity_events")
    op.drop_table("corpus_entity_events")
