"""PostgreSQL: the words of quotes' speakers as a stored ``tsvector`` (``quotes.speaker_fts``,
generated from ``speaker_name``) under a GIN index, in place of the index over the expression:
a search by a popular speaker's name then reads the stored words instead of parsing every
name again (docs/BENCHMARKS.md). SQLite keeps its FTS5 table: nothing changes there.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-03

"""

from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("DROP INDEX ix_quotes_speaker_fts")
    op.execute(
        "ALTER TABLE quotes ADD COLUMN speaker_fts tsvector GENERATED ALWAYS AS "
        "(to_tsvector('simple', coalesce(speaker_name, ''))) STORED"
    )
    op.execute("CREATE INDEX ix_quotes_speaker_fts ON quotes USING gin (speaker_fts)")


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("ALTER TABLE quotes DROP COLUMN speaker_fts")
    op.execute(
        "CREATE INDEX ix_quotes_speaker_fts ON quotes USING gin "
        "(to_tsvector('simple', coalesce(speaker_name, '')))"
    )
