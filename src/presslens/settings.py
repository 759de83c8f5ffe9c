"""One ``Settings`` that the CLI and the Python API read (later the server and the runner too).

Each field is one setting: its name, its default and its help (``field.metadata["help"]``,
see ``dataclasses.fields(Settings)``). The ``presslens`` options take their defaults from
here, so each default is written once.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from importlib.metadata import PackageNotFoundError, version
from typing import Any

from presslens.io.readers import DEFAULT_MAX_BYTES
from presslens.pipeline import DEFAULT_MODEL, DEFAULT_PIECE_CHARS


def _setting(default: Any, help: str) -> Any:
    return field(default=default, metadata={"help": help})


@dataclass(frozen=True)
class Settings:
    """How presslens reads and analyses articles; change one with ``dataclasses.replace``."""

    model: str = _setting(DEFAULT_MODEL, "the spaCy pipeline that parses (any installed one)")
    embeddings: bool = _setting(
        False,
        "use MiniLM too: claims by sentence embeddings, framing by its tagger (needs the extra)",
    )
    max_bytes: int = _setting(
        DEFAULT_MAX_BYTES, "refuse an input (a file, stdin, a JSONL line) larger than this"
    )
    piece_chars: int = _setting(
        DEFAULT_PIECE_CHARS,
        "a text longer than this is parsed in paragraph-aligned pieces of at most this many"
        " characters (and the model's max_length): the parser's memory grows with the piece",
    )
    batch_size: int = _setting(16, "articles spaCy parses together (analyze_many)")
    chunk: int = _setting(
        64, "articles analyze_stream sends together; a failing chunk is retried one by one"
    )
    cue_threshold: float | None = _setting(
        None,
        "cue-model probability from which a verb outside the cue lexicon is a cue; None: the"
        " quotes stage's own (components.quotes.cues.CUE_THRESHOLD)",
    )
    claim_threshold: float | None = _setting(
        None, "check-worthiness from which a sentence is a claim; None: the shipped model's own"
    )
    framing_threshold: float | None = _setting(
        None, "framing probability from which words are flagged; None: the shipped model's own"
    )
    db_url: str = _setting(
        "presslens.db",
        "the corpus store: a SQLite file path or URL, or postgresql://USER@HOST/DB"
        " (the CLI's --db, else $PRESSLENS_DB)",
    )
    # Next: the number of workers (runner/).

    def pipeline(self) -> dict[str, Any]:
        """The keywords of ``pipeline.build_nlp`` these settings give."""
        return {
            "embeddings": self.embeddings,
            "cue_threshold": self.cue_threshold,
            "claim_threshold": self.claim_threshold,
            "framing_threshold": self.framing_threshold,
        }

    def analysis_version(self) -> str:
        """What an analysis depends on: presslens's version, the model's, and a hash of the
        settings that change the output (the store re-analyses when it differs)."""
        settings = json.dumps({"model": self.model, **self.pipeline()}, sort_keys=True)
        digest = hashlib.sha256(settings.encode()).hexdigest()[:12]
        return f"presslens {_version('presslens')}; {self.model} {_version(self.model)}; {digest}"


def _version(package: str) -> str:
    """The installed version of a package, or ``unknown`` (a spaCy pipeline given by path)."""
    try:
        return version(package)
    except (PackageNotFoundError, ValueError):
        return "unknown"
