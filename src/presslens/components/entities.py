"""Entities: one entity per person or organisation, with every way the article names it.

Reads spaCy's ``doc.ents`` and parse and fills ``layers(doc).entities`` and
``layers(doc).mention_entity``, in linear passes:

1. names: NER spans cleaned of "the", "'s", honorifics and titles, plus names
   after an honorific or title that NER missed ("Mayor Ana Ruiz");
2. people merged by name ("Maria Lopez" = "Lopez" = "Ms Lopez"), NER labels
   corrected by consistency (a known person's surname is that person, whatever
   its label, and also where NER missed it);
3. organisations and places merged by name, acronym ("(WHO)", initials) and
   alias ("U.S." = "United States");
4. titles before a name, in appositives ("Hugh Hill, a doctor, said") and as
   nominals ("the mayor"); organisation nouns ("the ministry", "police");
5. pronouns, to the most recent compatible person (an organisation only in
   clear cases), skipped when unsure: a wrong link is worse than none.

Every word list lives in ``resources/entities/*.json``.
"""

from __future__ import annotations

import bisect
from collections import Counter
from dataclasses import dataclass, field

from spacy.attrs import DEP, ENT_TYPE, IDX, LOWER, ORTH, POS, SENT_START, TAG
from spacy.language import Language
from spacy.tokens import Doc, Token

from presslens.lexicons import load_json
from presslens.nlp.layers import doc_text, layers
from presslens.nlp.quoted import quoted_stretches
from presslens.schema import Entity, Span

_KEPT_LABELS = {"PERSON", "ORG", "GPE", "NORP", "FAC", "LOC"}
_SUBJECT_DEPS = {"nsubj", "nsubjpass"}
_NOUNS = {"NOUN", "PROPN"}
_POSSESSIVE_DETS = {"its", "their"}
_DEFINITE = {"the"}
_DETERMINERS = {"the", "a", "an", "this", "that", "these", "those"}
_INDEFINITE = {"a", "an"}
_APPOSITIVE_STOPS = {",", ".", ";", ":", "(", ")", '"', "“", "”", "—", "–"}
_MAX_APPOSITIVE_TOKENS = 12
_MAX_NAME_TOKENS = 4
_MAX_ADJECTIVES = 3
_DEGREE_TAGS = {"JJR", "JJS"}  # "the older brother", "the oldest senator": not a known holder
_HEADING_BLOCKS = {"headline", "subheading"}
_PLACE_LABELS = {"GPE", "LOC", "FAC"}
_MODIFIER_DEPS = {"compound", "amod", "nmod"}
_DATELINE_STOPS = {",", "(", "—", "–", "-", "--"}
_HEAD_WALK = 6
_TOKEN_ATTRS = [ORTH, LOWER, POS, TAG, DEP, ENT_TYPE, IDX, SENT_START]
_NAME_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzàáâãäåçèéêëìíîïñòóôõöøùúûüýÿčćšžłńőű.-'’")


class _TokenStrings:
    """Strings and punctuation flags for the hashes of ``Doc.to_array``, kept across Docs
    (spaCy's string store only grows: a hash always names the same string)."""

    def __init__(self) -> None:
        self.strings: dict[int, str] = {}
        self.punct: dict[int, bool] = {}

    def of(self, doc: Doc, hashes: list[int]) -> list[str]:
        known, store = self.strings, doc.vocab.strings
        out = []
        for h in hashes:
            s = known.get(h)
            if s is None:
                s = known[h] = store[h]
            out.append(s)
        return out

    def punct_or_space(self, doc: Doc, orths: list[int]) -> list[bool]:
        known, vocab = self.punct, doc.vocab
        out = []
        for h in orths:
            flag = known.get(h)
            if flag is None:
                lexeme = vocab[h]
                flag = known[h] = lexeme.is_punct or lexeme.is_space
            out.append(flag)
        return out


@dataclass(frozen=True)
class EntityLexicon:
    """The word lists of ``resources/entities``, read once per pipeline."""

    titles: frozenset[tuple[str, ...]]
    title_heads: frozenset[str]
    title_max: int
    modifiers: frozenset[str]
    dropped_modifiers: frozenset[str]
    past_modifiers: frozenset[str]
    unlinked_adjectives: frozenset[str]
    distinct_modifiers: frozenset[str]
    gendered_titles: dict[str, str]
    honorifics: dict[str, tuple[str | None, str | None]]
    name_suffixes: frozenset[str]
    pronouns: dict[str, str]
    report_verbs: frozenset[str]
    window: int
    first_names: dict[str, str]
    org_nouns: dict[str, frozenset[str]]
    bare_org_nouns: frozenset[str]
    company_nouns: frozenset[str]
    public_words: frozenset[str]
    corporate_suffixes: frozenset[str]
    acronym_stopwords: frozenset[str]
    place_names: dict[str, str]
    vote_weights: dict[str, float]
    place_nouns: frozenset[str]
    suffix_types: dict[str, str]
    org_heads: frozenset[str]
    platforms: frozenset[str]

    @classmethod
    def load(cls, nlp: Language) -> EntityLexicon:
        titles_data = load_json("entities", "titles.json")
        honorifics = load_json("entities", "honorifics.json")
        pronouns = load_json("entities", "pronouns.json")
        names = load_json("entities", "first_names.json")
        orgs = load_json("entities", "organisations.json")
        places = load_json("entities", "places.json")
        types = load_json("entities", "types.json")
        # titles are matched token by token, so split them the way the tokenizer does
        titles = frozenset(
            tuple(t.lower_ for t in nlp.make_doc(title)) for title in titles_data["titles"]
        )
        place_names: dict[str, str] = {}
        for canonical, forms in places["aliases"].items():
            for form in [canonical, *forms]:
                place_names[form.lower()] = canonical
        return cls(
            titles=titles,
            title_heads=frozenset(t[-1] for t in titles),
            title_max=max(len(t) for t in titles),
            modifiers=frozenset(titles_data["modifiers"]),
            dropped_modifiers=frozenset(titles_data["dropped_modifiers"]),
            past_modifiers=frozenset(titles_data["past_modifiers"]),
            unlinked_adjectives=frozenset(titles_data["unlinked_adjectives"]),
            distinct_modifiers=frozenset(titles_data["distinct_modifiers"]),
            gendered_titles=titles_data["gendered"],
            honorifics={k: (v["gender"], v["title"]) for k, v in honorifics["honorifics"].items()},
            name_suffixes=frozenset(honorifics["name_suffixes"]),
            pronouns=pronouns["pronouns"],
            report_verbs=frozenset(pronouns["report_verbs"]),
            window=pronouns["window_sentences"],
            first_names={n: g for g in ("f", "m") for n in names[g]},
            org_nouns={k: frozenset(v) for k, v in orgs["nouns"].items()},
            bare_org_nouns=frozenset(orgs["bare_nouns"]),
            company_nouns=frozenset(orgs["company_nouns"]),
            public_words=frozenset(orgs["public_words"]),
            corporate_suffixes=frozenset(orgs["corporate_suffixes"]),
            acronym_stopwords=frozenset(orgs["acronym_stopwords"]),
            place_names=place_names,
            vote_weights=types["weights"],
            place_nouns=frozenset(types["place_nouns"]),
            suffix_types=types["suffix_types"],
            org_heads=frozenset(types["org_heads"]),
            platforms=frozenset(types["platforms"]),
        )


