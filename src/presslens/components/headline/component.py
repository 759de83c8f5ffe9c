"""The spaCy component ``presslens_headline`` and the check it runs on each Doc."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from presslens.components.headline.assertions import asks, find_assertions
from presslens.components.headline.body import body_sentences
from presslens.components.headline.evidence import read_body
from presslens.components.headline.figures import number_problems
from presslens.components.headline.judging import judge
from presslens.components.headline.quotations import quote_problems
from presslens.components.headline.stance import refutation, stance_of
from presslens.components.headline.verdict import (
    by_overlap,
    finding,
    overall,
    overlap_finding,
    verdict_of,
)
from presslens.nlp.layers import doc_text, layers
from presslens.schema import Finding, HeadlineCheck


def check_headline(doc: Doc) -> HeadlineCheck:
    """The headline check of a Doc the earlier presslens stages have been through."""
    lay = layers(doc)
    text = doc_text(doc)
    sentences = body_sentences(doc) if lay.headline else []
    if lay.headline is None or not sentences:
        return HeadlineCheck(verdict="not_applicable")
    h_start, h_end = lay.headline
    headline = doc.char_span(h_start, h_end, alignment_mode="expand")
    stance = stance_of(text[h_start:h_end], "\n\n".join(text[s.start : s.end] for s in sentences))
    body = read_body(doc, headline, sentences, stance)
    judged = [
        j for a in find_assertions(doc, headline, body) if (j := judge(doc, a, body)) is not None
    ]
    if not judged:  # no predicate: the headline is a phrase ('Record crowd at lake festival')
        verdict = by_overlap(body)
        judged.append((verdict, overlap_finding(doc, lay.headline, verdict, body)))
    so_far = overall([v for v, _ in judged])
    problems = (
        []  # the body is about something else: its figures and quotes tell nothing
        if so_far == "unrelated"
        else number_problems(doc, headline, body) + quote_problems(doc, headline, body)
    )
    if so_far in ("supported", "unsupported") and not asks(doc, headline):
        problems += refutation(doc, lay.headline, body)
    for p in problems:
        verdict = verdict_of(p.kind)
        judged.append((verdict, finding(doc, p, verdict)))
    findings: list[Finding] = []
    for _, f in judged:
        if f not in findings and not any(_inside(f, g) for _, g in judged):
            findings.append(f)
    verdict = overall([v for v, _ in judged])
    return HeadlineCheck(verdict=verdict, stance=stance, findings=findings)


def _inside(f: Finding, wider: Finding) -> bool:
    """Whether ``f`` says what ``wider`` says of headline words around it ('will rebuild'
    inside a misattributed headline quote)."""
    return (
        f.kind is not None
        and f.kind == wider.kind
        and f.headline != wider.headline
        and wider.headline.start <= f.headline.start
        and f.headline.end <= wider.headline.end
    )


class HeadlineComponent:
    """Writes ``layers(doc).headline_check``."""

    def __call__(self, doc: Doc) -> Doc:
        layers(doc).headline_check = check_headline(doc)
        return doc


@Language.factory("presslens_headline")
def make_headline(nlp: Language, name: str) -> HeadlineComponent:
    return HeadlineComponent()
