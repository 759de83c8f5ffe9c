"""The FNC-1 stance of the body towards the headline (``presslens.models.stance``), and the
sentence that disputes the story when the body disagrees."""

from __future__ import annotations

from spacy.tokens import Doc

from presslens.components.headline.body import Body
from presslens.components.headline.lexicon import HeadlineLexicon
from presslens.components.headline.verdict import Problem, text_at
from presslens.lexicons import lexicon
from presslens.models.stance import predict_stance
from presslens.nlp.parse import end_char


def stance_of(headline: str, body: str) -> str:
    """The FNC-1 stance of ``body`` towards ``headline`` (the shipped model is always there:
    a missing file is a ``ModelFileError``, as for every model)."""
    return predict_stance(headline, body)[0]


def refutation(doc: Doc, headline: tuple[int, int], body: Body) -> list[Problem]:
    """With a 'disagree' stance, the sentence calling the story false.

    The evidence is the first refuting word ('hoax', 'denied') in the best sentences, then
    in the rest of the body; without one the stance alone contradicts nothing.
    """
    if body.stance != "disagree":
        return []
    refuting = lexicon(HeadlineLexicon).refuting
    for s in body.top + body.sentences:
        for i in s.tokens:
            tok = doc[i]
            nxt = doc[i + 1] if i + 1 < s.tokens.stop else None
            pair = f"{tok.lower_} {nxt.lower_}" if nxt is not None else ""
            if tok.lower_ in refuting or pair in refuting:
                end = nxt if pair in refuting else tok
                cue = (tok.idx, end_char(end))
                return [
                    Problem(
                        "refuted",
                        headline,
                        [cue],
                        f'The body disputes the story: "{text_at(doc, *cue)}" '
                        f"(paragraph {s.paragraph}).",
                    )
                ]
    return []
