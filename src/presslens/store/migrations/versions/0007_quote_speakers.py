"""Each quote's speaker as a corpus entity (``quotes.speaker_corpus_entity_id``), indexed with
the date it was said, kept as articles are linked (``store.entity_index``) and filled here for
the quotes already stored: a person's timeline reads their newest quotes from the index
instead of walking every quote by date or sorting every one of theirs. And corpus entities'
names indexed in lower case: the person a page or timeline asks for is found by name.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-03

"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
_FILL = """UPDATE quotes SET speaker_corpus_entity_id = (
    SELECT e.corpus_entity_id FROM article_entities e
    WHERE e.article_id = quotes.article_id AND e.entity = quotes.speaker_entity)"""


def upgrade() -> None:
    op.add_column("quotes", sa.Column("speaker_corpus_entity_id", _ID, nullable=True))
    op.execute(_FILL)
    op.create_index(
        "ix_quotes_speaker_corpus_said", "quotes", ["speaker_corpus_entity_id", "said_on", "id"]
    )
    op.create_index("ix_corpus_entities_lower_name", "corpus_entities", [sa.text("lower(name)")])


def downgrade() -> None:
    op.drop_index("ix_corpus_entities_lower_name", "corpus_entities")
    op.drop_index("ix_quotes_speaker_corpus_said", "quotes")
    op.execute("ALTER TABLE quotes DROP COLUMN speaker_corpus_entity_id")  # SQLite 3.35+ too
