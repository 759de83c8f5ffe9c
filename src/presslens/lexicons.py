"""The data files shipped under ``presslens/resources/``, and the one way lexicons are cached.

Rules as data live in ``resources/lexicons/<stage>/*.json`` (``load_json``); trained weights
in ``resources/models/`` (read through ``presslens.models.loader``). A lexicon is a dataclass
with a classmethod ``load`` that builds it from its JSON; every user asks ``lexicon(cls)``
for it, which calls ``load`` once per process (a C-level cache: stages ask in their hot loops);
a lexicon built with a pipeline's tokenizer or vocabulary comes from
``pipeline_lexicon(cls, nlp)``, which calls ``load(nlp)`` once per pipeline.
"""

from __future__ import annotations

import dataclasses
import json
import re
from collections.abc import Iterable
from functools import cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar
from weakref import WeakKeyDictionary

if TYPE_CHECKING:
    from spacy.language import Language

T = TypeVar("T")

_PER_PIPELINE: WeakKeyDictionary[Language, dict[type, Any]] = WeakKeyDictionary()


def resource_path(*parts: str) -> Path:
    """The path of ``resources/<parts...>`` inside the installed package."""
    return Path(str(resources.files("presslens").joinpath("resources", *parts)))


def load_json(*parts: str) -> dict:
    """The JSON file ``resources/lexicons/<parts...>``, parsed."""
    return json.loads(resource_path("lexicons", *parts).read_text(encoding="utf-8"))


@cache
def lexicon(cls: type[T]) -> T:
    """The lexicon ``cls``, built by ``cls.load()`` the first time it is asked for."""
    return cls.load()  # type: ignore[attr-defined]


def pipeline_lexicon(cls: type[T], nlp: Language) -> T:
    """The lexicon ``cls`` of the pipeline ``nlp``, built by ``cls.load(nlp)`` once per
    pipeline (kept as long as ``nlp`` lives)."""
    built = _PER_PIPELINE.setdefault(nlp, {})
    if cls not in built:
        built[cls] = cls.load(nlp)  # type: ignore[attr-defined]
    return built[cls]


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
