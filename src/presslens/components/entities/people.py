"""People: person names merged into one entity each ("Maria Lopez" = "Lopez" = "Ms Lopez"),
with the index that finds the person a single name stands for."""

from __future__ import annotations

from presslens.components.entities.context import Context
from presslens.components.entities.drafts import Draft
from presslens.components.entities.lexicon import EntityLexicon
from presslens.components.entities.names import Name, name_parts, name_text
from presslens.components.entities.titles import compatible
from presslens.nlp.layers import layers


class People:
    """The people of one Doc, by full name, surname and given name."""

    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        self.by_full: dict[tuple[str, str], Draft] = {}
        self.by_part: dict[str, list[Draft]] = {}  # surname -> people
        self.by_first: dict[str, list[Draft]] = {}  # given name -> people
        self.relatives: set[int] = set()  # people first named as someone's relative

    def merge(self, names: list[Name]) -> None:
        """Merge person names: full names by (first, last), then single names onto them.

        A longer name ending in a known full name is that person ("Crooked Hillary Clinton").
        """
        ctx = self.ctx
        full: list[tuple[Name, list[str]]] = []
        single: list[tuple[Name, list[str]]] = []
        for name in names:
            if name.personal:
                parts = name_parts(ctx, name)
                (full if len(parts) > 1 else single).append((name, parts))
        pairs = {(p[0].lower(), p[-1].lower()) for _, p in full if len(p) == 2}
        for name, parts in full:
            key = (parts[0].lower(), parts[-1].lower())
            if len(parts) > 2 and (parts[-2].lower(), parts[-1].lower()) in pairs:
                key = (parts[-2].lower(), parts[-1].lower())
            draft = self.by_full.get(key)
            if draft is None:
                draft = self.by_full[key] = ctx.new("PERSON")
                self._index_surname(key[1], draft)
                self.by_first.setdefault(key[0], []).append(draft)
                if self._introduced_as_relative(name):
                    self.relatives.add(id(draft))
            self.mention(draft, name)
        for name, parts in single:
            if self.names_family(name.name_end):
                continue
            draft = self.known(parts[0], name.gender, name.name_start, name.title)
            if draft is None and self.shared(parts[0]):
                continue  # a surname two people share, and nothing tells which one
            if draft is None:
                draft = ctx.new("PERSON")
                self.by_full[("", parts[0].lower())] = draft
                self._index_surname(parts[0].lower(), draft)
            self.mention(draft, name)

    def _index_surname(self, surname: str, draft: Draft) -> None:
        """Index ``draft`` by its surname, and by the last word of a surname with particles
        ("van der berg" is also "berg")."""
        for form in dict.fromkeys((surname, surname.split()[-1])):
            self.by_part.setdefault(form, []).append(draft)

    def mention(self, draft: Draft, name: Name) -> None:
        """Add ``name`` to the person ``draft``, with its title, gender and past title."""
        draft.names.append(name_text(self.ctx, name))
        draft.set_title(name.title)
        draft.set_gender(name.gender)
        draft.past = draft.past or name.past
        self.ctx.mention(draft, name.start, name.name_end, name.name_end - 1, "name")

    def known(
        self, word: str, gender: str | None, at: int, title: str | None = None
    ) -> Draft | None:
        """The person a single name ("Lopez") stands for, or None when there is none or it is
        not clear which.

        Several people with that surname: not one first named as another's relative ("his
        wife, Ellen Ward"), then the one whose gender fits, then the one whose title the
        name's fits ("Mayor Lee" when the mayor is Ann Lee), then the only one named in the
        same or the previous sentence, then the one the story is about (named in the headline,
        else named in full most often).
        """
        candidates = self.by_part.get(word.lower(), [])
        if not candidates:
            given = self.by_first.get(word.lower(), [])
            return given[0] if len(given) == 1 else None
        if len(candidates) > 1:
            candidates = [d for d in candidates if id(d) not in self.relatives] or candidates
        if len(candidates) > 1 and gender:
            fitting = [d for d in candidates if gender_guess(self.ctx.lex, d) == gender]
            candidates = fitting or candidates
        if len(candidates) > 1 and title:
            titled = [d for d in candidates if compatible(self.ctx, d.title, title)]
            candidates = titled or candidates
        if len(candidates) == 1:
            return candidates[0]
        ctx = self.ctx
        sentence = ctx.sent_of[at]
        offset = ctx.idx[at]
        recent = [
            d
            for d in candidates
            if any(m.start < offset and sentence - ctx.sent_of[m.head] <= 1 for m in d.mentions)
        ]
        if len(recent) == 1:
            return recent[0]
        ranked = sorted(((self._standing(d, offset), id(d), d) for d in candidates), reverse=True)
        if ranked[0][0] > ranked[1][0]:
            return ranked[0][2]  # the person the story is about: in the headline, named most
        return None

    def _standing(self, draft: Draft, offset: int) -> tuple[bool, int]:
        """How much the story is about ``draft`` before ``offset``: named in the headline, and
        how often named with more than one word."""
        ctx, text = self.ctx, self.ctx.text
        headline = layers(ctx.doc).headline
        before = [m for m in draft.mentions if m.start < offset]
        in_headline = headline is not None and any(m.start < headline[1] for m in before)
        return in_headline, sum(1 for m in before if " " in text[m.start : m.end])

    def shared(self, word: str) -> bool:
        """Whether two or more people have the surname ``word``."""
        return len(self.by_part.get(word.lower(), ())) > 1

    def names_family(self, end: int) -> bool:
        """Whether a bare surname ending before token ``end`` names a family: "the Bernoulli
        family"."""
        return end < self.ctx.n and self.ctx.lower[end] in self.ctx.lex.family_nouns

    def _introduced_as_relative(self, name: Name) -> bool:
        """Whether ``name`` follows a relation word: "his wife, Ellen Ward", "son John Ward"."""
        k = name.start - 1
        if k >= 0 and self.ctx.words[k] == ",":
            k -= 1
        return k >= 0 and self.ctx.lower[k] in self.ctx.lex.kinship

    def for_text(self, text: str, at: int) -> Draft | None:
        """The known person whose full name or surname ``text`` is."""
        words = text.split()
        if len(words) > 1:
            return self.by_full.get((words[0].lower(), words[-1].lower()))
        if text.lower() not in self.by_part:
            return None
        return self.known(text, None, at)


def gender_guess(lex: EntityLexicon, draft: Draft) -> str | None:
    """A person's gender as given, else as their given name suggests (named in full only)."""
    if draft.gender:
        return draft.gender
    for name in draft.names:
        gender = lex.first_names.get(name.split()[0])
        if gender and len(name.split()) > 1:
            return gender
    return None


def infer_gender(lex: EntityLexicon, draft: Draft) -> None:
    """Set a person's gender from their title ("chairwoman") or given name when none is known."""
    if draft.type == "PERSON":
        draft.set_gender(lex.gendered_titles.get(draft.title or ""))
        draft.set_gender(gender_guess(lex, draft))
