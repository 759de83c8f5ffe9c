"""Proper names in the text: NER's names cleaned of "the", "'s", honorifics and titles, names NER
missed after a given name, honorific or title, and one type per name by a vote."""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass

from presslens.components.entities.context import MAX_NAME_TOKENS, NOUNS, Context
from presslens.components.entities.titles import honorific, prefix, title_ending, title_word
from presslens.nlp.layers import layers
from presslens.nlp.syntax import NOMINAL_SUBJECTS

_KEPT_LABELS = {"PERSON", "ORG", "GPE", "NORP", "FAC", "LOC"}
_DETERMINERS = {"the", "a", "an", "this", "that", "these", "those"}
_HEADING_BLOCKS = {"headline", "subheading"}
_TITLE_CASE_BLOCKS = {"headline", "subheading", "caption"}
_WORDS = re.compile(r"[^\W\d_][\w'’-]*")
_MODIFIER_DEPS = {"compound", "amod", "nmod"}
_DATELINE_STOPS = {",", "(", "—", "–", "-", "--"}
_DESCRIBED_LABELS = {"ORG", "NORP"}
_ACTIVE_SUBJECT = frozenset({"nsubj"})
_SYLLABLE = 4  # the longest given-name syllable before a lowercase one ("Lung-bin")
_NAME_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzàáâãäåçèéêëìíîïñòóôõöøùúûüýÿčćšžłńőű.-'’")


@dataclass
class Name:
    """A proper name found in the text: ``doc[name_start:name_end]``, prefix from ``start``."""

    start: int
    name_start: int
    name_end: int
    label: str
    gender: str | None = None
    title: str | None = None
    past: bool = False
    inverted: bool = False  # "Twain, Mark": the surname, a comma, the given names

    @property
    def personal(self) -> bool:
        return self.label == "PERSON" or self.start < self.name_start


def find_names(ctx: Context) -> list[Name]:
    """Proper names from NER, cleaned, plus names NER missed: after a given name, an
    honorific or a title, and organisations that speak ("Acme Steel said")."""
    names: list[Name] = []
    in_ent = [bool(e) for e in ctx.ent]
    for ent in ctx.doc.ents:
        name = _from_entity(ctx, ent.start, ent.end, ent.label_, ent.text)
        if name is not None:
            names.append(name)
            for k in range(ent.end, name.name_end):
                in_ent[k] = True
    names = _inverted(ctx, names, in_ent)
    for i in range(ctx.n):
        if in_ent[i]:
            continue
        name = _missed_person(ctx, i, in_ent) or _speaking_organisation(ctx, i, in_ent)
        if name is not None:
            for k in range(name.name_start, name.name_end):
                in_ent[k] = True
            names.append(name)
    names = _confirmed(ctx, names)
    _vote_types(ctx, names)
    return names


def _inverted(ctx: Context, names: list[Name], in_ent: list[bool]) -> list[Name]:
    """The names, with a person's given names after a line's first word and a comma, the
    whole line's name, read as "Surname, Given" (a reading list's "Twain, Mark."): one name."""
    surnames: set[int] = set()
    for name in names:
        s, e = name.name_start, name.name_end
        if name.label != "PERSON" or name.start < s or s < 2 or ctx.words[s - 1] != ",":
            continue
        surname = s - 2
        if ctx.pos[surname] != "PROPN" or not ctx.words[surname][:1].isupper():
            continue
        if ctx.ent[surname] not in ("", "PERSON") or not _line_start(ctx, surname):
            continue
        if e < ctx.n and ctx.words[e] != "." and "\n" not in ctx.words[e]:
            continue  # "Obama, Biden and Harris" is a list
        surnames.add(surname)
        in_ent[surname] = in_ent[s - 1] = True
        name.start = name.name_start = surname
        name.inverted = True
    return [n for n in names if n.inverted or n.name_start not in surnames]


def _line_start(ctx: Context, i: int) -> bool:
    """Whether token ``i`` is the first word of a line."""
    offset = ctx.idx[i]
    return not ctx.text[ctx.text.rfind("\n", 0, offset) + 1 : offset].strip()


