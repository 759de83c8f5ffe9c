"""Full-text search over articles (headline and text) and over quotes' speakers.

Quotes get ``speaker_name`` (the speaker's entity's name, else the words that name the
speaker), searched like their content, and ``said_on`` (the quote's date, else its
article's publication date), indexed: the newest quotes of a speaker are read in date order
without sorting them all. Both are filled for the quotes already stored.

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-03

"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

_FILL = """UPDATE quotes SET
    speaker_name = coalesce(
        (SELECT name FROM article_entities e
         WHERE e.article_id = quotes.article_id AND e.entity = quotes.speaker_entity),
        speaker_text),
    said_on = coalesce(
        date, (SELECT published FROM articles a WHERE a.article_id = quotes.article_id))"""

# SQLite: FTS5 tables kept in step by triggers (an article is updated in place when it is
# analysed again; quotes are deleted and written again) and filled from the rows stored.
_QUOTES_FTS = (
    "DROP TRIGGER quotes_fts_insert",
    "DROP TRIGGER quotes_fts_delete",
    "DROP TABLE quotes_fts",
    """CREATE VIRTUAL TABLE quotes_fts USING fts5(
    content_text, speaker_name, content='quotes', content_rowid='id',
    tokenize='porter unicode61')""",
    """CREATE TRIGGER quotes_fts_insert AFTER INSERT ON quotes BEGIN
    INSERT INTO quotes_fts(rowid, content_text, speaker_name)
    VALUES (new.id, new.content_text, new.speaker_name); END""",
    """CREATE TRIGGER quotes_fts_delete AFTER DELETE ON quotes BEGIN
    INSERT INTO quotes_fts(quotes_fts, rowid, content_text, speaker_name)
    VALUES ('delete', old.id, old.content_text, old.speaker_name); END""",
    "INSERT INTO quotes_fts(quotes_fts) VALUES ('rebuild')",
)
_QUOTES_FTS_0001 = (
    """CREATE VIRTUAL TABLE quotes_fts USING fts5(
    content_text, content='quotes', content_rowid='id', tokenize='porter unicode61')""",
    """CREATE TRIGGER quotes_fts_insert AFTER INSERT ON quotes BEGIN
    INSERT INTO quotes_fts(rowid, content_text) VALUES (new.id, new.content_text); END""",
    """CREATE TRIGGER quotes_fts_delete AFTER DELETE ON quotes BEGIN
    INSERT INTO quotes_fts(quotes_fts, rowid, content_text)
    VALUES ('delete', old.id, old.content_text); END""",
    "INSERT INTO quotes_fts(quotes_fts) VALUES ('rebuild')",
)
_ARTICLES_FTS = (
    """CREATE VIRTUAL TABLE articles_fts USING fts5(
    headline, text, content='articles', content_rowid='article_id',
    tokenize='porter unicode61')""",
    """CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts(rowid, headline, text)
    VALUES (new.article_id, new.headline, new.text); END""",
    """CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, headline, text)
    VALUES ('delete', old.article_id, old.headline, old.text); END""",
    """CREATE TRIGGER articles_fts_update AFTER UPDATE OF headline, text ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, headline, text)
    VALUES ('delete', old.article_id, old.headline, old.text);
    INSERT INTO articles_fts(rowid, headline, text)
    VALUES (new.article_id, new.headline, new.text); END""",
    "INSERT INTO articles_fts(articles_fts) VALUES ('rebuild')",
)
# PostgreSQL: GIN indexes over exactly the expressions presslens.store.fts searches.
_POSTGRESQL = (
    "CREATE INDEX ix_articles_fts ON articles USING gin "
    "(to_tsvector('english', coalesce(headline, '') || ' ' || text))",
    "CREATE INDEX ix_quotes_speaker_fts ON quotes USING gin "
    "(to_tsvector('simple', coalesce(speaker_name, '')))",
)


def upgrade() -> None:
    op.add_column("quotes", sa.Column("speaker_name", sa.Text(), nullable=True))
    op.add_column("quotes", sa.Column("said_on", sa.Date(), nullable=True))
    op.execute(_FILL)
    op.create_index("ix_quotes_said_on", "quotes", ["said_on"])
    sqlite = op.get_bind().dialect.name == "sqlite"
    for statement in (*_QUOTES_FTS, *_ARTICLES_FTS) if sqlite else _POSTGRESQL:
        op.execute(statement)


def downgrade() -> None:
    op.drop_index("ix_quotes_said_on", "quotes")
    if op.get_bind().dialect.name != "sqlite":
        op.execute("DROP INDEX ix_articles_fts")
        op.execute("DROP INDEX ix_quotes_speaker_fts")
        op.drop_column("quotes", "speaker_name")
        op.drop_column("quotes", "said_on")
        return
    for trigger in ("insert", "delete", "update"):
        op.execute(f"DROP TRIGGER articles_fts_{trigger}")
    op.execute("DROP TABLE articles_fts")
    for statement in _QUOTES_FTS[:3]:  # the triggers read speaker_name: first them
        op.execute(statement)
    op.execute("ALTER TABLE quotes DROP COLUMN speaker_name")
    op.execute("ALTER TABLE quotes DROP COLUMN said_on")
    for statement in _QUOTES_FTS_0001:
        op.execute(statement)
