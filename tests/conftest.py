"""Shared fixtures and markers of the test suite.

Markers (registered in ``pyproject.toml``, which runs pytest with ``--strict-markers``):

* ``slow``: the test parses with spaCy or runs an eval or a training; ``pytest -m "not slow"``
  (``make test-fast``) runs the others. A test that takes the ``analyze`` fixture or a module's
  ``nlp`` fixture (a spaCy pipeline) is marked ``slow`` here; other slow tests carry the marker.
* ``needs_data(name)``: skips, naming the folder, unless ``$PRESSLENS_DATA/<name>`` exists
  (``PRESSLENS_DATA`` defaults to ``../shared/data`` beside the repository); the ``data_dir``
  fixture gives that folder.
* ``needs_extra``: skips unless the embeddings extra (torch, MiniLM) is installed.
* ``browser``: drives a real browser (Chromium through Playwright).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import presslens
from presslens.models.embeddings import available
from presslens.schema import Analysis

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(os.environ.get("PRESSLENS_DATA", ROOT.parent / "shared" / "data"))
PARSE_FIXTURES = frozenset({"analyze", "nlp"})  # the real pipeline, or a spaCy one (test modules)


def missing_data(name: str) -> str | None:
    """Why a test marked ``needs_data(name)`` cannot run, or None when the data is there."""
    folder = DATA / name
    if folder.exists():
        return None
    return (
        f"needs the data folder {folder}, which is absent: set PRESSLENS_DATA to the folder "
        f"that holds {name}/ (default: ../shared/data beside the repository)"
    )


@pytest.hookimpl(tryfirst=True)  # before -m deselects by marker
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Mark the tests that parse as ``slow``; skip those whose data or extra is missing."""
    extra = available()
    for item in items:
        if PARSE_FIXTURES.intersection(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.slow)
        if item.get_closest_marker("needs_extra") and not extra:
            item.add_marker(pytest.mark.skip(reason="the embeddings extra is not installed"))
        for mark in item.iter_markers("needs_data"):
            (name,) = mark.args
            if reason := missing_data(name):
                item.add_marker(pytest.mark.skip(reason=reason))


@pytest.fixture(scope="session")
def data_dir() -> Path:
    """The folder of the public data sets: ``$PRESSLENS_DATA`` or ``../shared/data``."""
    return DATA


@pytest.fixture(scope="session")
def analyze():
    """``analyze(text, **kw) -> Analysis`` with the real default pipeline."""

    def run(text: str, **kw) -> Analysis:
        return presslens.analyze(text, **kw)

    return run
