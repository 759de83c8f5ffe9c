"""The data files shipped under ``presslens/resources/``: lexicons, patterns, weights."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path


def resource_path(*parts: str) -> Path:
    """The path of ``resources/<parts...>`` inside the installed package."""
    return Path(str(resources.files("presslens").joinpath("resources", *parts)))


def load_json(*parts: str) -> dict:
    """The JSON file ``resources/<parts...>``, parsed."""
    return json.loads(resource_path(*parts).read_text(encoding="utf-8"))
