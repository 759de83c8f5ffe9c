"""scikit-learn, imported only where presslens trains or runs a baseline (the ``dev`` extra)."""

from __future__ import annotations

import importlib
from typing import Any

from presslens.errors import PresslensError


def sklearn(module: str, name: str, needed_by: str = "training") -> Any:
    """``sklearn.MODULE.NAME``, or a PresslensError saying how to install scikit-learn."""
    try:
        return getattr(importlib.import_module(f"sklearn.{module}"), name)
    except ImportError as exc:
        raise PresslensError(
            f"{needed_by} needs scikit-learn: pip install 'presslens[dev]'"
        ) from exc
