"""brat standoff annotations (.ann) for an Analysis."""

from __future__ import annotations

from presslens.schema import Analysis


def render_brat(analysis: Analysis) -> str:
    raise NotImplementedError("the brat export is being written")