def _confirmed(ctx: Context, names: list[Name]) -> list[Name]:
    """The names, with those on a title-case line (a US-style headline or caption, where every
    word is capitalised) cut to the part the body confirms ("Senator Vows To Block Smith's
    Plan" -> "Smith"), or dropped when the body does not name them. A name on such a line
    gets no title from it. In a credit only people need no confirmation."""
    credits = [(b.start, b.end) for b in layers(ctx.doc).blocks if b.kind == "credit"]
    ctx.title_case = [
        (b.start, b.end)
        for b in layers(ctx.doc).blocks
        if b.kind in _TITLE_CASE_BLOCKS and _title_case(ctx, b.start, b.end)
    ]
    if not credits and not ctx.title_case:
        return sorted(names, key=lambda n: n.start)
    body, doubtful = [], []
    for name in names:
        offset = ctx.idx[name.name_start]
        credit = not name.personal and any(s <= offset < e for s, e in credits)
        (doubtful if credit or ctx.in_title_case(name.name_start) else body).append(name)
    known = [{ctx.lower[i] for i in range(n.name_start, n.name_end)} for n in body]
    kept = body
    for name in doubtful:
        part = _confirmed_part(ctx, name, known)
        if part == (name.start, name.name_end):
            kept.append(name)
        elif part is not None:
            kept.append(Name(part[0], part[0], part[1], name.label))
    return sorted(kept, key=lambda n: n.start)


def _confirmed_part(ctx: Context, name: Name, known: list[set[str]]) -> tuple[int, int] | None:
    """The longest run of ``name``'s tokens whose words are all words of one body name
    ("Merkel" of "Angela Merkel", "Matthew Goode" of "Matthew William Goode")."""
    s, e = name.name_start, name.name_end
    for length in range(e - s, 0, -1):
        for a in range(s, e - length + 1):
            if ctx.punct[a] or ctx.punct[a + length - 1]:
                continue
            words = {ctx.lower[i] for i in range(a, a + length)} - ctx.lex.minor_words
            if words and any(words <= body for body in known):
                return a, a + length
    return None


def _title_case(ctx: Context, start: int, end: int) -> bool:
    """Whether the text between two offsets is written in title case: two or more words
    besides the minor ones, all capitalised."""
    minor = ctx.lex.minor_words
    content = [w for w in _WORDS.findall(ctx.text[start:end]) if w.lower() not in minor]
    return len(content) >= 2 and all(w[0].isupper() for w in content)


def _from_entity(ctx: Context, s: int, e: int, label: str, text: str) -> Name | None:
    """NER's ``doc[s:e]`` as a name: without "the", "'s", a bracket, honorifics, titles and
    descriptors; a person's through a hyphenated word, an organisation's through the head NER
    left out. None for a label presslens does not keep or an implausible name."""
    words, lower = ctx.words, ctx.lower
    if text in ctx.lex.platforms:
        label = "ORG"  # "wrote on Twitter": a service, not a person
    elif label not in _KEPT_LABELS:
        if lower[e - 1] not in ctx.lex.org_heads or e - s < 2:
            return None
        label = "ORG"  # "The Port Calder Harbour Authority", labelled WORK_OF_ART
    # "The World Health Organization (WHO" -> the name before the bracket
    for i in range(s, e):
        if words[i] == "(":
            e = i
            break
    while s < e and (lower[s] in _DETERMINERS or ctx.punct[s]):
        s += 1
    if label != "PERSON":  # "state Department of Revenue" -> the capitalised name
        while s < e - 1 and words[s][:1].islower():
            s += 1
    while e > s and (ctx.tag[e - 1] == "POS" or ctx.punct[e - 1]):
        e -= 1
    while label != "PERSON" and e - s > 1 and lower[e - 1] in ctx.lex.date_words:
        e -= 1  # "Wikinews Saturday"
    described = label in _DESCRIBED_LABELS and e - s > 2 and _descriptor(ctx, s)
    if described and words[s + 1] in ctx.lex.first_names:
        label = "PERSON"  # "Republican John Smith", which NER calls an ORG
    if label == "PERSON":
        while e - s > 1 and (lower[e - 1].rstrip(".") in ctx.lex.post_nominals or ctx.punct[e - 1]):
            e -= 1  # "Daniel Bernoulli FRS", "Jane Doe, PhD"
        e = _hyphenated_end(ctx, e)
        while e > s + 1 and not words[e - 1][:1].isupper() and not _hyphen_piece(ctx, e - 1):
            e -= 1
        # honorifics, titles and descriptors NER put inside the name: "President Joe
        # Biden", "Mathematician Anna Berg", "Nonpartisan Carla Ruiz"
        while e - s > 1 and (honorific(ctx, s) or title_word(ctx, s) or _descriptor(ctx, s)):
            s += 1
        s = _particles_start(ctx, s)
        if lower[e - 1].rstrip(".") in ctx.lex.corporate_suffixes:
            label = "ORG"  # "Globex Inc" is no person
    elif label == "ORG" and s < e:
        e = _head_end(ctx, e)
        # "Rathbun the Scientology" (property): the name after a lowercase article that
        # follows a name, not "Bank of the West"
        for i in range(s + 1, e - 1):
            if lower[i] in _DETERMINERS and words[i].islower() and words[i - 1][:1].isupper():
                s = i + 1
    if s < e and _plausible(ctx, s, e, label):
        return _name(ctx, s, e, label)
    return None


