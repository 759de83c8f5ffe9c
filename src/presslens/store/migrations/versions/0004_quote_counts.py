"""Quotes by corpus entity and outlet, kept as articles are linked (``store.entity_index``),
counted here for the quotes already stored.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-03

"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
_FILL = """INSERT INTO corpus_entity_outlets (corpus_entity_id, outlet, quotes)
    SELECT e.corpus_entity_id, coalesce(a.outlet, ''), count(*)
    FROM quotes q
    JOIN article_entities e ON e.article_id = q.article_id AND e.entity = q.speaker_entity
    JOIN articles a ON a.article_id = q.article_id
    WHERE e.corpus_entity_id IS NOT NULL
    GROUP BY e.corpus_entity_id, coalesce(a.outlet, '')"""


def upgrade() -> None:
    op.create_table(
        "corpus_entity_outlets",
        sa.Column("corpus_entity_id", _ID, nullable=False),
        sa.Column("outlet", sa.Text(), nullable=False),
        sa.Column("quotes", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["corpus_entity_id"],
            ["corpus_entities.corpus_entity_id"],
            name=op.f("fk_corpus_entity_outlets_corpus_entity_id_corpus_entities"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint(
            "corpus_entity_id", "outlet", name=op.f("pk_corpus_entity_outlets")
        ),
    )
    op.execute(_FILL)


def downgrade() -> None:
    op.drop_table("corpus_entity_outlets")
