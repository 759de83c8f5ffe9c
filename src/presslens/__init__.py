"""presslens: who said what, about whom, in news articles.

>>> import presslens
>>> a = presslens.analyze('"We will win," said Mayor Ana Ruiz.', published="2024-03-14")
>>> a.quotes[0].speaker.text
'Mayor Ana Ruiz'
"""

from __future__ import annotations

from presslens.api import analyze, analyze_many, analyze_stream
from presslens.errors import InputError, ModelError, PresslensError
from presslens.io.article import Article
from presslens.pipeline import DEFAULT_MODEL
from presslens.schema import Analysis
from presslens.settings import Settings

__all__ = [
    "DEFAULT_MODEL",
    "Analysis",
    "Article",
    "InputError",
    "ModelError",
    "PresslensError",
    "Settings",
    "analyze",
    "analyze_many",
    "analyze_stream",
]
__version__ = "0.1.0"