def _head_end(ctx: Context, e: int) -> int:
    """The end of an organisation's name ending before ``e``, through the one or two
    capitalised words NER left out before its acronym in brackets ("The California
    Independent System" + "Operator (ISO)")."""
    for extra in (1, 2):
        k = e + extra
        if k + 2 >= ctx.n or ctx.words[k] != "(" or not ctx.words[k + 1].isupper():
            continue
        if all(
            ctx.pos[j] == "PROPN" and ctx.words[j][:1].isupper() and not ctx.ent[j]
            for j in range(e, k)
        ):
            return k
    return e


def _missed_person(ctx: Context, i: int, in_ent: list[bool]) -> Name | None:
    """A person's name NER missed at token ``i``: after a known given name ("Ana Ruiz"), a
    family name before a hyphenated given name ("Lee Min-jun"), an honorific or a title
    ("Mayor Ana Ruiz", "Ms Lopez")."""
    words = ctx.words
    given = ctx.pos[i] == "PROPN" and (words[i] in ctx.lex.first_names or _syllable_name(ctx, i))
    if given or _before_person_cue(ctx, i, in_ent):
        start, shortest = i, 2
    elif honorific(ctx, i) is not None or title_ending(ctx, i + 1) is not None:
        start, shortest = i + 1, 1
    else:
        return None
    e = start
    while e < ctx.n and e - start < MAX_NAME_TOKENS and not in_ent[e]:
        if ctx.pos[e] != "PROPN" or not words[e][:1].isupper() or _hyphen_piece(ctx, e):
            break
        if title_word(ctx, e) or honorific(ctx, e):
            break
        e += 1
    e = _hyphenated_end(ctx, e)
    return _name(ctx, start, e, "PERSON") if e - start >= shortest else None


def _before_person_cue(ctx: Context, i: int, in_ent: list[bool]) -> bool:
    """Whether two to four capitalised proper nouns start at token ``i`` and a birth or a
    lifespan follows them ("Brock Wyatt Holt (born June 11, 1988)", which NER missed)."""
    if i and ctx.pos[i - 1] == "PROPN":
        return False
    e = i
    while e < ctx.n and e - i < MAX_NAME_TOKENS and not in_ent[e]:
        if ctx.pos[e] != "PROPN" or not ctx.words[e][:1].isupper():
            break
        e += 1
    return e - i >= 2 and ctx.lex.person_cues.match(ctx.text, ctx.end_char(e - 1)) is not None


def _speaking_organisation(ctx: Context, i: int, in_ent: list[bool]) -> Name | None:
    """An organisation NER missed that speaks or asks: capitalised proper nouns starting at
    token ``i``, the subject of a speech verb ("Acme Steel said", "Riverside Radio
    interviewed him"); one word only when it is no given name, honorific or title, nor
    followed by another proper noun."""
    if not ctx.parsed or (i and ctx.pos[i - 1] == "PROPN"):
        return None
    e = i
    while e < ctx.n and e - i < MAX_NAME_TOKENS and not in_ent[e]:
        if ctx.pos[e] != "PROPN" or not ctx.words[e][:1].isupper() or title_word(ctx, e):
            break  # "The Prime Minister said" is a title
        e += 1
    if e == i:
        return None
    one = e - i == 1
    if one and (ctx.words[i] in ctx.lex.first_names or honorific(ctx, i) is not None):
        return None
    if one and e < ctx.n and ctx.pos[e] == "PROPN":
        return None  # part of a name NER took in part ("Raheem" of "Raheem Kassam will")
    # one word only as an active subject: not the song of "'Skin' was written by Ann Lee"
    subjects = _ACTIVE_SUBJECT if one else NOMINAL_SUBJECTS
    return Name(i, i, e, "ORG") if _speech_subject(ctx, e - 1, subjects) else None


