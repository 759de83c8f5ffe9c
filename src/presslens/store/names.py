"""Article entities as the corpus linker compares them (``Profile``): a person's given names,
surname, suffix, gender and titles; an organisation's normalised names, acronyms and short
forms; and the keys a corpus entity is looked up by.

Pure and spaCy-free: the word lists are the entity lexicons and ``corpus/linking.json``
(``NameLexicon``). A form is a name or alias as the article wrote it; descriptions ("the
site's founder"), names of nobody in particular ("the government") and a given name alone
("Mark") give no profile, so they are never linked across articles.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from presslens.lexicons import lexicon, load_json

PERSON, ORG = "PERSON", "ORG"
# Key prefixes: a person by surname; an organisation by a full name or by a short form.
PERSON_KEY, ORG_KEY, SHORT_KEY = "p:", "o:", "o~:"

_POSSESSIVE = re.compile(r"['’]s?$")
_NOT_WORD = re.compile(r"[^\w]+")


@dataclass(frozen=True)
class EntityRecord:
    """One article entity as the store holds it (``article_entities``): the linker's input."""

    entity: str
    name: str
    type: str
    title: str | None = None
    aliases: tuple[str, ...] = ()
    mentions: int = 1


@dataclass(frozen=True)
class NameLexicon:
    """The word lists names are read with (see ``corpus/linking.json``'s ``_doc``)."""

    honorifics: dict[str, tuple[str | None, str | None]]
    suffixes: frozenset[str]
    post_nominals: frozenset[str]
    particles: frozenset[str]
    titles: frozenset[tuple[str, ...]]
    title_max: int
    title_words: frozenset[str]
    gendered_titles: dict[str, str]
    given_names: dict[str, str]
    org_minor_words: frozenset[str]
    corporate_suffixes: frozenset[str]
    generic_org_words: frozenset[str]
    min_shared: int
    shared_ratio: float

    @classmethod
    def load(cls) -> NameLexicon:
        """Read the word lists: the one place they are read."""
        linking = load_json("corpus", "linking.json")
        honorifics = load_json("entities", "honorifics.json")
        titles = load_json("entities", "titles.json")
        names = load_json("entities", "first_names.json")
        orgs = load_json("entities", "organisations.json")
        types = load_json("entities", "types.json")
        phrases = frozenset(tuple(t.split()) for t in titles["titles"])
        org_nouns = {w for k, v in orgs["nouns"].items() for w in (k, *v)}
        return cls(
            honorifics={k: (v["gender"], v["title"]) for k, v in honorifics["honorifics"].items()},
            suffixes=frozenset(honorifics["name_suffixes"]),
            post_nominals=frozenset(honorifics["post_nominals"]),
            particles=frozenset(honorifics["name_particles"]),
            titles=phrases,
            title_max=max(len(p) for p in phrases),
            title_words=frozenset(
                {w for p in phrases for w in p}
                | {*titles["modifiers"], *titles["dropped_modifiers"]}
            ),
            gendered_titles=titles["gendered"],
            given_names={n.lower(): g for g in ("f", "m") for n in names[g]},
            org_minor_words=frozenset(linking["org_minor_words"] + orgs["acronym_stopwords"]),
            corporate_suffixes=frozenset(orgs["corporate_suffixes"]),
            generic_org_words=frozenset(
                linking["generic_org_words"]
                + types["org_heads"]
                + orgs["bare_nouns"]
                + sorted(org_nouns)
            ),
            min_shared=linking["together"]["min_shared"],
            shared_ratio=linking["together"]["ratio"],
        )


@dataclass(frozen=True)
class Profile:
    """What one article entity tells of whom it is, and the keys it is looked up by.

    ``forms`` are its names and aliases as written; ``name`` the best full name among them.
    A person: ``given`` (the best given names, folded: ``"george w"``), every given-name
    form in ``givens``, ``surname``, ``suffix`` (``"jr"``), ``gender`` (``f``/``m``) and
    ``titles``. An organisation: ``full`` (normalised names) and ``short`` (acronyms, one-word
    aliases, the last word of a name). ``partial`` when it names the entity only in part (a
    bare surname, only an acronym or short form).
    """

    entity: str
    type: str
    name: str
    forms: frozenset[str]
    mentions: int
    given: str | None = None
    givens: frozenset[str] = frozenset()
    surname: str | None = None
    suffix: str | None = None
    gender: str | None = None
    titles: frozenset[str] = frozenset()
    full: frozenset[str] = frozenset()
    short: frozenset[str] = frozenset()

    @property
    def partial(self) -> bool:
        return self.given is None if self.type == PERSON else not self.full

    @property
    def keys(self) -> frozenset[str]:
        """The keys a corpus entity holding this profile is found by."""
        if self.type == PERSON:
            return frozenset({PERSON_KEY + (self.surname or "")})
        return frozenset(ORG_KEY + f for f in self.full) | {SHORT_KEY + s for s in self.short}

    @property
    def lookup(self) -> frozenset[str]:
        """The keys of the corpus entities this profile may be: an organisation's full names
        are looked for among short forms too, and its short forms among full names."""
        if self.type == PERSON:
            return self.keys
        forms = self.full | self.short
        return frozenset(p + f for f in forms for p in (ORG_KEY, SHORT_KEY))


