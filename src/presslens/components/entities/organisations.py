"""Organisations and places: names grouped by name, alias ("U.S." = "United States") and acronym
("(WHO)", initials); names NER missed; organisation nouns ("the ministry", "the company",
"police")."""

from __future__ import annotations

from collections import Counter

from presslens.components.entities.context import DEFINITE, NOUNS, Context
from presslens.components.entities.drafts import Draft
from presslens.components.entities.names import Name
from presslens.components.entities.people import People
from presslens.components.entities.titles import nominal_name

_PLACE_LABELS = {"GPE", "LOC", "FAC"}
AMBIGUOUS = Draft(type="ORG")  # several organisations fit a noun: it is left unlinked
_SEVERAL_DETERMINERS = {"a", "an", "another", "other", "each", "every", "both"}


class Organisations:
    """The organisations and places of one Doc (groups of names), and their acronyms."""

    def __init__(self, ctx: Context, people: People) -> None:
        self.ctx = ctx
        self.people = people
        self.groups: dict[str, Draft] = {}
        self.acronyms: dict[str, Draft] = {}

    def _group_key(self, text: str) -> str:
        lex = self.ctx.lex
        lowered = text.lower()
        if lowered in lex.place_names:
            return lex.place_names[lowered].lower()
        words = lowered.split()
        while len(words) > 1 and words[-1].rstrip(".,") in lex.corporate_suffixes:
            words.pop()
        return " ".join(words)

    def group(self, names: list[Name]) -> None:
        """Non-person names grouped by name, alias and acronym; a known person's name is theirs."""
        ctx = self.ctx
        lex, words = ctx.lex, ctx.words
        pending: list[tuple[Name, str]] = []
        for name in names:
            if name.personal:
                continue
            text = ctx.text_of(name.name_start, name.name_end)
            person = self.people.for_text(text, name.name_start)
            if person is not None:  # NER called a known person an organisation or a place
                self.people.mention(person, name)
                continue
            pending.append((name, text))
        for name, text in pending:
            key = self._group_key(text)
            draft = self.groups.get(key)
            if draft is None:
                draft = self.groups[key] = ctx.new("GROUP")
            draft.labels[name.label] += 1
            draft.names.append(text)
            ctx.mention(draft, name.name_start, name.name_end, name.name_end - 1, "name")
            e = name.name_end
            # "World Health Organization (WHO)"
            if (
                e + 2 < ctx.n
                and words[e] == "("
                and words[e + 2] == ")"
                and words[e + 1].isupper()
                and self._abbreviates(words[e + 1], text)
            ):
                self.acronyms[words[e + 1]] = draft
        initials: dict[str, list[Draft]] = {}
        for draft in list(self.groups.values()):
            for text in draft.names:
                alpha = [w for w in text.split() if w[:1].isalpha()]
                if len(alpha) < 2:
                    continue
                forms = {
                    "".join(w[0] for w in alpha).upper(),
                    "".join(w[0] for w in alpha if w.lower() not in lex.acronym_stopwords).upper(),
                }
                for form in forms:
                    if draft not in initials.setdefault(form, []):
                        initials[form].append(draft)
        for form, drafts in initials.items():
            if len(drafts) == 1:
                self.acronyms.setdefault(form, drafts[0])
        # first word or last words of a longer name -> groups ("Pirates", "Red Sox")
        edges: dict[tuple[str, ...], list[Draft]] = {}
        for draft in self.groups.values():
            for parts in {tuple(n.split()) for n in draft.names}:
                ends = {parts[:1], parts[-1:]} | {
                    parts[k:] for k in range(1, len(parts)) if parts[k - 1][:1].isupper()
                }
                for end in ends if len(parts) > 1 else ():
                    edges.setdefault(end, []).append(draft)
        for key, draft in list(self.groups.items()):
            text = draft.names[0]
            if text.isupper():
                target = self.acronyms.get(text)
            else:
                target = self._with_acronym(text) or self._short_form_of(text, edges)
            if target is not None and target is not draft:
                _merge(draft, target)
                del self.groups[key]

    def _abbreviates(self, acronym: str, text: str) -> bool:
        """Whether ``acronym`` in brackets after ``text`` stands for it: its first letter, or
        the initials of its last words ("California Independent System Operator (ISO)")."""
        if acronym[0] == text.lstrip()[:1].upper():
            return True
        stop = self.ctx.lex.acronym_stopwords
        initials = "".join(w[0] for w in text.split() if w[:1].isalpha() and w.lower() not in stop)
        return len(acronym) > 1 and initials.upper().endswith(acronym)

    def _with_acronym(self, text: str) -> Draft | None:
        """The organisation a name made of its acronym and words of its name stands for
        ("California ISO" is the California Independent System Operator (ISO))."""
        words = text.split()
        known = [self.acronyms[w] for w in words if w.isupper() and w in self.acronyms]
        if len(known) != 1:
            return None
        target = known[0]
        name_words = {w for name in target.names for w in name.split()}
        rest = [w for w in words if w not in self.acronyms]
        return target if rest and all(w in name_words for w in rest) else None

    def _short_form_of(self, text: str, edges: dict[tuple[str, ...], list[Draft]]) -> Draft | None:
        """The one organisation whose longer name starts with the word ``text`` or ends with
        its words ("the Post" is the New York Post, "Red Sox" the Boston Red Sox), or None.
        Generic words ("Ministry") never match; a name NER did not call an organisation
        matches only as the plural head of a longer one ("Pirates": the Pittsburgh Pirates).
        """
        source = self.groups[self._group_key(text)]
        if text.lower() in self.ctx.lex.org_nouns:
            return None
        if not source.labels["ORG"] and not self._plural_head(source):
            return None
        found = {
            id(d): d for d in edges.get(tuple(text.split()), ()) if d.labels["ORG"] and d.mentions
        }
        if len(found) != 1:
            return None
        target = next(iter(found.values()))
        if not source.labels["ORG"]:
            if not any(_is_head_of(text, name) for name in target.names):
                return None  # "Philippines" in "Bank of the Philippines"
            source.labels = Counter(ORG=source.labels.total())
        return target

    def _plural_head(self, draft: Draft) -> bool:
        """Whether every mention of ``draft`` ends in a plural proper noun ("Pirates")."""
        return all(self.ctx.tag[m.head] == "NNPS" for m in draft.mentions)

    def missed_names(self) -> None:
        """Known surnames, one-word places and organisations and acronyms that NER missed
        ("WHO officials", a bare "Lopez", "Riverton" in a headline, "Scientology officials")."""
        ctx = self.ctx
        words = ctx.words
        one_word = {
            name.lower(): d
            for d in self.groups.values()
            if d.mentions and d.top_label in _PLACE_LABELS | {"ORG"}
            for name in d.names
            if " " not in name
        }
        for i in range(ctx.n):
            if ctx.covered[i]:
                continue
            word = words[i]
            if word in self.acronyms and word.isupper() and len(word) > 1:
                ctx.mention(self.acronyms[word], i, i + 1, i, "name")
                continue
            if not word[:1].isupper() or ctx.pos[i] not in NOUNS:
                continue
            lowered = ctx.lower[i]
            if lowered not in self.people.by_part and lowered not in one_word:
                continue
            neighbours = [k for k in (i - 1, i + 1) if 0 <= k < ctx.n]
            longer = any(ctx.pos[k] == "PROPN" and words[k].istitle() for k in neighbours)
            if (longer and not ctx.in_title_case(i)) or self.people.names_family(i + 1):
                continue  # part of a longer name nobody tagged, or a family's name
            draft = self.people.known(word, None, i) or one_word.get(lowered)
            if draft is not None:
                draft.names.append(word)
                ctx.mention(draft, i, i + 1, i, "name")

    def nouns(self) -> None:
        """ "the ministry", "the company", "police": the one matching organisation, else an
        entity of their own; unlinked when several fit or the article speaks of several
        ("another hospital")."""
        ctx = self.ctx
        lex = ctx.lex
        own: dict[str, Draft] = {}
        orgs = [d for d in self.groups.values() if d.mentions]
        several = self._several(lex.org_nouns)
        for i in range(ctx.n):
            noun = ctx.lower[i]
            if ctx.covered[i] or noun not in lex.org_nouns or ctx.pos[i] not in NOUNS:
                continue
            if (i + 1 < ctx.n and ctx.pos[i + 1] in NOUNS) or ctx.dep[i] == "compound":
                continue
            if i and ctx.lower[i - 1] in DEFINITE:
                start = i - 1
            elif noun in lex.bare_org_nouns and (i == 0 or ctx.pos[i - 1] not in {"DET", "ADJ"}):
                start = i
            else:
                continue
            draft = self._organisation_for(noun, orgs, ctx.idx[i])
            if draft is AMBIGUOUS or (draft is None and noun in several):
                continue  # two ministries named, or "another hospital": which one is not clear
            if draft is None:
                draft = own.get(noun)
                if draft is None:
                    draft = own[noun] = ctx.new("ORG")
                    draft.nominal = nominal_name(ctx, start, i + 1)
            ctx.mention(draft, start, i + 1, i, "nominal")

    def _several(self, nouns: dict[str, frozenset[str]]) -> set[str]:
        """The organisation nouns the article uses for more than one: in the plural, or
        after "a", "another" or "other" ("another hospital in York")."""
        ctx = self.ctx
        found = set()
        for i in range(ctx.n):
            if ctx.pos[i] not in NOUNS:
                continue
            word = ctx.lower[i]
            if word in nouns:  # "police" is plural already
                if i and ctx.lower[i - 1] in _SEVERAL_DETERMINERS:
                    found.add(word)
            elif ctx.tag[i] == "NNS" and ctx.doc[i].lemma_.lower() in nouns:
                found.add(ctx.doc[i].lemma_.lower())
        return found

    def _organisation_for(self, noun: str, orgs: list[Draft], offset: int) -> Draft | None:
        """The organisation ``noun`` stands for: one whose name has a word of the noun's (a
        company noun: any company), the only one named before it, else the only one;
        ``AMBIGUOUS`` when several fit, None when none does."""
        lex = self.ctx.lex
        words = lex.org_nouns[noun]

        def name_words(d: Draft) -> set[str]:
            return {w.rstrip(".,").lower() for name in d.names for w in name.split()}

        matching = [d for d in orgs if name_words(d) & words]
        if not matching and noun in lex.company_nouns:
            matching = [
                d
                for d in orgs
                if d.top_label == "ORG"
                and not name_words(d) & lex.public_words
                and not all(n.isupper() for n in d.names)
            ]
        earlier = [d for d in matching if d.mentions[0].start < offset]
        if len(earlier) == 1:
            return earlier[0]
        if len(matching) == 1 and not earlier:
            return matching[0]
        return AMBIGUOUS if matching else None


def _is_head_of(short: str, name: str) -> bool:
    """Whether ``short`` is the last words of ``name`` after a capitalised modifier."""
    words, tail = name.split(), short.split()
    before = len(words) - len(tail)
    return before > 0 and words[before:] == tail and words[before - 1][:1].isupper()


def _merge(source: Draft, target: Draft) -> None:
    """Move ``source``'s mentions, names and labels onto ``target``."""
    for m in source.mentions:
        target.add(m)
    target.names.extend(source.names)
    target.labels.update(source.labels)
    source.mentions = []