def _speech_subject(ctx: Context, i: int, subjects: frozenset[str]) -> bool:
    """Whether token ``i`` is the subject of a speech verb, or a word the parser hung on the
    verb right after it as a compound (a headline's "Riverside Radio interviews ...")."""
    head = ctx.doc[i].head
    subject = ctx.dep[i] in subjects or (
        ctx.dep[i] == "compound" and head.i == i + 1 and head.pos_ == "VERB"
    )
    return subject and head.lemma_ in ctx.lex.speech_verbs


def _vote_types(ctx: Context, names: list[Name]) -> None:
    """One type per name text, by a vote over its mentions: headline mentions count little
    (spaCy mislabels title-case words), a dateline's place and a name before "council" or
    "city" vote for a place, a name after a title for a person; a name ending in "Street"
    is no person; a tie goes to a person. Names after an honorific or title stay people."""
    weights = ctx.lex.vote_weights
    headings = [(b.start, b.end) for b in layers(ctx.doc).blocks if b.kind in _HEADING_BLOCKS]
    datelines = _dateline_places(ctx, names)
    votes: dict[str, Counter] = {}
    for name in names:
        label, weight = name.label, 1.0
        if name.start < name.name_start:
            label, weight = "PERSON", weights["prefix"]
        elif _person_cue(ctx, name):
            label, weight = "PERSON", weights["person_cue"]
        elif name.name_start in datelines:
            label, weight = "GPE", weights["dateline"]
        elif (by_noun := _noun_after_vote(ctx, name.name_end)) is not None:
            label, weight = by_noun
        elif label == "ORG" and _after_place_preposition(ctx, name):
            label, weight = "GPE", weights["place_preposition"]
        elif any(s <= ctx.idx[name.name_start] < e for s, e in headings):
            weight = weights["headline"]
        votes.setdefault(_name_key(ctx, name), Counter())[label] += weight
    _vote_unlabelled_occurrences(ctx, names, votes)
    for name in names:
        if name.start < name.name_start:
            continue
        label = _winner(votes[_name_key(ctx, name)])
        name.label = _type_by_suffix(ctx, name) if label == "PERSON" else label
    _surnames_of_people(ctx, names)


def _winner(votes: Counter) -> str:
    """The label with the most votes; on a tie a person ("on Obama, Obama's adviser", which
    NER read as a place, then a person), else the first voted."""
    return max(votes, key=lambda label: (votes[label], label == "PERSON"))


def _vote_unlabelled_occurrences(
    ctx: Context, names: list[Name], votes: dict[str, Counter]
) -> None:
    """The occurrences of a name NER left unlabelled vote too where the noun after them
    tells the type ("the Scientology organization" when only "members of Scientology" was
    labelled)."""
    named = {i for name in names for i in range(name.name_start, name.name_end)}
    by_first: dict[str, set[tuple[str, int]]] = {}
    for name in names:
        key = _name_key(ctx, name)
        by_first.setdefault(ctx.lower[name.name_start], set()).add(
            (key, name.name_end - name.name_start)
        )
    for i in range(ctx.n):
        if i in named or ctx.lower[i] not in by_first or not ctx.words[i][:1].isupper():
            continue
        for key, length in by_first[ctx.lower[i]]:
            if i + length > ctx.n or ctx.text_of(i, i + length).lower() != key:
                continue
            if (by_noun := _noun_after_vote(ctx, i + length)) is not None:
                votes[key][by_noun[0]] += by_noun[1]


def _noun_after_vote(ctx: Context, end: int) -> tuple[str, float] | None:
    """The type and weight the noun after a name ending before token ``end`` votes for: a
    place ("the Riverton city council"), an organisation ("the Scientology organization")."""
    weights = ctx.lex.vote_weights
    if _before_noun(ctx, end, ctx.lex.place_nouns):
        return "GPE", weights["place_noun"]
    if _before_noun(ctx, end, ctx.lex.org_nouns_after):
        return "ORG", weights["org_noun"]
    return None


def _person_cue(ctx: Context, name: Name) -> bool:
    """A lifespan in brackets after the name, or the name the subject of "born" or "died"."""
    if ctx.lex.person_cues.match(ctx.text, ctx.end_char(name.name_end - 1)):
        return True
    last = ctx.doc[name.name_end - 1]
    return ctx.parsed and last.dep_ in NOMINAL_SUBJECTS and last.head.lower_ in ctx.lex.person_verbs