def fold(text: str) -> str:
    """Lowercase without accents or dots: how names are compared ("Iván" = "ivan")."""
    decomposed = unicodedata.normalize("NFKD", text.replace("’", "'"))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold().strip(".,")


def _capitalised(word: str) -> bool:
    return word[:1].isupper() or word[:1].isdigit()


@dataclass(frozen=True)
class _PersonForm:
    text: str  # the name as written, titles and honorifics left out
    given: tuple[str, ...]
    surname: str
    suffix: str | None
    gender: str | None
    titles: frozenset[str]


def _title_end(words: Sequence[str], lex: NameLexicon) -> int:
    """How many leading words are titles, honorifics and their modifiers ("US President",
    "Mrs.", "former Secretary of State"): the end of the last title that a name follows."""
    folded = [fold(w) for w in words]
    end = 0
    for start in range(len(words)):
        if folded[start] in lex.honorifics and start + 1 < len(words):
            end = start + 1
        for n in range(min(lex.title_max, len(words) - start - 1), 0, -1):
            if tuple(folded[start : start + n]) in lex.titles:
                end = max(end, start + n)
                break
    return end


def _titles_of(words: Sequence[str], lex: NameLexicon) -> set[str]:
    """The titles in ``words`` (folded): each lexicon title phrase and honorific's title."""
    folded = [fold(w) for w in words]
    found = {lex.honorifics[w][1] or "" for w in folded if w in lex.honorifics}
    for start in range(len(folded)):
        for n in range(min(lex.title_max, len(folded) - start), 0, -1):
            if tuple(folded[start : start + n]) in lex.titles:
                found.add(" ".join(folded[start : start + n]))
                break
    return found - {""}


def _uninverted(text: str, lex: NameLexicon) -> str:
    """A name written surname first ("Twain, Mark") in the usual order ("Mark Twain"); any
    other text as it is ("John Smith, Jr.", "Smith, PhD", "Smith, the mayor")."""
    surname, comma, given = text.partition(",")
    words = given.split()
    if not comma or len(surname.split()) != 1 or not words or "," in given or "." in surname:
        return text
    after_names = lex.suffixes | lex.post_nominals  # "Smith, Jr.", "Smith, PhD"
    if not all(w[:1].isupper() for w in words) or fold(words[-1]) in after_names:
        return text
    return f"{given.strip()} {surname.strip()}"


def _person_form(text: str, lex: NameLexicon) -> _PersonForm | None:
    """A person's name form: given names, surname (with its particles), suffix; None when
    the form is not a name ("the site's founder", "his wife")."""
    words = _uninverted(_POSSESSIVE.sub("", text.strip()), lex).replace(",", " ").split()
    if not words or not (_capitalised(words[0]) or fold(words[0]) in lex.title_words):
        return None
    end = _title_end(words, lex)
    lead, rest = words[:end], words[end:]
    suffix = None
    while rest and fold(rest[-1]) in lex.suffixes | lex.post_nominals:
        if fold(rest[-1]) in lex.suffixes:
            suffix = suffix or rest[-1]
        rest = rest[:-1]
    names_only = all(_capitalised(w) or fold(w) in lex.particles for w in rest)
    if not rest or not names_only or not _capitalised(rest[-1]):
        return None
    start = len(rest) - 1
    while start > 0 and fold(rest[start - 1]) in lex.particles:
        start -= 1
    folded = [fold(w) for w in rest]
    honorific = next((lex.honorifics[fold(w)][0] for w in lead if fold(w) in lex.honorifics), None)
    return _PersonForm(
        text=" ".join([*rest, suffix] if suffix else rest),
        given=tuple(folded[:start]),
        surname=" ".join(folded[start:]),
        suffix=fold(suffix) if suffix else None,
        gender=honorific,
        titles=frozenset(_titles_of(lead, lex)),
    )


