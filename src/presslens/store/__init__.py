"""The corpus store: many analyses in SQLite or PostgreSQL, kept for the corpus questions.

The modules, in the order they build on each other: ``tables`` (the schema, one for both
databases), ``names`` and ``linker`` (one corpus entity per person or organisation across
articles, decided on plain data), ``corpus_entities`` (the linker inside a transaction, and a
whole store relinked), ``db`` (open a store, check and upgrade its schema with the Alembic
migrations in ``migrations/``), ``rows`` (an ``Analysis`` as table rows), ``write`` (one
article per transaction, linked as it is written), ``fts`` (full-text matching), ``ingest``
(read, skip what is stored, analyse, write). The store takes ``Analysis`` objects and nothing
from ``components/``.
"""