def _surnames_of_people(ctx: Context, names: list[Name]) -> None:
    """A one-word name NER calls an organisation (or leaves unlabelled) that is the last word
    of a person's full name in the article is that person's surname ("Brock Wyatt Holt" ...
    "Holt attended"), unless an organisation's name of several words holds it ("Ford Motor
    Company")."""
    people, other = set(), set()
    for name in names:
        if name.name_end - name.name_start > 1:
            last = ctx.lower[name.name_end - 1]
            if name.label == "PERSON":
                people.add(last)
            else:
                other.update(ctx.lower[name.name_start : name.name_end])
    for name in names:
        word = ctx.lower[name.name_start]
        single = name.name_end - name.name_start == 1
        if single and name.label == "ORG" and word in people and word not in other:
            name.label = "PERSON"


def _name_key(ctx: Context, name: Name) -> str:
    return ctx.text_of(name.name_start, name.name_end).lower()


def _dateline_places(ctx: Context, names: list[Name]) -> set[int]:
    """First tokens of the places that open dateline blocks ("RIVERTON, March 14 —"); a
    place NER missed is added to ``names``."""
    found: set[int] = set()
    for block in layers(ctx.doc).blocks:
        if block.kind != "dateline":
            continue
        start = bisect.bisect_left(ctx.idx, block.start)
        end = start
        while (
            end < ctx.n
            and ctx.idx[end] < block.end
            and end - start < MAX_NAME_TOKENS
            and ctx.words[end] not in _DATELINE_STOPS
            and ctx.words[end][:1].isupper()
            and ctx.ent[end] in ("", *_KEPT_LABELS)
        ):
            end += 1
        if end == start or end >= ctx.n or ctx.words[end] not in _DATELINE_STOPS:
            continue
        found.add(start)
        if not any(n.name_start <= start < n.name_end for n in names):
            names.append(Name(start, start, end, "GPE"))
            names.sort(key=lambda n: n.start)
    return found


def _before_noun(ctx: Context, end: int, nouns: frozenset[str]) -> bool:
    """Whether the name ending before token ``end`` modifies one of ``nouns`` after it, as
    in "the Riverton city council", "Riverton police" or "the Scientology organization"."""
    return (
        end < ctx.n
        and ctx.lower[end] in nouns
        and ctx.pos[end] in NOUNS
        and (not ctx.parsed or ctx.dep[end - 1] in _MODIFIER_DEPS)
    )


def _after_place_preposition(ctx: Context, name: Name) -> bool:
    """Whether a one-word name is the object of "in" with no article ("its mill in Dayton"),
    not of a stake or a seat in something."""
    i = name.name_start
    if not ctx.parsed or name.name_end - i != 1 or i == 0 or ctx.dep[i] != "pobj":
        return False
    prep = ctx.doc[i].head
    return (
        prep.i == i - 1
        and prep.lower_ in ctx.lex.place_prepositions
        and prep.head.lemma_.lower() not in ctx.lex.not_place_heads
        and ctx.lower[i] not in ctx.lex.org_heads
    )


def _type_by_suffix(ctx: Context, name: Name) -> str:
    """FAC or LOC for a name of several words ending in "Street", "Airport", "River" (unless
    it starts with a known given name), ORG for one ending in "Center" or "Foundation" (of
    three words or more after a given name: "George W. Bush Presidential Center", not
    "Margaret Court"), else PERSON."""
    last = ctx.lower[name.name_end - 1].rstrip(".")
    size = name.name_end - name.name_start
    given = ctx.words[name.name_start] in ctx.lex.first_names
    if size >= 2 and last in ctx.lex.org_heads and (size >= 3 or not given):
        return "ORG"
    if size < 2 or last not in ctx.lex.suffix_types or given:
        return "PERSON"
    return ctx.lex.suffix_types[last]


def _joined(ctx: Context, i: int) -> bool:
    """Whether token ``i`` follows token ``i - 1`` with no space between."""
    return i > 0 and ctx.idx[i] == ctx.end_char(i - 1)


def _hyphen_piece(ctx: Context, i: int) -> bool:
    """Whether token ``i`` is the hyphen or the part after it of a hyphenated word ("Min-jun")."""
    if ctx.words[i] == "-":
        return _joined(ctx, i) and i + 1 < ctx.n and _joined(ctx, i + 1)
    return i >= 2 and ctx.words[i - 1] == "-" and _joined(ctx, i) and _joined(ctx, i - 1)