def _person(record: EntityRecord, lex: NameLexicon) -> Profile | None:
    """A person's profile from its best full form; None for a given name alone."""
    parsed = [f for f in (_person_form(t, lex) for t in _forms(record)) if f]
    if not parsed:
        return None
    best = max(parsed, key=lambda f: (len(f.given) > 0, len(f.given), f.suffix is not None))
    if not best.given and best.surname in lex.given_names:
        return None  # "Mark": nothing tells which Mark
    same = [f for f in parsed if f.surname == best.surname]
    titles = set().union(*(f.titles for f in parsed))
    if record.title:
        titles |= _titles_of(record.title.split(), lex)
    # the given name first: an honorific may come with a mention the article merged wrongly
    told = [lex.given_names.get(best.given[0]) if best.given else None]
    told += [f.gender for f in same] + [lex.gendered_titles.get(t) for t in titles]
    gender = next((g for g in told if g), None)
    return Profile(
        entity=record.entity,
        type=PERSON,
        name=best.text,
        forms=frozenset(_forms(record)),
        mentions=record.mentions,
        given=" ".join(best.given) or None,
        givens=frozenset(" ".join(f.given) for f in same if f.given),
        surname=best.surname,
        suffix=best.suffix,
        gender=gender,
        titles=frozenset(titles),
    )


@dataclass(frozen=True)
class _OrgForm:
    text: str
    norm: str
    words: int
    acronym: bool
    minor: bool  # words were dropped: minor ones ("University of Copenhagen"), a suffix


def _org_form(text: str, lex: NameLexicon) -> _OrgForm | None:
    """An organisation's name form, normalised ("The Church of Scientology's" ->
    "church scientology"); None when it is not a name."""
    words = _POSSESSIVE.sub("", text.strip()).split()
    if words and words[0].lower() == "the":
        words = words[1:]
    if not words or not any(c.isupper() or c.isdigit() for c in words[0]):
        return None
    letters = "".join(c for c in words[0] if c.isalnum())
    acronym = len(words) == 1 and len(letters) >= 2 and letters.isupper()
    if acronym:
        return _OrgForm(words[0], letters.lower(), 1, acronym=True, minor=False)
    tokens = [t for t in _NOT_WORD.split(fold(" ".join(words).replace(".", ""))) if t]
    kept = [t for t in tokens if t not in lex.org_minor_words]
    while len(kept) > 1 and kept[-1] in lex.corporate_suffixes:
        kept.pop()
    if not kept or (len(kept) == 1 and kept[0] in lex.generic_org_words):
        return None
    return _OrgForm(" ".join(words), " ".join(kept), len(kept), False, len(kept) < len(tokens))


def _org(record: EntityRecord, lex: NameLexicon) -> Profile | None:
    """An organisation's profile: full names (its name, aliases of two words or more), short
    forms (acronyms, one-word aliases, the last word of a name without minor words)."""
    forms = _forms(record)
    parsed = [f for f in (_org_form(t, lex) for t in forms) if f]
    if not parsed:
        return None
    name = parsed[0]
    full = {f.norm for f in parsed if not f.acronym and (f.words > 1 or f is name)}
    short = {f.norm for f in parsed if f.acronym or (f.words == 1 and f is not name)}
    for acronym in (f.norm for f in parsed if f.acronym):
        full |= _abbreviated(name.norm.split(), acronym)
    tail = name.norm.split()[-1]
    if name.words > 1 and not name.minor and tail not in lex.generic_org_words:
        short.add(tail)
    short |= {h for h in (_before_of(f.text, lex) for f in parsed) if h}
    return Profile(
        entity=record.entity,
        type=ORG,
        name=name.text,
        forms=frozenset(forms),
        mentions=record.mentions,
        full=frozenset(full),
        short=frozenset(short - full),
    )


def _before_of(text: str, lex: NameLexicon) -> str | None:
    """The name before "of" and one word ("The Guardian of London" -> "guardian"), as a short
    form, unless it is a generic word ("University of Chicago", "Royal Bank of Scotland")."""
    words = text.split()
    if not 3 <= len(words) <= 4 or words[-2] != "of" or not words[-1][:1].isupper():
        return None
    head = [fold(w) for w in words[:-2]]
    return None if head[-1] in lex.generic_org_words else " ".join(head)


def _abbreviated(words: list[str], acronym: str) -> set[str]:
    """The name with a run of its words (not all) written as the acronym the article tied to
    it: "california independent system operator" + "iso" -> "california iso"."""
    return {
        " ".join([*words[:i], acronym, *words[j:]])
        for i in range(len(words))
        for j in range(i + 2, len(words) + 1)
        if j - i < len(words) and "".join(w[0] for w in words[i:j]) == acronym
    }


def _forms(record: EntityRecord) -> list[str]:
    """The entity's name, then its aliases, each once."""
    return list(dict.fromkeys([record.name, *record.aliases]))


@lru_cache(maxsize=4096)  # the store reads each article's profiles twice
def profile(record: EntityRecord) -> Profile | None:
    """The profile of an article entity, or None when it is not linked across articles (a
    type without corpus entities, no proper name, a generic or given name alone)."""
    lex = lexicon(NameLexicon)
    if record.type == PERSON:
        return _person(record, lex)
    if record.type == ORG:
        return _org(record, lex)
    return None


def profiles(records: Iterable[EntityRecord]) -> list[Profile]:
    """The profiles of the records that have one, in order."""
    return [p for p in map(profile, records) if p is not None]
