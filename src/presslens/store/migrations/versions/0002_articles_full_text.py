"""Full-text search over articles (headline and text), for the questions about a story.

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-03

"""

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

# SQLite: an FTS5 table over the articles' headline and text, row ids the article ids, kept
# in step by triggers (an article is updated in place when it is analysed again) and filled
# from the articles already stored; PostgreSQL: a GIN index over the same words.
_SQLITE = (
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
# The expression presslens.store.fts searches: it must be the indexed one, word for word.
ARTICLE_WORDS = "coalesce(headline, '') || ' ' || text"
_POSTGRESQL = (
    f"CREATE INDEX ix_articles_fts ON articles USING gin (to_tsvector('english', {ARTICLE_WORDS}))",
)


def upgrade() -> None:
    sqlite = op.get_bind().dialect.name == "sqlite"
    for statement in _SQLITE if sqlite else _POSTGRESQL:
        op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for trigger in ("insert", "delete", "update"):
            op.execute(f"DROP TRIGGER articles_fts_{trigger}")
        op.execute("DROP TABLE articles_fts")
    else:
        op.execute("DROP INDEX ix_articles_fts")