def _hyphenated_end(ctx: Context, e: int) -> int:
    """The end of a person's name ending before token ``e``, through the rest of a hyphenated
    word ("Lee Min" + "-jun") and a hyphenated given name NER left out ("Lee" + "Min-jun")."""
    words = ctx.words
    if (
        e + 2 < ctx.n
        and words[e][:1].isupper()
        and ctx.pos[e] == "PROPN"
        and _hyphen_piece(ctx, e + 1)
        and words[e + 2].isalpha()
        and not _joined(ctx, e)
    ):
        e += 1
    while e + 1 < ctx.n and _hyphen_piece(ctx, e) and _name_piece(ctx, e - 1, e + 1):
        e += 2
    return e


def _name_piece(ctx: Context, before: int, after: int) -> bool:
    """Whether the word after a hyphen continues a name: a capitalised one
    ("Armstrong-Jones"), or a lowercase syllable after a short one ("Min-jun", not
    "Prize-winner")."""
    word = ctx.words[after]
    if not word.isalpha():
        return False
    return word[:1].isupper() or len(ctx.words[before]) <= _SYLLABLE


def _syllable_name(ctx: Context, i: int) -> bool:
    """Whether ``doc[i]`` starts a family name + hyphenated given name ("Lee Min-jun",
    "Hau Lung-bin"): a capitalised word, then a capitalised syllable joined by a hyphen to a
    lowercase one."""
    words = ctx.words
    return (
        i + 3 < ctx.n
        and words[i][:1].isupper()
        and words[i + 1][:1].isupper()
        and _hyphen_piece(ctx, i + 2)
        and words[i + 3].isalpha()
        and words[i + 3].islower()
    )


def _descriptor(ctx: Context, i: int) -> bool:
    """A party or political label before a name ("Nonpartisan", "Republican")."""
    return ctx.words[i][:1].isupper() and ctx.lower[i] in ctx.lex.party_labels


def _particles_start(ctx: Context, s: int) -> int:
    """The start of a name through the surname particles before it ("Van der" + "Berg")."""
    while s > 0 and ctx.lower[s - 1] in ctx.lex.name_particles and not ctx.covered[s - 1]:
        s -= 1
    return s


def _plausible(ctx: Context, s: int, e: int, label: str) -> bool:
    """Whether NER's ``doc[s:e]`` can be a name: capitalised, not a bare title ("Mayor"),
    a person's name made of letters ("W]e" is not one)."""
    if not any(c.isupper() for c in ctx.text_of(s, e)):
        return False
    if label == "PERSON":
        if all(title_word(ctx, i) or honorific(ctx, i) for i in range(s, e)):
            return False
        if not all(_NAME_CHARS.issuperset(ctx.lower[i]) for i in range(s, e)):
            return False
    return True


def _name(ctx: Context, s: int, e: int, label: str) -> Name:
    """The name ``doc[s:e]`` with the honorific or title before it, unless it is no person's
    name: one NER did not call a person with a lowercase word inside ("the event organizer
    Alliance to Reclaim Our Schools")."""
    inner = (ctx.words[i] for i in range(s + 1, e - 1))
    if label != "PERSON" and any(
        w[:1].islower() and w not in ctx.lex.name_particles for w in inner
    ):
        return Name(s, s, e, label)
    start, gender, title, past = prefix(ctx, s)
    return Name(start, s, e, label, gender, title, past)


def name_text(ctx: Context, name: Name) -> str:
    """A person's name as it is said: "Mark Twain" for "Twain, Mark"."""
    if name.inverted:
        return f"{ctx.text_of(name.name_start + 2, name.name_end)} {ctx.words[name.name_start]}"
    return ctx.text_of(name.name_start, name.name_end)


def name_parts(ctx: Context, name: Name) -> list[str]:
    """The words of a person's name without punctuation or suffixes ("Jr."): a hyphenated word
    is one part ("Min-jun", "Al-Rashid"), and particles belong to the surname after them
    ("Ludwig van der Berg" -> "Ludwig", "van der Berg")."""
    words: list[str] = []
    for i in range(name.name_start, name.name_end):
        if words and _hyphen_piece(ctx, i):
            words[-1] += ctx.words[i]
        elif not ctx.punct[i]:
            words.append(ctx.words[i])
    while len(words) > 1 and words[-1].lower().rstrip(".") in ctx.lex.name_suffixes:
        words.pop()
    if name.inverted:
        words = [*words[1:], words[0]]
    parts: list[str] = []
    particles: list[str] = []
    for k, word in enumerate(words):
        if word.lower() in ctx.lex.name_particles and k < len(words) - 1:
            particles.append(word)
        else:
            parts.append(" ".join([*particles, word]))
            particles = []
    return parts
