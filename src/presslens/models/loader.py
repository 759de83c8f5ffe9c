"""The one way presslens finds, checks and caches its shipped model weights.

Every scorer of ``presslens.models`` declares its file as a ``ShippedModel`` (where it lives
under ``resources/models/``, how it is read, the command that rebuilds it) and loads it with
``ShippedModel.load``: read once per process, and a missing or unreadable file is one
``ModelFileError`` that names the file and that command.
"""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, Generic, TypeVar

from presslens.errors import ModelFileError, PresslensError
from presslens.lexicons import resource_path

T = TypeVar("T")

# What reading a truncated, garbled or foreign file raises (numpy, zipfile, json, torch).
_UNREADABLE = (OSError, EOFError, ValueError, KeyError, TypeError, RuntimeError, zipfile.BadZipFile)


def models_dir() -> Path:
    """``resources/models/`` inside the installed package."""
    return resource_path("models")


@dataclass(frozen=True)
class ShippedModel(Generic[T]):
    """A model file under ``resources/models/``: ``read`` turns it into a scorer, ``train`` is
    the command that rebuilds it (on the benchmark named by ``data``)."""

    file: str
    read: Callable[[Path], T]
    train: str
    data: str

    def path(self, directory: Path | None = None) -> Path:
        """Where the file is: in ``directory`` if given, else in ``resources/models/``."""
        return (directory or models_dir()) / self.file

    def load(self, directory: Path | None = None) -> T:
        """The scorer, read once per process; a ``ModelFileError`` if the file is missing or
        cannot be read."""
        return _load(self, directory)

    def error(self, path: Path, problem: str) -> ModelFileError:
        """The error for ``path``: what is wrong with it and how to get it back."""
        return ModelFileError(
            f"the model file {path} {problem}: reinstall presslens or run "
            f"`{self.train}` ({self.data})"
        )


@cache
def _load(model: ShippedModel[Any], directory: Path | None) -> Any:
    path = model.path(directory)
    if not path.is_file():
        raise model.error(path, "is missing")
    try:
        return model.read(path)
    except PresslensError:  # already says what to do (an extra to install, a file to retrain)
        raise
    except _UNREADABLE as exc:
        raise model.error(path, f"cannot be read ({type(exc).__name__}: {exc})") from exc
