"""The data the entity passes build: mentions in the text and the entities they belong to."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field


@dataclass
class Mention:
    """One place the article names an entity."""

    start: int  # character offsets into doc.text
    end: int
    head: int  # token index of the mention's head, for sentence and subject checks
    kind: str  # name | nominal | pronoun | description ("the 71-year-old")
    entity: Draft | None = None


@dataclass
class Draft:
    """An entity being built."""

    type: str  # PERSON, ORG, or GROUP for a non-person name whose type its labels decide
    names: list[str] = field(default_factory=list)  # proper-name forms, honorifics stripped
    title: str | None = None
    gender: str | None = None  # m, f, or None when unknown
    nominal: str | None = None  # the nominal that names an entity with no proper name
    owner: object = None  # for an unnamed title holder: whose ("the company's chief executive")
    past: bool = False  # titled as a former holder ("former President Bill Clinton")
    labels: Counter = field(default_factory=Counter)
    mentions: list[Mention] = field(default_factory=list)

    def add(self, mention: Mention) -> None:
        mention.entity = self
        self.mentions.append(mention)

    def set_title(self, title: str | None) -> None:
        if title and not self.title:
            self.title = title

    def set_gender(self, gender: str | None) -> None:
        if gender and not self.gender:
            self.gender = gender

    @property
    def top_label(self) -> str:
        """The NER label most of a group's names had (ORG, GPE, ...)."""
        return self.labels.most_common(1)[0][0]

    @property
    def final_type(self) -> str:
        """The type written out: a group's is its top label."""
        return self.type if self.type != "GROUP" else self.top_label
