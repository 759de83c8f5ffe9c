"""Entities: spaCy NER mentions merged into one entity per person or organisation."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from presslens.layers import layers, span
from presslens.schema import Entity

_TYPES = {"PERSON": "PERSON", "ORG": "ORG", "GPE": "GPE", "NORP": "NORP"}


class EntitiesComponent:
    def __call__(self, doc: Doc) -> Doc:
        lay = layers(doc)
        by_name: dict[tuple[str, str], Entity] = {}
        for ent in doc.ents:
            etype = _TYPES.get(ent.label_)
            if etype is None:
                continue
            key = (etype, ent.text)
            if key not in by_name:
                by_name[key] = Entity(id=f"E{len(by_name) + 1}", name=ent.text, type=etype)
            e = by_name[key]
            e.mentions.append(span(doc, ent.start_char, ent.end_char))
            lay.mention_entity[(ent.start_char, ent.end_char)] = e.id
        lay.entities = list(by_name.values())
        return doc


@Language.factory("presslens_entities")
def make_entities(nlp: Language, name: str) -> EntitiesComponent:
    return EntitiesComponent()
