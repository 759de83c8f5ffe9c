"""The HTML report: the article with quotes highlighted by speaker."""

from __future__ import annotations

from presslens.schema import Analysis


def render_html(analysis: Analysis) -> str:
    raise NotImplementedError("the HTML report is being written")
