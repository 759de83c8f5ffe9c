"""The data files shipped under ``presslens/resources/``: lexicons, patterns, weights."""

from __future__ import annotations

import dataclasses
import json
import re
from collections.abc import Iterable
from importlib import resources
from pathlib import Path
from typing import Any, TypeVar

from presslens.errors import PresslensError

T = TypeVar("T")


def resource_path(*parts: str) -> Path:
    """The path of ``resources/<parts...>`` inside the installed package."""
    return Path(str(resources.files("presslens").joinpath("resources", *parts)))


def load_json(*parts: str) -> dict:
    """The JSON file ``resources/<parts...>``, parsed."""
    return json.loads(resource_path(*parts).read_text(encoding="utf-8"))


def shipped_model(name: str, *, train: str) -> Path:
    """The path of the trained model ``resources/<name>``; if it is missing, an error that
    names ``train``, the command that rebuilds it."""
    path = resource_path(name)
    if not path.is_file():
        raise PresslensError(f"the model {path} is missing: reinstall presslens or run `{train}`")
    return path


def lexicon_from(cls: type[T], data: dict, **derived: Any) -> T:
    """The dataclass ``cls`` from a JSON lexicon: each field is the key of its name (a list
    becomes a frozenset where the field is one) unless ``derived`` gives it."""
    values = {}
    for f in dataclasses.fields(cls):
        if f.name in derived:
            values[f.name] = derived[f.name]
        else:
            value = data[f.name]
            values[f.name] = frozenset(value) if str(f.type).startswith("frozenset") else value
    return cls(**values)


def phrase_pattern(phrases: Iterable[str]) -> re.Pattern[str]:
    """One case-insensitive pattern for whole-word ``phrases``, the longest tried first."""
    alternatives = "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True))
    return re.compile(rf"\b(?:{alternatives})\b", re.IGNORECASE)
