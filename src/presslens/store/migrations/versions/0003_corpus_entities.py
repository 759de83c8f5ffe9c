"""Corpus entities: one person or organisation across articles, and the keys it is found by.

A store upgraded from an earlier revision is relinked by ``presslens db upgrade``
(``store.db.upgrade``): its article entities get their corpus entities in the same transaction.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-03

"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
_COUNTS = ("names", "forms", "given_names", "genders", "titles")


def _json() -> sa.types.TypeEngine:
    return sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql")


def upgrade() -> None:
    op.create_table(
        "corpus_entities",
        sa.Column("corpus_entity_id", _ID, nullable=False),
        sa.Column("type", sa.String(length=8), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("aliases", _json(), nullable=False),
        sa.Column("article_count", sa.Integer(), nullable=False),
        sa.Column("mention_count", sa.Integer(), nullable=False),
        sa.Column("surname", sa.Text(), nullable=True),
        sa.Column("suffix", sa.String(length=8), nullable=True),
        *(sa.Column(name, _json(), nullable=False) for name in _COUNTS),
        sa.PrimaryKeyConstraint("corpus_entity_id", name=op.f("pk_corpus_entities")),
    )
    op.create_index("ix_corpus_entities_article_count", "corpus_entities", ["article_count"])
    op.create_index("ix_corpus_entities_type", "corpus_entities", ["type"])
    op.create_index("ix_corpus_entities_name", "corpus_entities", [sa.text("lower(name)")])

    op.create_table(
        "corpus_entity_keys",
        sa.Column("key", sa.Text(), nullable=False),
        sa.Column("corpus_entity_id", _ID, nullable=False),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["corpus_entity_id"],
            ["corpus_entities.corpus_entity_id"],
            name=op.f("fk_corpus_entity_keys_corpus_entity_id_corpus_entities"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("key", "corpus_entity_id", name=op.f("pk_corpus_entity_keys")),
    )
    op.create_index(
        "ix_corpus_entity_keys_corpus_entity_id", "corpus_entity_keys", ["corpus_entity_id"]
    )

    op.drop_index("ix_article_entities_corpus_entity_id", "article_entities")
    op.create_index(
        "ix_article_entities_corpus_article",
        "article_entities",
        ["corpus_entity_id", "article_id"],
    )


def downgrade() -> None:
    op.drop_index("ix_article_entities_corpus_article", "article_entities")
    op.create_index(
        "ix_article_entities_corpus_entity_id", "article_entities", ["corpus_entity_id"]
    )
    op.execute("UPDATE article_entities SET corpus_entity_id = NULL")
    op.drop_table("corpus_entity_keys")
    op.drop_table("corpus_entities")