@dataclass
class _Mention:
    start: int  # character offsets into doc.text
    end: int
    head: int  # token index of the mention's head, for sentence and subject checks
    kind: str  # name | nominal | pronoun
    entity: _Draft | None = None


@dataclass
class _Draft:
    """An entity being built."""

    type: str
    names: list[str] = field(default_factory=list)  # proper-name forms, honorifics stripped
    title: str | None = None
    gender: str | None = None  # m, f, or None when unknown
    nominal: str | None = None  # the nominal that names an entity with no proper name
    owner: object = None  # for an unnamed title holder: whose ("the company's chief executive")
    past: bool = False  # titled as a former holder ("former President Bill Clinton")
    labels: Counter = field(default_factory=Counter)
    mentions: list[_Mention] = field(default_factory=list)

    def add(self, mention: _Mention) -> None:
        mention.entity = self
        self.mentions.append(mention)

    def set_title(self, title: str | None) -> None:
        if title and not self.title:
            self.title = title

    def set_gender(self, gender: str | None) -> None:
        if gender and not self.gender:
            self.gender = gender


@dataclass
class _Name:
    """A proper name found in the text: ``doc[name_start:name_end]``, prefix from ``start``."""

    start: int
    name_start: int
    name_end: int
    label: str
    gender: str | None = None
    title: str | None = None
    past: bool = False

    @property
    def personal(self) -> bool:
        return self.label == "PERSON" or self.start < self.name_start


class EntitiesComponent:
    def __init__(self, lexicon: EntityLexicon) -> None:
        self.lex = lexicon
        self.strings = _TokenStrings()

    def __call__(self, doc: Doc) -> Doc:
        _Run(self.lex, doc, self.strings).fill(layers(doc))
        return doc


