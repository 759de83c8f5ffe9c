"""Shared fixtures: the real spaCy pipeline, loaded once per test session."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import presslens
from presslens.models.embeddings import available
from presslens.schema import Analysis

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(os.environ.get("PRESSLENS_DATA", ROOT.parent / "shared" / "data"))
needs_extra = pytest.mark.skipif(not available(), reason="the embeddings extra is not installed")


@pytest.fixture(scope="session")
def analyze():
    """``analyze(text, **kw) -> Analysis`` with the real default pipeline."""

    def run(text: str, **kw) -> Analysis:
        return presslens.analyze(text, **kw)

    return run
