"""People: person names merged into one entity each ("Maria Lopez" = "Lopez" = "Ms Lopez"),
with the index that finds the person a single name stands for."""

from __future__ import annotations

from presslens.components.entities.context import Context
from presslens.components.entities.drafts import Draft
from presslens.components.entities.lexicon import EntityLexicon
from presslens.components.entities.names import Name, name_parts


class People:
    """The people of one Doc, by full name, surname and given name."""

    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        self.by_full: dict[tuple[str, str], Draft] = {}
        self.by_part: dict[str, list[Draft]] = {}  # surname -> people
        self.by_first: dict[str, list[Draft]] = {}  # given name -> people

    def merge(self, names: list[Name]) -> None:
        """Merge person names: full names by (first, last), then single names onto them.

        A longer name ending in a known full name is that person ("Crooked Hillary Clinton");
        a title-case headline's "Obama Seeks" is the known Obama.
        """
        ctx = self.ctx
        full: list[tuple[Name, list[str]]] = []
        single: list[tuple[Name, list[str]]] = []
        for name in names:
            if name.personal:
                parts = name_parts(ctx, name)
                (full if len(parts) > 1 else single).append((name, parts))
        pairs = {(p[0].lower(), p[-1].lower()) for _, p in full if len(p) == 2}
        body = [p for n, p in full if ctx.idx[n.start] >= ctx.headline_end]
        body_keys = {(p[0].lower(), p[-1].lower()) for p in body}
        body_surnames = {p[-1].lower() for p in body}
        for name, parts in list(full):
            key = (parts[0].lower(), parts[-1].lower())
            if ctx.idx[name.start] >= ctx.headline_end or key in body_keys:
                continue
            for k in range(name.name_start, name.name_end):
                if ctx.lower[k] in body_surnames:
                    full.remove((name, parts))
                    single.append((Name(k, k, k + 1, "PERSON"), [ctx.words[k]]))
                    break
        for name, parts in full:
            key = (parts[0].lower(), parts[-1].lower())
            if len(parts) > 2 and (parts[-2].lower(), parts[-1].lower()) in pairs:
                key = (parts[-2].lower(), parts[-1].lower())
            draft = self.by_full.get(key)
            if draft is None:
                draft = self.by_full[key] = ctx.new("PERSON")
                self.by_part.setdefault(key[1], []).append(draft)
                self.by_first.setdefault(key[0], []).append(draft)
            self.mention(draft, name)
        for name, parts in single:
            draft = self.known(parts[0], name.gender, name.name_start)
            if draft is None:
                draft = ctx.new("PERSON")
                self.by_full[("", parts[0].lower())] = draft
                self.by_part.setdefault(parts[0].lower(), []).append(draft)
            self.mention(draft, name)

    def mention(self, draft: Draft, name: Name) -> None:
        """Add ``name`` to the person ``draft``, with its title, gender and past title."""
        draft.names.append(self.ctx.text_of(name.name_start, name.name_end))
        draft.set_title(name.title)
        draft.set_gender(name.gender)
        draft.past = draft.past or name.past
        self.ctx.mention(draft, name.start, name.name_end, name.name_end - 1, "name")

    def known(self, word: str, gender: str | None, at: int) -> Draft | None:
        """The person a single name ("Lopez") stands for, or None when there is none.

        Several people with that surname: the one whose gender fits, else the one named in
        full most often (a relative named once does not take over), else the most recent.
        """
        candidates = self.by_part.get(word.lower(), [])
        if not candidates:
            given = self.by_first.get(word.lower(), [])
            return given[0] if len(given) == 1 else None
        if len(candidates) > 1 and gender:
            fitting = [d for d in candidates if gender_guess(self.ctx.lex, d) == gender]
            candidates = fitting or candidates
        if len(candidates) == 1:
            return candidates[0]
        offset = self.ctx.idx[at]

        def rank(d: Draft) -> tuple[int, int]:
            last = max((m.start for m in d.mentions if m.start < offset), default=-1)
            return len(d.mentions), last

        return max(candidates, key=rank)

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
