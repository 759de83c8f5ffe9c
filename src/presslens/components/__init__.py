"""presslens pipeline components; importing this registers their spaCy factories."""

from presslens.components import (
    claims,
    entities,
    events,
    framing,
    headline,
    quotes,
    structure,
    times,
)

__all__ = [
    "claims",
    "entities",
    "events",
    "framing",
    "headline",
    "quotes",
    "structure",
    "times",
]
