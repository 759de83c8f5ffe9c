"""The ``presslens_entities`` spaCy component: runs the entity passes in order on a Doc and
writes the entities and the mention -> entity map on its layers."""

from __future__ import annotations

from collections import Counter

from spacy.language import Language
from spacy.tokens import Doc

from presslens.components.entities.context import Context, TokenStrings
from presslens.components.entities.drafts import Draft
from presslens.components.entities.holders import appositives, nominal_titles
from presslens.components.entities.interviews import interview_pronouns
from presslens.components.entities.lexicon import EntityLexicon
from presslens.components.entities.names import find_names
from presslens.components.entities.organisations import Organisations
from presslens.components.entities.people import People, infer_gender
from presslens.components.entities.pronouns import resolve_pronouns
from presslens.lexicons import pipeline_lexicon
from presslens.nlp.layers import Layers, layers
from presslens.schema import Entity, Span

_NOT_ALIASES = {"pronoun", "description"}


class EntitiesComponent:
    def __init__(self, lexicon: EntityLexicon) -> None:
        self.lex = lexicon
        self.strings = TokenStrings()

    def __call__(self, doc: Doc) -> Doc:
        ctx = Context(self.lex, doc, self.strings)
        names = find_names(ctx)
        people = People(ctx)
        people.merge(names)
        organisations = Organisations(ctx, people)
        organisations.group(names)
        organisations.missed_names()
        organisations.nouns()
        appositives(ctx)
        nominal_titles(ctx)
        interview_pronouns(ctx)
        for draft in ctx.drafts:
            infer_gender(ctx.lex, draft)
        resolve_pronouns(ctx)
        _write(ctx, layers(doc))
        return doc


def _write(ctx: Context, lay: Layers) -> None:
    """The drafts with mentions as entities E1, E2, ... in order of first mention."""
    text = ctx.text
    used = [d for d in ctx.drafts if d.mentions]
    for d in used:
        d.mentions.sort(key=lambda m: (m.start, m.end))
    used.sort(key=lambda d: d.mentions[0].start)
    entities = []
    for n, d in enumerate(used, 1):
        eid = f"E{n}"
        aliases = list(
            dict.fromkeys(text[m.start : m.end] for m in d.mentions if m.kind not in _NOT_ALIASES)
        )
        name = _best_name(d) or d.nominal or aliases[0]
        entities.append(
            Entity(
                id=eid,
                name=name,
                type=d.final_type,
                title=d.title,
                aliases=aliases,
                mentions=[
                    Span(start=m.start, end=m.end, text=text[m.start : m.end]) for m in d.mentions
                ],
            )
        )
        for m in d.mentions:
            lay.mention_entity[(m.start, m.end)] = eid
    lay.entities = entities


def _best_name(draft: Draft) -> str | None:
    """The fullest proper name: the most used name of several words, else the most used,
    written as a name rather than in capitals ("Riverton", not a dateline's "RIVERTON")."""
    if not draft.names:
        return None
    counts = Counter(draft.names)
    return max(counts, key=lambda n: (" " in n, counts[n], not n.isupper(), len(n)))


@Language.factory("presslens_entities")
def make_entities(nlp: Language, name: str) -> EntitiesComponent:
    return EntitiesComponent(pipeline_lexicon(EntityLexicon, nlp))
