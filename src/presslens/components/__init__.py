"""presslens pipeline components; importing this registers their spaCy factories."""

from presslens.components import entities, quotes, structure

__all__ = ["entities", "quotes", "structure"]