class _Run:
    """The entities of one Doc."""

    def __init__(self, lex: EntityLexicon, doc: Doc, strings: _TokenStrings) -> None:
        self.lex = lex
        self.doc = doc
        self.text = doc_text(doc)
        self.parsed = doc.has_annotation("DEP")
        self.n = len(doc)
        self._read_tokens(strings)
        self.covered = [False] * self.n  # tokens inside a mention already found
        self.drafts: list[_Draft] = []
        self.mentions: list[_Mention] = []
        self.persons_by_full: dict[tuple[str, str], _Draft] = {}
        self.persons_by_part: dict[str, list[_Draft]] = {}  # surname -> people
        self.persons_by_first: dict[str, list[_Draft]] = {}  # given name -> people
        self.groups: dict[str, _Draft] = {}
        self.acronyms: dict[str, _Draft] = {}
        self.name_starts: dict[int, _Mention] = {}  # character start -> name mention
        self.headline_end = layers(doc).headline[1] if layers(doc).headline else 0

    # ----------------------------------------------------------------- driver

    def fill(self, lay) -> None:
        names = self._names()
        self._people(names)
        self._organisations(names)
        self._missed_names()
        self._organisation_nouns()
        self._appositives()
        self._nominal_titles()
        for draft in self.drafts:
            self._infer_gender(draft)
        self._pronouns(lay)
        self._write(lay)

    def _write(self, lay) -> None:
        text = self.text
        used = [d for d in self.drafts if d.mentions]
        for d in used:
            d.mentions.sort(key=lambda m: (m.start, m.end))
        used.sort(key=lambda d: d.mentions[0].start)
        entities = []
        for n, d in enumerate(used, 1):
            eid = f"E{n}"
            aliases = list(
                dict.fromkeys(text[m.start : m.end] for m in d.mentions if m.kind != "pronoun")
            )
            name = self._best_name(d) or d.nominal or aliases[0]
            etype = d.type if d.type != "GROUP" else d.labels.most_common(1)[0][0]
            entities.append(
                Entity(
                    id=eid,
                    name=name,
                    type=etype,
                    title=d.title,
                    aliases=aliases,
                    mentions=[
                        Span(start=m.start, end=m.end, text=text[m.start : m.end])
                        for m in d.mentions
                    ],
                )
            )
            for m in d.mentions:
                lay.mention_entity[(m.start, m.end)] = eid
        lay.entities = entities

    @staticmethod
    def _best_name(draft: _Draft) -> str | None:
        """The fullest proper name: the most used name of several words, else the most used,
        written as a name rather than in capitals ("Riverton", not a dateline's "RIVERTON")."""
        if not draft.names:
            return None
        counts = Counter(draft.names)
        return max(counts, key=lambda n: (" " in n, counts[n], not n.isupper(), len(n)))

    # ----------------------------------------------------------------- helpers

    def _read_tokens(self, strings: _TokenStrings) -> None:
        """Token attributes as plain lists, read in one array: a Token object per access is slow."""
        doc = self.doc
        columns = doc.to_array(_TOKEN_ATTRS).T.tolist() if self.n else [[]] * len(_TOKEN_ATTRS)
        orth, lower, pos, tag, dep, ent, idx, sent = columns
        self.words: list[str] = strings.of(doc, orth)
        self.lower: list[str] = strings.of(doc, lower)
        self.pos: list[str] = strings.of(doc, pos)
        self.tag: list[str] = strings.of(doc, tag)
        self.dep: list[str] = strings.of(doc, dep)
        self.ent: list[str] = strings.of(doc, ent)
        self.idx: list[int] = idx
        self.punct: list[bool] = strings.punct_or_space(doc, orth)
        sentences = doc.has_annotation("SENT_START")
        self.sent_of: list[int] = []  # token -> sentence number
        self.sent_start: list[int] = []  # sentence number -> first token
        for i, start in enumerate(sent):
            if not self.sent_start or (sentences and start == 1):
                self.sent_start.append(i)
            self.sent_of.append(len(self.sent_start) - 1)
        self.sent_start.append(self.n)

    def _end_char(self, i: int) -> int:
        return self.idx[i] + len(self.words[i])

    def _text(self, start: int, end: int) -> str:
        """The text of tokens ``start:end``."""
        return self.text[self.idx[start] : self._end_char(end - 1)]

    def _mention(self, draft: _Draft, start_tok: int, end_tok: int, head: int, kind: str) -> None:
        m = _Mention(self.idx[start_tok], self._end_char(end_tok - 1), head, kind)
        draft.add(m)
        self.mentions.append(m)
        if kind == "name":
            self.name_starts.setdefault(m.start, m)
        for i in range(start_tok, end_tok):
            self.covered[i] = True

    def _new(self, etype: str) -> _Draft:
        draft = _Draft(type=etype)
        self.drafts.append(draft)
        return draft

    def _title_word(self, i: int) -> bool:
        """Token ``i`` is a capitalised word of a title: "President", "Health", "Chief"."""
        lowered = self.lower[i]
        return self.words[i][:1].isupper() and (
            lowered in self.lex.title_heads or lowered in self.lex.modifiers
        )

    def _honorific(self, i: int) -> tuple[str | None, str | None] | None:
        """(gender, title) of an honorific such as "Ms" or "Dr." at token ``i``, else None."""
        if not self.words[i][:1].isupper():
            return None
        return self.lex.honorifics.get(self.lower[i].rstrip("."))

    def _title_ending(self, end: int, floor: int = 0) -> tuple[int, int, str] | None:
        """The title whose last token is ``doc[end - 1]``: (start incl. dropped words, start of
        the title proper, title text), or None. Stops at ``floor`` and at covered tokens."""
        lex, lower = self.lex, self.lower
        if lower[end - 1] not in lex.title_heads or self.pos[end - 1] not in _NOUNS:
            return None
        core = None
        for n in range(min(lex.title_max, end - floor), 0, -1):
            if tuple(lower[end - n : end]) in lex.titles:
                core = end - n
                break
        if core is None or any(self.covered[core:end]):
            return None
        while core > floor and self._modifier(core - 1):
            core -= 1
        start = core
        while start > floor and not self.covered[start - 1]:
            if lower[start - 1] in lex.dropped_modifiers:
                start -= 1
            elif lower[start - 1] == "-" and start - 1 > floor and self._dropped(start - 2):
                start -= 2  # "then-president", "ex-mayor"
            else:
                break
        return start, core, self._text(core, end).lower()

    def _dropped(self, i: int) -> bool:
        return not self.covered[i] and self.lower[i] in self.lex.dropped_modifiers

    def _past(self, start: int, end: int) -> bool:
        """Whether tokens ``start:end`` make a title a past one ("former", "ex-")."""
        return any(self.lower[k] in self.lex.past_modifiers for k in range(start, end))

    def _modifier(self, i: int) -> bool:
        """Whether token ``i`` may precede a title as part of it ("health" minister)."""
        if self.covered[i] or self.ent[i] not in ("", "PERSON"):
            return False
        return self.lower[i] in self.lex.modifiers

    def _prefix(self, name_start: int) -> tuple[int, str | None, str | None, bool]:
        """Honorifics and titles right before a name: (start, gender, title, past title)."""
        start, gender, title, past = name_start, None, None, False
        while start > 0:
            honorific = self._honorific(start - 1)
            if honorific is not None:
                gender = gender or honorific[0]
                title = title or honorific[1]
                start -= 1
                continue
            found = self._title_ending(start)
            if found is None:
                break
            first, core, text = found
            title = text  # the title next to the name wins over an honorific's
            gender = gender or self.lex.gendered_titles.get(text)
            past = past or self._past(first, core)
            start = core
        return start, gender, title, past

    def _sent_bounds(self, i: int) -> tuple[int, int]:
        """First and end token of the sentence of token ``i``."""
        n = self.sent_of[i]
        return self.sent_start[n], self.sent_start[n + 1]

    # ----------------------------------------------------------------- names

    def _names(self) -> list[_Name]:
        """Proper names from NER, cleaned, plus names after an honorific or title NER missed."""
        doc, words, lower = self.doc, self.words, self.lower
        names: list[_Name] = []
        in_ent = [bool(e) for e in self.ent]
        for ent in doc.ents:
            label = ent.label_
            if ent.text in self.lex.platforms:
                label = "ORG"  # "wrote on Twitter": a service, not a person
            elif label not in _KEPT_LABELS:
                if lower[ent.end - 1] not in self.lex.org_heads or len(ent) < 2:
                    continue
                label = "ORG"  # "The Port Calder Harbour Authority", labelled WORK_OF_ART
            s, e = ent.start, ent.end
            # "The World Health Organization (WHO" -> the name before the bracket
            for i in range(s, e):
                if words[i] == "(":
                    e = i
                    break
            while s < e and (lower[s] in _DETERMINERS or self.punct[s]):
                s += 1
            if label != "PERSON":  # "state Department of Revenue" -> the capitalised name
                while s < e - 1 and words[s][:1].islower():
                    s += 1
            while e > s and (self.tag[e - 1] == "POS" or self.punct[e - 1]):
                e -= 1
            if label == "PERSON":
                while e > s + 1 and not words[e - 1][:1].isupper():
                    e -= 1
                # honorifics and titles NER put inside the name: "President Joe Biden"
                while e - s > 1 and (self._honorific(s) or self._title_word(s)):
                    s += 1
            if label == "PERSON" and lower[e - 1].rstrip(".") in self.lex.corporate_suffixes:
                label = "ORG"  # "Globex Inc" is no person
            if s < e and self._plausible(s, e, label):
                names.append(self._name(s, e, label))
        for i in range(self.n):
            if in_ent[i]:
                continue
            if words[i] in self.lex.first_names and self.pos[i] == "PROPN":
                start, shortest = i, 2  # "Ana Ruiz" that NER missed: a known given name starts it
            elif self._honorific(i) is not None or self._title_ending(i + 1) is not None:
                start, shortest = i + 1, 1  # "Mayor Ana Ruiz", "Ms Lopez"
            else:
                continue
            e = start
            while e < self.n and e - start < _MAX_NAME_TOKENS and not in_ent[e]:
                if self.pos[e] != "PROPN" or not words[e][:1].isupper():
                    break
                if self._title_word(e) or self._honorific(e):
                    break
                e += 1
            if e - start >= shortest:
                for k in range(start, e):
                    in_ent[k] = True
                names.append(self._name(start, e, "PERSON"))
        names.sort(key=lambda n: n.start)
        self._vote_types(names)
        return names

    def _vote_types(self, names: list[_Name]) -> None:
        """One type per name text, by a vote over its mentions: headline mentions count little
        (spaCy mislabels title-case words), a dateline's place and a name before "council" or
        "city" vote for a place, a name after a title for a person; a name ending in "Street"
        is no person. Names after an honorific or title stay people."""
        weights = self.lex.vote_weights
        headings = [(b.start, b.end) for b in layers(self.doc).blocks if b.kind in _HEADING_BLOCKS]
        datelines = self._dateline_places(names)
        votes: dict[str, Counter] = {}
        for name in names:
            label, weight = name.label, 1.0
            if name.start < name.name_start:
                label, weight = "PERSON", weights["prefix"]
            elif name.name_start in datelines:
                label, weight = "GPE", weights["dateline"]
            elif self._before_place_noun(name.name_end):
                label, weight = "GPE", weights["place_noun"]
            elif any(s <= self.idx[name.name_start] < e for s, e in headings):
                weight = weights["headline"]
            votes.setdefault(self._name_key(name), Counter())[label] += weight
        for name in names:
            if name.start < name.name_start:
                continue
            label = votes[self._name_key(name)].most_common(1)[0][0]
            name.label = self._type_by_suffix(name) if label == "PERSON" else label

    def _name_key(self, name: _Name) -> str:
        return self._text(name.name_start, name.name_end).lower()

    def _dateline_places(self, names: list[_Name]) -> set[int]:
        """First tokens of the places that open dateline blocks ("RIVERTON, March 14 —"); a
        place NER missed is added to ``names``."""
        found: set[int] = set()
        for block in layers(self.doc).blocks:
            if block.kind != "dateline":
                continue
            start = bisect.bisect_left(self.idx, block.start)
            end = start
            while (
                end < self.n
                and self.idx[end] < block.end
                and end - start < _MAX_NAME_TOKENS
                and self.words[end] not in _DATELINE_STOPS
                and self.words[end][:1].isupper()
                and self.ent[end] in ("", *_KEPT_LABELS)
            ):
                end += 1
            if end == start or end >= self.n or self.words[end] not in _DATELINE_STOPS:
                continue
            found.add(start)
            if not any(n.name_start <= start < n.name_end for n in names):
                names.append(_Name(start, start, end, "GPE"))
                names.sort(key=lambda n: n.start)
        return found

    def _before_place_noun(self, end: int) -> bool:
        """Whether the name ending before token ``end`` modifies a place noun after it, as in
        "the Riverton city council" or "Riverton police"."""
        return (
            end < self.n
            and self.lower[end] in self.lex.place_nouns
            and self.pos[end] in _NOUNS
            and (not self.parsed or self.dep[end - 1] in _MODIFIER_DEPS)
        )

    def _type_by_suffix(self, name: _Name) -> str:
        """FAC or LOC for a name of several words ending in "Street", "Airport", "River" (unless
        it starts with a known given name), else PERSON."""
        last = self.lower[name.name_end - 1].rstrip(".")
        if name.name_end - name.name_start < 2 or last not in self.lex.suffix_types:
            return "PERSON"
        if self.words[name.name_start] in self.lex.first_names:
            return "PERSON"
        return self.lex.suffix_types[last]

    def _plausible(self, s: int, e: int, label: str) -> bool:
        """Whether NER's ``doc[s:e]`` can be a name: capitalised, not a bare title ("Mayor"),
        a person's name made of letters ("W]e" is not one)."""
        if not any(c.isupper() for c in self._text(s, e)):
            return False
        if label == "PERSON":
            if all(self._title_word(i) or self._honorific(i) for i in range(s, e)):
                return False
            if not all(_NAME_CHARS.issuperset(self.lower[i]) for i in range(s, e)):
                return False
        return True

    def _name(self, s: int, e: int, label: str) -> _Name:
        start, gender, title, past = self._prefix(s)
        return _Name(start, s, e, label, gender, title, past)

    def _name_parts(self, name: _Name) -> list[str]:
        parts = [
            self.words[i]
            for i in range(name.name_start, name.name_end)
            if not self.punct[i] or self.words[i] == "-"
        ]
        while len(parts) > 1 and parts[-1].lower().rstrip(".") in self.lex.name_suffixes:
            parts.pop()
        return parts

    # ----------------------------------------------------------------- people

    def _people(self, names: list[_Name]) -> None:
        """Merge person names: full names by (first, last), then single names onto them.

        A longer name ending in a known full name is that person ("Crooked Hillary Clinton");
        a title-case headline's "Obama Seeks" is the known Obama.
        """
        full: list[tuple[_Name, list[str]]] = []
        single: list[tuple[_Name, list[str]]] = []
        for name in names:
            if name.personal:
                parts = self._name_parts(name)
                (full if len(parts) > 1 else single).append((name, parts))
        pairs = {(p[0].lower(), p[-1].lower()) for _, p in full if len(p) == 2}
        body = [p for n, p in full if self.idx[n.start] >= self.headline_end]
        body_keys = {(p[0].lower(), p[-1].lower()) for p in body}
        body_surnames = {p[-1].lower() for p in body}
        for name, parts in list(full):
            key = (parts[0].lower(), parts[-1].lower())
            if self.idx[name.start] >= self.headline_end or key in body_keys:
                continue
            for k in range(name.name_start, name.name_end):
                if self.lower[k] in body_surnames:
                    full.remove((name, parts))
                    single.append((_Name(k, k, k + 1, "PERSON"), [self.words[k]]))
                    break
        for name, parts in full:
            key = (parts[0].lower(), parts[-1].lower())
            if len(parts) > 2 and (parts[-2].lower(), parts[-1].lower()) in pairs:
                key = (parts[-2].lower(), parts[-1].lower())
            draft = self.persons_by_full.get(key)
            if draft is None:
                draft = self.persons_by_full[key] = self._new("PERSON")
                self.persons_by_part.setdefault(key[1], []).append(draft)
                self.persons_by_first.setdefault(key[0], []).append(draft)
            self._person_mention(draft, name)
        for name, parts in single:
            draft = self._known_person(parts[0], name.gender, name.name_start)
            if draft is None:
                draft = self._new("PERSON")
                self.persons_by_full[("", parts[0].lower())] = draft
                self.persons_by_part.setdefault(parts[0].lower(), []).append(draft)
            self._person_mention(draft, name)

    def _person_mention(self, draft: _Draft, name: _Name) -> None:
        draft.names.append(self._text(name.name_start, name.name_end))
        draft.set_title(name.title)
        draft.set_gender(name.gender)
        draft.past = draft.past or name.past
        self._mention(draft, name.start, name.name_end, name.name_end - 1, "name")

    def _known_person(self, word: str, gender: str | None, at: int) -> _Draft | None:
        """The person a single name ("Lopez") stands for, or None when there is none.

        Several people with that surname: the one whose gender fits, else the one named in
        full most often (a relative named once does not take over), else the most recent.
        """
        candidates = self.persons_by_part.get(word.lower(), [])
        if not candidates:
            given = self.persons_by_first.get(word.lower(), [])
            return given[0] if len(given) == 1 else None
        if len(candidates) > 1 and gender:
            fitting = [d for d in candidates if self._gender_guess(d) == gender]
            candidates = fitting or candidates
        if len(candidates) == 1:
            return candidates[0]
        offset = self.idx[at]

        def rank(d: _Draft) -> tuple[int, int]:
            last = max((m.start for m in d.mentions if m.start < offset), default=-1)
            return len(d.mentions), last

        return max(candidates, key=rank)

    def _gender_guess(self, draft: _Draft) -> str | None:
        if draft.gender:
            return draft.gender
        for name in draft.names:
            gender = self.lex.first_names.get(name.split()[0])
            if gender and len(name.split()) > 1:
                return gender
        return None

    def _infer_gender(self, draft: _Draft) -> None:
        if draft.type == "PERSON":
            draft.set_gender(self.lex.gendered_titles.get(draft.title or ""))
            draft.set_gender(self._gender_guess(draft))

    # ----------------------------------------------------------------- organisations, places

    def _group_key(self, text: str) -> str:
        lex = self.lex
        lowered = text.lower()
        if lowered in lex.place_names:
            return lex.place_names[lowered].lower()
        words = lowered.split()
        while len(words) > 1 and words[-1].rstrip(".,") in lex.corporate_suffixes:
            words.pop()
        return " ".join(words)

    def _organisations(self, names: list[_Name]) -> None:
        """Non-person names grouped by name, alias and acronym; a known person's name is theirs."""
        lex, words = self.lex, self.words
        pending: list[tuple[_Name, str]] = []
        for name in names:
            if name.personal:
                continue
            text = self._text(name.name_start, name.name_end)
            person = self._person_for_text(text, name.name_start)
            if person is not None:  # NER called a known person an organisation or a place
                self._person_mention(person, name)
                continue
            pending.append((name, text))
        for name, text in pending:
            key = self._group_key(text)
            draft = self.groups.get(key)
            if draft is None:
                draft = self.groups[key] = self._new("GROUP")
            draft.labels[name.label] += 1
            draft.names.append(text)
            self._mention(draft, name.name_start, name.name_end, name.name_end - 1, "name")
            e = name.name_end
            # "World Health Organization (WHO)"
            if (
                e + 2 < self.n
                and words[e] == "("
                and words[e + 2] == ")"
                and words[e + 1].isupper()
                and words[e + 1][0] == text.lstrip()[:1].upper()
            ):
                self.acronyms[words[e + 1]] = draft
        initials: dict[str, list[_Draft]] = {}
        for draft in list(self.groups.values()):
            for text in draft.names:
                words = [w for w in text.split() if w[:1].isalpha()]
                if len(words) < 2:
                    continue
                forms = {
                    "".join(w[0] for w in words).upper(),
                    "".join(w[0] for w in words if w.lower() not in lex.acronym_stopwords).upper(),
                }
                for form in forms:
                    if draft not in initials.setdefault(form, []):
                        initials[form].append(draft)
        for form, drafts in initials.items():
            if len(drafts) == 1:
                self.acronyms.setdefault(form, drafts[0])
        edges: dict[str, list[_Draft]] = {}  # first or last word of a longer name -> groups
        for draft in self.groups.values():
            for parts in {tuple(n.split()) for n in draft.names}:
                for word in {parts[0], parts[-1]} if len(parts) > 1 else ():
                    edges.setdefault(word, []).append(draft)
        for key, draft in list(self.groups.items()):
            text = draft.names[0]
            target = self.acronyms.get(text) if text.isupper() else self._short_form_of(text, edges)
            if target is not None and target is not draft:
                self._merge(draft, target)
                del self.groups[key]

    def _short_form_of(self, word: str, edges: dict[str, list[_Draft]]) -> _Draft | None:
        """The one organisation whose longer name starts or ends with ``word`` ("the Post" is
        the New York Post), or None. Generic words ("Ministry") never match."""
        source = self.groups.get(self._group_key(word))
        if " " in word or word.lower() in self.lex.org_nouns or not source.labels["ORG"]:
            return None
        found = {id(d): d for d in edges.get(word, ()) if d.labels["ORG"] and d.mentions}
        return next(iter(found.values())) if len(found) == 1 else None

    def _merge(self, source: _Draft, target: _Draft) -> None:
        for m in source.mentions:
            target.add(m)
        target.names.extend(source.names)
        target.labels.update(source.labels)
        source.mentions = []

    def _person_for_text(self, text: str, at: int) -> _Draft | None:
        """The known person whose full name or surname ``text`` is."""
        words = text.split()
        if len(words) > 1:
            return self.persons_by_full.get((words[0].lower(), words[-1].lower()))
        if text.lower() not in self.persons_by_part:
            return None
        return self._known_person(text, None, at)

    def _missed_names(self) -> None:
        """Known surnames, one-word places and acronyms that NER missed ("WHO officials", a
        bare "Lopez", "Riverton" in a headline)."""
        words = self.words
        places = {
            name.lower(): d
            for d in self.groups.values()
            if d.mentions and d.labels.most_common(1)[0][0] in _PLACE_LABELS
            for name in d.names
            if " " not in name
        }
        for i in range(self.n):
            if self.covered[i]:
                continue
            word = words[i]
            if word in self.acronyms and word.isupper() and len(word) > 1:
                self._mention(self.acronyms[word], i, i + 1, i, "name")
                continue
            if not word[:1].isupper() or self.pos[i] not in _NOUNS:
                continue
            lowered = self.lower[i]
            if lowered not in self.persons_by_part and lowered not in places:
                continue
            neighbours = [k for k in (i - 1, i + 1) if 0 <= k < self.n]
            if any(self.pos[k] == "PROPN" and words[k].istitle() for k in neighbours):
                continue  # part of a longer name nobody tagged
            draft = self._known_person(word, None, i) or places.get(lowered)
            if draft is not None:
                draft.names.append(word)
                self._mention(draft, i, i + 1, i, "name")

    # ----------------------------------------------------------------- titles

    def _name_mention_at(self, start_tok: int) -> _Mention | None:
        """The name mention starting at token ``start_tok``, if any."""
        return self.name_starts.get(self.idx[start_tok])

    def _appositives(self) -> None:
        """ "Hugh Hill, a doctor at the clinic," and "the mayor, Ana Ruiz," give a title."""
        ends = {m.end: m for m in self.mentions if m.entity.type == "PERSON"}
        for i in range(1, self.n):
            if self.words[i] != ",":
                continue
            before = ends.get(self._end_char(i - 1))
            if before is not None and before.kind == "name":
                self._appositive_after(before, i + 1)
            elif i + 1 < self.n:
                after = self._name_mention_at(i + 1)
                if after is not None and after.entity.type == "PERSON":
                    self._title_before(after, i)

    def _appositive_after(self, person: _Mention, start: int) -> None:
        if start >= self.n:
            return
        opener = self.lower[start]
        if not (
            opener in _DEFINITE
            or opener in _INDEFINITE
            or opener in self.lex.modifiers
            or opener in self.lex.title_heads
        ):
            return
        _, sent_end = self._sent_bounds(start)
        limit = min(sent_end, start + _MAX_APPOSITIVE_TOKENS)
        stop = start
        while stop < limit and self.words[stop] not in _APPOSITIVE_STOPS:
            stop += 1
        for j in range(start, stop):
            found = self._title_ending(j + 1, floor=start)
            if found is None:
                continue
            if j + 1 < stop and (self.pos[j + 1] in _NOUNS or self.tag[j + 1] == "POS"):
                continue  # "the minister's spokesman": the title is further on
            end = stop
            if self.parsed and self.dep[j] == "appos":
                end = min(stop, self.doc[j].right_edge.i + 1)
            draft = person.entity
            draft.set_title(found[2])
            draft.set_gender(self.lex.gendered_titles.get(found[2]))
            draft.past = draft.past or self._past(start, found[1])
            self._mention(draft, start, end, j, "nominal")
            return

    def _title_before(self, person: _Mention, comma: int) -> None:
        """ "The company's chief executive, John Smith," -> the nominal is John Smith."""
        nominal = self._definite_title(comma)
        if nominal is None:
            return
        start, head, title = nominal
        draft = person.entity
        draft.set_title(title)
        draft.set_gender(self.lex.gendered_titles.get(title))
        draft.past = draft.past or self._past(start, head)
        self._mention(draft, start, comma, head, "nominal")

    def _definite_title(self, end: int) -> tuple[int, int, str] | None:
        """A definite title ending at token ``end - 1``: "the mayor", "the company's chief
        executive", "its spokesperson". Returns (start token, head token, title)."""
        if end <= 0 or end - 1 >= self.n:
            return None
        found = self._title_ending(end)
        if found is None:
            return None
        return self._determined(found[0], end, found[2])

    def _determined(self, start: int, end: int, title: str) -> tuple[int, int, str] | None:
        """``doc[start:end]`` with "the", "its" or a possessive ("the company's") before it."""
        if start == 0:
            return None
        before = self.lower[start - 1]
        if before in _DEFINITE or before in _POSSESSIVE_DETS:
            return start - 1, end - 1, title
        if self.tag[start - 1] == "POS" and start >= 2:
            first = self.doc[start - 2].left_edge.i if self.parsed else start - 2
            sent_start, _ = self._sent_bounds(start)
            first = max(first, sent_start, start - 2 - _MAX_NAME_TOKENS)
            return first, end - 1, title
        return None

    def _adjective_title(self, end: int) -> tuple[tuple[int, int, str], list[int]] | None:
        """A definite title with adjectives before it ("the Democratic presidential nominee",
        "the company's longtime chief executive"): the nominal and the adjectives' tokens.
        None for adjectives that point elsewhere ("the first president", "the oldest")."""
        found = self._title_ending(end)
        if found is None:
            return None
        start = k = found[0]
        while (
            k > 0
            and start - k < _MAX_ADJECTIVES
            and self.pos[k - 1] == "ADJ"
            and (not self.covered[k - 1] or self.ent[k - 1] == "NORP")  # "Democratic"
        ):
            k -= 1
        adjectives = list(range(k, start))
        if not adjectives or any(
            self.lower[a] in self.lex.unlinked_adjectives or self.tag[a] in _DEGREE_TAGS
            for a in adjectives
        ):
            return None
        nominal = self._determined(k, end, found[2])
        return (nominal, adjectives) if nominal else None

    def _nominal_titles(self) -> None:
        """ "the mayor", "the Prime Minister": a mention of the holder named in the article, or
        an entity of its own when nobody is named. With adjectives in between ("the Democratic
        presidential nominee") only a mention of the one holder that fits."""
        holders = [d for d in self.drafts if d.type == "PERSON" and d.title and d.names]
        unnamed: list[_Draft] = []
        for i in range(self.n):
            if self.covered[i] or self.lower[i] not in self.lex.title_heads:
                continue
            if i + 1 < self.n and (self.pos[i + 1] in _NOUNS or self.dep[i] == "compound"):
                continue  # "the mayor Ana Ruiz" is a prefix, "the mayor election" no person
            nominal, adjectives = self._definite_title(i + 1), []
            if nominal is None:
                nominal, adjectives = self._adjective_title(i + 1) or (None, [])
            if nominal is None:
                continue
            start, head, title = nominal
            end = i + 1
            if i + 2 < self.n and self.lower[i + 1] == "of":
                ent = self._name_mention_at(i + 2)
                if ent is not None and ent.entity.type != "PERSON":
                    end = i + 2
                    while end < self.n and self.idx[end] < ent.end:
                        end += 1
            past = self._past(start, i)
            if adjectives:
                draft = self._only_holder(holders, title, past, adjectives)
                if draft is None:
                    continue
            else:
                owner = self._owner(start, i)
                draft = self._holder(holders, title, past, self.idx[i]) or self._unnamed(
                    unnamed, title, owner, past
                )
            if draft is None:
                draft = self._new("PERSON")
                draft.title, draft.owner, draft.past = title, owner, past
                draft.nominal = self._nominal_name(start, i + 1)
                unnamed.append(draft)
            self._mention(draft, start, end, head, "nominal")

    def _nominal_name(self, start: int, end: int) -> str:
        """The name of an entity known only by a nominal: "The mayor" -> "the mayor"."""
        text = self._text(start, end)
        first = self.lower[start]
        return first + text[len(first) :] if first in _DEFINITE else text

    def _owner(self, start: int, head: int) -> object:
        """Whose title a possessive nominal is: the entity or the words before "'s"."""
        for k in range(start, head):
            if self.tag[k] == "POS":
                offset = self.idx[start]
                for m in self.mentions:
                    if m.start <= offset < m.end and m.kind != "pronoun":
                        return m.entity
                return self._text(start, k).lower()
        return None

    def _holder(self, holders: list[_Draft], title: str, past: bool, offset: int) -> _Draft | None:
        """The named holder "the <title>" stands for: the last one named before it, else the
        only one. A former holder is only "the former <title>", and the other way round."""
        fitting = [d for d in holders if self._compatible(d.title, title) and d.past == past]
        before = [
            (max(m.start for m in d.mentions if m.start < offset), d)
            for d in fitting
            if any(m.start < offset for m in d.mentions)
        ]
        if before:
            return max(before, key=lambda x: x[0])[1]
        return fitting[0] if len(fitting) == 1 else None

    def _only_holder(
        self, holders: list[_Draft], title: str, past: bool, adjectives: list[int]
    ) -> _Draft | None:
        """The one holder "the <adjectives> <title>" can be: capitalised adjectives
        ("Democratic") must appear in or just before one of the holder's mentions."""
        marks = {self.lower[a] for a in adjectives if self.words[a][:1].isupper()}
        fitting = [
            d
            for d in holders
            if self._compatible(d.title, title)
            and d.past == past
            and marks <= self._words_around(d)
        ]
        return fitting[0] if len(fitting) == 1 else None

    def _words_around(self, draft: _Draft) -> set[str]:
        """Lowercase words of an entity's mentions and of the few tokens before each."""
        found: set[str] = set()
        for m in draft.mentions:
            first = bisect.bisect_left(self.idx, m.start)
            k = max(0, first - _MAX_ADJECTIVES)
            while k < self.n and self.idx[k] < m.end:
                found.add(self.lower[k])
                k += 1
        return found

    def _unnamed(
        self, unnamed: list[_Draft], title: str, owner: object, past: bool
    ) -> _Draft | None:
        fitting = [
            d
            for d in unnamed
            if self._compatible(d.title, title)
            and d.past == past
            and (owner is None or owner == d.owner)
        ]
        if not fitting:
            return None
        return max(fitting, key=lambda d: max(m.start for m in d.mentions))

    def _compatible(self, holder: str | None, nominal: str) -> bool:
        """Whether someone titled ``holder`` is "the ``nominal``" (a health minister is "the
        minister"; a vice president is not "the president")."""
        if holder is None:
            return False
        if holder == nominal:
            return True
        h, n = holder.split(), nominal.split()
        return len(h) > len(n) and h[-len(n) :] == n and h[0] not in self.lex.distinct_modifiers

    # ----------------------------------------------------------------- organisation nouns

    def _organisation_nouns(self) -> None:
        """ "the ministry", "the company", "police": the one matching organisation, else an
        entity of their own."""
        lex = self.lex
        own: dict[str, _Draft] = {}
        orgs = [d for d in self.groups.values() if d.mentions]
        for i in range(self.n):
            noun = self.lower[i]
            if self.covered[i] or noun not in lex.org_nouns or self.pos[i] not in _NOUNS:
                continue
            if (i + 1 < self.n and self.pos[i + 1] in _NOUNS) or self.dep[i] == "compound":
                continue
            if i and self.lower[i - 1] in _DEFINITE:
                start = i - 1
            elif noun in lex.bare_org_nouns and (i == 0 or self.pos[i - 1] not in {"DET", "ADJ"}):
                start = i
            else:
                continue
            draft = self._organisation_for(noun, orgs, self.idx[i])
            if draft is None:
                draft = own.get(noun)
                if draft is None:
                    draft = own[noun] = self._new("ORG")
                    draft.nominal = self._nominal_name(start, i + 1)
            self._mention(draft, start, i + 1, i, "nominal")

    def _organisation_for(self, noun: str, orgs: list[_Draft], offset: int) -> _Draft | None:
        lex = self.lex
        words = lex.org_nouns[noun]

        def name_words(d: _Draft) -> set[str]:
            return {w.rstrip(".,").lower() for name in d.names for w in name.split()}

        matching = [d for d in orgs if name_words(d) & words]
        if not matching and noun in lex.company_nouns:
            matching = [
                d
                for d in orgs
                if d.labels.most_common(1)[0][0] == "ORG"
                and not name_words(d) & lex.public_words
                and not all(n.isupper() for n in d.names)
            ]
        earlier = [d for d in matching if d.mentions[0].start < offset]
        if len(earlier) == 1:
            return earlier[0]
        return matching[0] if len(matching) == 1 and not earlier else None

    # ----------------------------------------------------------------- pronouns

    def _pronouns(self, lay) -> None:
        doc, lex = self.doc, self.lex
        quoted = self._quoted_tokens(lay)
        ordered = sorted(self.mentions, key=lambda m: m.start)
        token_mention = self._token_mentions(ordered)
        history: list[_Mention] = []
        k = 0
        for i in range(self.n):
            kind = lex.pronouns.get(self.lower[i])
            if kind is None or self.covered[i] or self.pos[i] != "PRON":
                continue
            tok = doc[i]
            while k < len(ordered) and ordered[k].start < tok.idx:
                history.append(ordered[k])
                k += 1
            if kind in ("m", "f"):
                draft = self._person_antecedent(tok, kind, history, quoted, token_mention)
            else:
                draft = self._clear_antecedent(tok, kind, token_mention, history)
            if draft is None:
                continue
            if kind in ("m", "f"):
                draft.set_gender(kind)
            m = _Mention(tok.idx, tok.idx + len(tok), i, "pronoun")
            draft.add(m)
            history.append(m)

    def _quoted_tokens(self, lay) -> list[int]:
        """Token -> number of the quoted stretch it is in, -1 outside quotes."""
        inside = [-1] * self.n
        for n, stretch in enumerate(quoted_stretches(self.doc)):
            for s, e in stretch.pieces:
                first, end = bisect.bisect_left(self.idx, s), bisect.bisect_left(self.idx, e)
                inside[first:end] = [n] * (end - first)
        return inside

    def _token_mentions(self, ordered: list[_Mention]) -> dict[int, _Mention]:
        """Token index -> the smallest mention containing it (for subject checks)."""
        by_token: dict[int, _Mention] = {}
        for m in sorted(ordered, key=lambda m: m.start - m.end):
            i = bisect.bisect_right(self.idx, m.start) - 1
            while 0 <= i < self.n and self.idx[i] < m.end:
                by_token[i] = m
                i += 1
        return by_token

    def _is_subject(self, m: _Mention) -> bool:
        return self.dep[m.head] in _SUBJECT_DEPS

    def _governing_subject(
        self, tok: Token, token_mention: dict[int, _Mention]
    ) -> tuple[_Draft, int] | None:
        """The entity that is subject of a verb governing ``tok`` earlier in its sentence
        ("The ministry said it would act" -> the ministry), with the subject's token, or None."""
        if not self.parsed:
            return None
        cur = tok
        for _ in range(_HEAD_WALK):
            if cur.head is cur:
                return None
            cur = cur.head
            subjects = [c for c in cur.children if c.dep_ in _SUBJECT_DEPS and c.i < tok.i]
            if subjects:
                if any(c.dep_ == "conj" for c in subjects[0].children):
                    return None  # "Smith and Jones said they ..."
                m = token_mention.get(subjects[0].i)
                if m is None or m.kind == "pronoun":
                    return None
                return m.entity, subjects[0].i
        return None

    def _person_antecedent(
        self,
        tok: Token,
        gender: str,
        history: list[_Mention],
        quoted: list[int],
        token_mention: dict[int, _Mention],
    ) -> _Draft | None:
        """The person a he/she form refers to: the only compatible person nearby, else the
        one gender or subjecthood singles out; None when that is not clear. Inside a quote
        only people named in the same quote count (the quote's speaker is "I", not "he");
        outside, people named inside quotes do not."""
        sent = self.sent_of[tok.i]
        recent: list[_Draft] = []  # most recent first
        subjects: set[int] = set()
        far: list[_Draft] = []
        for m in reversed(history):
            msent = self.sent_of[m.head]
            if sent - msent > 3 * self.lex.window:
                break
            d = m.entity
            if d.type != "PERSON" or quoted[m.head] != quoted[tok.i]:
                continue
            if sent - msent > self.lex.window:
                if d not in far:
                    far.append(d)
                continue
            if d not in recent:
                recent.append(d)
            if msent >= sent - 1 and self._is_subject(m):
                subjects.add(id(d))
        if not recent:  # nobody nearby: only one person in a wider window will do
            return far[0] if len(far) == 1 and far[0].gender in (None, gender) else None
        compatible = [d for d in recent if d.gender in (None, gender)]
        if not compatible:
            return None
        found = self._governing_subject(tok, token_mention)
        governing = found[0] if found else None
        known = [d for d in compatible if d.gender == gender]
        if governing in compatible and (governing.gender == gender or len(compatible) == 1):
            return governing
        if len(compatible) == 1:
            return compatible[0]
        if len(known) == 1 and (known[0] is compatible[0] or id(known[0]) in subjects):
            return known[0]
        subject_fits = [d for d in compatible if id(d) in subjects]
        if len(subject_fits) == 1 and subject_fits[0].gender == gender:
            return subject_fits[0]
        return None

    def _clear_antecedent(
        self, tok: Token, kind: str, token_mention: dict[int, _Mention], history: list[_Mention]
    ) -> _Draft | None:
        """it/its/they: only the clear cases. The entity that is subject of the governing verb
        ("The ministry said it ..."), or, for a sentence-initial "It said", the organisation that
        was the previous sentence's subject."""
        allowed = {"ORG", "GPE"} if kind == "it" else {"ORG", "PERSON"}
        found = self._governing_subject(tok, token_mention)
        draft, subject = found if found else (None, tok.i)
        if draft is None and self.parsed and tok.dep_ in _SUBJECT_DEPS:
            sent_start, _ = self._sent_bounds(tok.i)
            opening = all(self.punct[sent_start : tok.i])
            if opening and tok.head.lemma_ in self.lex.report_verbs:
                prev = self.sent_of[tok.i] - 1
                subjects = {
                    id(m.entity): m.entity
                    for m in history
                    if self.sent_of[m.head] == prev and self._is_subject(m)
                }
                if len(subjects) == 1:
                    draft = next(iter(subjects.values()))
                    if draft.type == "PERSON":
                        draft = None
        if draft is None:
            return None
        etype = draft.type if draft.type != "GROUP" else draft.labels.most_common(1)[0][0]
        if etype not in allowed:
            return None
        if etype == "PERSON":
            # singular "they" only for a person with no gender given and no other noun between
            if draft.gender is not None:
                return None
            for k in range(subject + 1, tok.i):
                m = token_mention.get(k)
                if self.pos[k] in _NOUNS and (m is None or m.entity is not draft):
                    return None
        return draft


@Language.factory("presslens_entities")
def make_entities(nlp: Language, name: str) -> EntitiesComponent:
    return EntitiesComponent(EntityLexicon.load(nlp))
