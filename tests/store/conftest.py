"""Fixtures of the store tests."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from presslens.store import tables


@pytest.fixture
def count_rows():
    """``count_rows(engine) -> {table: rows}`` for the articles, their rows and the failures."""

    def count(engine) -> dict[str, int]:
        with engine.connect() as conn:
            return {
                t.__tablename__: conn.execute(select(func.count()).select_from(t)).scalar_one()
                for t in (tables.Article, *tables.ARTICLE_ROWS, tables.Failure)
            }

    return count
