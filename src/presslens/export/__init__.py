"""Writers for an Analysis: JSON, JSON lines, the HTML report, brat standoff."""

from __future__ import annotations

from collections.abc import Callable

from presslens.schema import Analysis

FORMATS = ("json", "jsonl", "html", "brat")
EXTENSIONS = {"json": "json", "jsonl": "jsonl", "html": "html", "brat": "ann"}


def render(analysis: Analysis, fmt: str) -> str:
    """``analysis`` written in ``fmt`` (one of FORMATS)."""
    return _renderers()[fmt](analysis)


def _renderers() -> dict[str, Callable[[Analysis], str]]:
    from presslens.export import brat, html

    return {
        "json": lambda a: a.to_json() + "\n",
        "jsonl": lambda a: a.to_json(indent=None) + "\n",
        "html": html.render_html,
        "brat": brat.render_brat,
    }
