"""The corpus store: many analyses in SQLite or PostgreSQL, kept for the corpus questions.

The modules, in the order they build on each other: ``tables`` (the schema, one for both
databases), ``db`` (open a store, check and upgrade its schema with the Alembic migrations
in ``migrations/``), ``rows`` (an ``Analysis`` as table rows), ``write`` (one article per
transaction), ``fts`` (full-text matching), ``ingest`` (read, skip what is stored, analyse,
write). The store takes ``Analysis`` objects and nothing from ``components/``.
"""
