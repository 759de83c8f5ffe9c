"""Events: who did what to whom, typed with the PLOVER ontology.

One pass over the parse. A verb is a trigger when ``resources/lexicons/events/lexicon.json``
types it: first as a phrasal verb ('call on') or with its preposition's object ('took to
the streets'), then with its object ('impose sanctions'), then alone ('attack'); a light
verb takes its type from its object noun ('staged a protest'), and a lexicon noun is a
trigger as the subject of a verb outside the lexicon ('protests erupted'). An event inside
the 'to' or 'that' clause of another event belongs to it ('threatened to attack' is one
THREATEN).
The subject is the actor (the 'by' object in the passive, whose subject is the
target); the target is the dative, the object (or the owner of an object that
stands for someone's act: 'rejected Iran's proposal'), the object of a target
preposition, or the subject of a 'that' clause. 'not', 'never' and 'failed to'
negate. An event whose trigger lies in a quote's content carries that quote's id.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Token

from presslens.lexicons import lexicon, lexicon_from, load_json, phrase_pattern
from presslens.nlp.layers import doc_text, entity_for, layers, span
from presslens.nlp.parse import end_char, first_child
from presslens.schema import Event, Participant, Quote, Time
from presslens.text.spans import ByStart

_ACTOR_DEPS = {"nsubj", "csubj"}
_PASSIVE_SUBJECT = "nsubjpass"
_CLAUSE_DEPS = {"xcomp", "ccomp"}  # an event in such a clause of another event belongs to it
_INHERITS_SUBJECT = {"xcomp", "conj", "advcl", "acomp"}
_RELATIVE = {"who", "that", "which", "whom"}
_SPAN_RIGHT = {"compound", "flat", "nummod", "appos", "amod", "nmod", "npadvmod"}
_NOUNS = {"NOUN", "PROPN"}
_DATE_VALUE = re.compile(r"^\d{4}-\d{2}(?:-\d{2})?$")
_NEGATING_DETS = {"no"}
_FIRST_PERSON = {"i", "me", "we", "us"}
_WHEN = {"DATE", "TIME"}
_LIGHT_PREPS = {"in", "on"}
_MODIFIER_DEPS = {"amod", "compound"}  # 'the detained fishermen' describes, it does not report
_MAX_CLIMB = 4
_VERB_KEYED = (  # lexicon tables whose keys start with a verb lemma
    "verbs",
    "phrasal",
    "verb_object",
    "verb_prep_object",
    "transitive_types",
    "people_types",
    "crowd_acts",
    "military_moves",
)
_VERB_LISTS = ("light_verbs", "travel_verbs", "question_verbs")
_PEOPLE = {"PERSON", "NORP"}
_THIRD_PERSON = {"him", "her", "them"}
_COMPLEMENTS = {"ccomp", "oprd", "acomp", "xcomp"}
_AMOUNTS = {"MONEY", "CARDINAL", "QUANTITY"}
_AMOUNT_PREPS = {"in", "of", "worth"}
_WH_TAGS = {"WDT", "WP", "WP$", "WRB"}
_QUESTION_MARKS = {"if", "whether"}


@dataclass(frozen=True)
class EventLexicon:
    """The PLOVER vocabulary of ``resources/lexicons/events/lexicon.json``."""

    verbs: dict[str, str]
    phrasal: dict[str, str]
    verb_object: dict[str, str]
    verb_prep_object: dict[str, str]
    nouns: dict[str, str]
    adjectives: dict[str, str]
    light_verbs: frozenset[str]
    negating: frozenset[str]
    content_objects: frozenset[str]
    target_rank: dict[str, int]
    lemma_fixes: dict[str, str]
    future_aux: frozenset[str]
    intent_verbs: frozenset[str]
    promised: dict[str, str]  # type -> what announcing it in the future is (AGREE / THREATEN)
    conditions: frozenset[str]
    must: frozenset[str]
    military: frozenset[str]
    military_acts: frozenset[str]
    stative_passives: frozenset[str]
    intransitive_only: frozenset[str]
    needs_clause: frozenset[str]
    needs_object: frozenset[str]
    not_with_clause: frozenset[str]
    report_objects: dict[str, frozenset[str]]
    reporting: frozenset[str]
    forms: dict[str, str]
    particles: frozenset[str]
    manner: dict[str, str]
    containers: frozenset[str]
    actor_nouns: frozenset[str]
    travel_verbs: frozenset[str]
    military_moves: dict[str, str]
    needs_people: frozenset[str]
    people_nouns: frozenset[str]
    question_verbs: frozenset[str]
    goods: dict[str, str]
    intent_nouns: frozenset[str]
    crowd_actors: frozenset[str]
    crowd_acts: dict[str, str]
    transitive_types: dict[str, str]
    people_types: dict[str, str]
    anonymity: re.Pattern[str]  # 'asked not to be named' (quotes' cues.json): no demand
    noun_heads: frozenset[str]  # the head word of every noun key, and the containers
    verb_heads: frozenset[str]  # every verb some rule can type

    @classmethod
    def load(cls) -> EventLexicon:
        data = load_json("events", "lexicon.json")
        return lexicon_from(
            cls,
            data,
            target_rank={p: i for i, p in enumerate(data["target_preps"])},
            future_aux=frozenset(data["future"]["aux"]),
            intent_verbs=frozenset(data["future"]["intent_verbs"]),
            promised={
                **dict.fromkeys(data["future"]["cooperative"], "AGREE"),
                **dict.fromkeys(data["future"]["hostile"], "THREATEN"),
            },
            conditions=frozenset(data["future"]["conditions"]),
            must=frozenset(data["future"]["must"]),
            military=frozenset(data["military_actors"]),
            report_objects={v: frozenset(o) for v, o in data["report_objects"].items()},
            intent_nouns=frozenset(data["future"]["intent_nouns"]),
            anonymity=phrase_pattern(load_json("quotes", "cues.json")["anonymity"]),
            noun_heads=frozenset(
                [k.split(" of ")[0].split()[-1] for k in data["nouns"]] + data["containers"]
            ),
            verb_heads=frozenset(
                [k.split()[0] for key in _VERB_KEYED for k in data[key]]
                + [v for key in _VERB_LISTS for v in data[key]]
            ),
        )

    def lemma(self, tok: Token) -> str:
        """The lower-case lemma of ``tok``, with the model's known slips mended ('stag', and
        'raped' read as 'rap')."""
        form = self.forms.get(tok.lower_)
        if form is not None:
            return form
        lemma = tok.lemma_.lower()
        return self.lemma_fixes.get(lemma, lemma)

    def noun_type(self, tok: Token) -> tuple[str, list[Token]] | None:
        """The type a noun names and the words that name it, trying its compound ('hunger
        strike') and its 'of' phrase ('state of siege') before the noun alone; through a
        container ('a list of demands')."""
        lemma = self.lemma(tok)
        if lemma not in self.noun_heads:
            return None
        if lemma in self.containers:
            inner = next((_pobj(c) for c in tok.children if c.lower_ == "of"), None)
            named = self.noun_type(inner) if inner is not None else None
            return (named[0], [tok, *named[1]]) if named else None
        for c in tok.children:
            if c.dep_ in ("compound", "amod") and c.i < tok.i:
                key, words = f"{self.lemma(c)} {lemma}", [c, tok]
            elif c.dep_ == "prep" and c.lower_ == "of":
                pobj = next((p for p in c.children if p.dep_ == "pobj"), None)
                if pobj is None:
                    continue
                key, words = f"{lemma} of {pobj.lower_}", [tok, pobj]
            else:
                continue
            if key in self.nouns:
                return self.nouns[key], words
        return (self.nouns[lemma], [tok]) if lemma in self.nouns else None


class _Tree:
    """Each token's children, found once per doc: ``Token.children`` walks the span of the
    token's whole subtree on every call, a sentence for a main verb."""

    def __init__(self, doc: Doc) -> None:
        self.tokens = list(doc)  # made once: ``doc[i]`` builds a new Token on every call
        self._kids: list[list[Token]] = [[] for _ in self.tokens]
        for i, offset in enumerate(doc.to_array("HEAD").astype("int64").tolist()):
            if offset:
                self._kids[i + offset].append(self.tokens[i])

    def children(self, tok: Token) -> list[Token]:
        return self._kids[tok.i]

    def pobj(self, prep: Token) -> Token | None:
        return next((c for c in self.children(prep) if c.dep_ == "pobj"), None)

    def is_question(self, clause: Token) -> bool:
        """Whether a clause is an indirect question: 'asked how the operation went'."""
        return any(
            c.i < clause.i and (c.tag_ in _WH_TAGS or c.lower_ in _QUESTION_MARKS)
            for c in self.children(clause)
        )


@dataclass
class _Found:
    """An event found at a token: its type, the tokens of its trigger, the word that typed it."""

    anchor: Token  # the verb (or adjective, or subject noun) the participants hang on
    type: str
    trigger: tuple[int, int]  # character offsets
    used: frozenset[int]  # token indices the trigger pattern consumed (not participants)


class EventsComponent:
    def __init__(self, lexicon: EventLexicon) -> None:
        self.lex = lexicon

    def __call__(self, doc: Doc) -> Doc:
        lay = layers(doc)
        found: dict[int, _Found] = {}
        musts: list[Token] = []
        tree = _Tree(doc)
        for tok in tree.tokens:
            pos = tok.pos_
            if pos == "VERB" and tok.dep_ not in _MODIFIER_DEPS:
                hit = self._verb(tok, tree)
                if tok.dep_ == "ccomp" and tok.head.pos_ == "VERB" and self._is_must(tok):
                    musts.append(tok)
            elif pos == "ADJ":
                hit = self._adjective(tok)
            elif pos in _NOUNS and tok.dep_ in _ACTOR_DEPS:
                hit = self._subject_noun(tok)
            else:
                continue
            if hit is not None:
                found[hit.anchor.i] = hit
        for tok in musts:  # 'declared that China must open its markets'
            if tok.head.i not in found:
                modal = next(c for c in tok.children if c.lower_ in self.lex.must)
                found[tok.head.i] = _found(tok.head, "DEMAND", [modal, tok], set())
        for f in list(found.values()):
            if self._is_report(f, found) or self._is_errand(f, found):
                del found[f.anchor.i]
        for f in list(found.values()):
            self._announce(f, found)
        hidden = [m.span() for m in self.lex.anonymity.finditer(doc_text(doc))]
        kept = [
            f
            for f in found.values()
            if not _inside_other(f.anchor, found)
            and not any(s <= f.anchor.idx < e for s, e in hidden)
        ]
        kept.sort(key=lambda f: f.trigger[0])
        quotes = _quote_pieces(lay.quotes)
        dates = _dates(doc, lay.times)
        lay.events = [
            self._event(doc, f"e{n}", f, quotes, dates, found) for n, f in enumerate(kept, 1)
        ]
        return doc

    # -- triggers -------------------------------------------------------------------------

    def _verb(self, tok: Token, tree: _Tree) -> _Found | None:
        lex = self.lex
        lemma = lex.lemma(tok)
        if lemma not in lex.verb_heads:
            return None
        children = tree.children(tok)
        obj = next((c for c in children if c.dep_ == "dobj"), None) or next(
            (c for c in children if c.dep_ == _PASSIVE_SUBJECT), None
        )
        preps = [c for c in children if c.dep_ == "prep"]
        for prep in preps:  # 'shut their shops in protest'
            pobj = tree.pobj(prep)
            kind = pobj is not None and lex.manner.get(f"{prep.lower_} {lex.lemma(pobj)}")
            if kind:
                return _found(tok, kind, [tok, pobj], {prep.i, pobj.i})
        for part in children:  # 'called off the strike', 'stepped down'
            if part.dep_ != "prt" and not (part.dep_ == "advmod" and part.lower_ in lex.particles):
                continue
            kind = obj is not None and lex.verb_object.get(
                f"{lemma} {part.lower_} {lex.lemma(obj)}"
            )
            if kind:
                return _found(tok, kind, [tok, obj], {part.i, obj.i})
            kind = lex.phrasal.get(f"{lemma} {part.lower_}")
            if kind:
                return _found(tok, kind, [tok, part], {part.i})
        found = self._with_object(tok, lemma, obj, tree) if obj is not None else None
        if found is None:
            found = self._with_complement(tok, lemma, tree)
        if found is not None:
            return found
        for prep in preps:
            kind = lex.phrasal.get(f"{lemma} {prep.lower_}")
            if kind:
                return _found(tok, kind, [tok, prep], {prep.i})
            pobj = tree.pobj(prep)
            kind = pobj is not None and lex.verb_prep_object.get(
                f"{lemma} {prep.lower_} {lex.lemma(pobj)}"
            )
            if kind:  # 'took to the streets', 'placed under arrest'
                return _found(tok, kind, [tok, pobj], {prep.i, pobj.i})
        kind = lex.crowd_acts.get(lemma)
        actor = _actor(tok, lex) if kind else None
        if actor is not None and lex.lemma(actor) in lex.crowd_actors:
            return _found(tok, kind, [tok], set())  # 'protesters clashed with police'
        kind = lex.people_types.get(lemma)
        if kind and obj is not None and self._names_people(obj):
            return _found(tok, kind, [tok], set())  # 'kidnappers seized two aid workers'
        kind = lex.transitive_types.get(lemma)
        if kind and not _is_infinitive(tok) and (obj is not None or _has_clause(children)):
            return _found(tok, kind, [tok], set())  # 'Norland protested the killing'
        if lemma in lex.verbs and self._fits(lemma, obj, children, tree):
            return _found(tok, lex.verbs[lemma], [tok], set())
        if lemma in lex.question_verbs and any(
            c.dep_ == "ccomp" and tree.is_question(c) for c in children
        ):  # 'trying to determine whether a bomb brought down the jet'
            return _found(tok, "INVESTIGATE", [tok], set())
        move = lex.military_moves.get(lemma)
        actor = _actor(tok, lex) if move else None
        if actor is not None and self._is_military(actor):  # 'troops began to leave Kosovo'
            return _found(tok, move, [tok], set())
        noun_preps = _LIGHT_PREPS if lemma in lex.light_verbs else set()
        if lemma in lex.travel_verbs:  # 'flew to Amman for consultations'
            noun_preps = noun_preps | {"for"}
        for prep in preps:  # 'engaged in ethnic cleansing', 'went on strike'
            pobj = tree.pobj(prep) if prep.lower_ in noun_preps else None
            named = lex.noun_type(pobj) if pobj is not None else None
            if named:
                return _found(tok, named[0], [tok, *named[1]], {prep.i, pobj.i})
        return None

    def _with_object(self, tok: Token, lemma: str, obj: Token, tree: _Tree) -> _Found | None:
        """A verb typed by its object or a conjoined one: 'violated the ceasefire agreement', a
        light verb's event noun ('staged a protest', 'ordered a trade and oil embargo'), an
        amount of an event noun ('approved $5 million in aid')."""
        lex = self.lex
        for noun in _conjuncts(obj):
            named = lex.noun_type(noun) if lemma in lex.light_verbs else None
            if named and len(named[1]) > 1:  # 'held joint exercises' before 'held exercises'
                return _found(tok, named[0], [tok, *named[1]], {noun.i})
            people = lex.lemma(noun) in lex.people_nouns  # 'the kidnapped aid workers'
            modifiers = [c for c in noun.lefts if c.dep_ == "compound" and not people]
            for word in (*modifiers, noun):  # 'sent peacekeeping troops' before 'sent troops'
                kind = lex.verb_object.get(f"{lemma} {lex.lemma(word)}")
                if kind:
                    return _found(tok, kind, [tok, noun], {noun.i})
            if named:
                return _found(tok, named[0], [tok, *named[1]], {noun.i})
            if (lemma in lex.light_verbs or lemma in lex.verbs) and _is_amount(noun):
                for prep in noun.children:  # '500 tonnes of food'
                    pobj = tree.pobj(prep) if prep.lower_ in _AMOUNT_PREPS else None
                    if pobj is None:
                        continue
                    kind = lex.goods.get(lex.lemma(pobj))
                    named = (kind, [pobj]) if kind else lex.noun_type(pobj)
                    if named:
                        return _found(tok, named[0], [tok, *named[1]], {noun.i, prep.i, pobj.i})
        return None

    def _with_complement(self, tok: Token, lemma: str, tree: _Tree) -> _Found | None:
        """A verb typed by an adjective complement ('found the minister guilty') or by the
        subject of its clause ('allowed inspectors to enter')."""
        for c in tree.children(tok):
            if c.dep_ in _COMPLEMENTS and c.pos_ == "ADJ":
                kind = self.lex.verb_object.get(f"{lemma} {c.lower_}")
            elif c.dep_ in _CLAUSE_DEPS:
                subject = next((s for s in tree.children(c) if s.dep_ in _ACTOR_DEPS), None)
                kind = subject is not None and self.lex.verb_object.get(
                    f"{lemma} {self.lex.lemma(subject)}"
                )
            else:
                continue
            if kind:
                return _found(tok, kind, [tok, c], set())
        return None

    def _fits(self, lemma: str, obj: Token | None, children: list[Token], tree: _Tree) -> bool:
        """Whether a lexicon verb is used as the event: 'demonstrated' but not 'demonstrated
        the ability'; 'asked them to leave' but not 'asked a question'."""
        lex = self.lex
        if (lemma in lex.intransitive_only and obj is not None) or (
            obj is None and lemma in lex.needs_object
        ):
            return False
        if lemma in lex.needs_people and (obj is None or not self._names_people(obj)):
            return False  # 'released two journalists', not 'released a video'
        if obj is not None and lex.lemma(obj) in lex.report_objects.get(lemma, ()):
            return False  # 'offered no comment'
        clauses = [c for c in children if c.dep_ in _CLAUSE_DEPS and not tree.is_question(c)]
        if lemma in lex.not_with_clause and clauses:
            return False  # 'helped broker a deal': the deal is the event
        return lemma not in lex.needs_clause or bool(clauses)

    def _names_people(self, noun: Token) -> bool:
        """Whether a noun names people: a person or group name, 'them', 'two journalists'."""
        if noun.pos_ == "PRON":
            return noun.lower_ in _THIRD_PERSON
        return noun.ent_type_ in _PEOPLE or self.lex.lemma(noun) in self.lex.people_nouns

    def _is_must(self, verb: Token) -> bool:
        return any(c.dep_ == "aux" and c.lower_ in self.lex.must for c in verb.children)

    def _adjective(self, tok: Token) -> _Found | None:
        """'ready to contribute', 'unwilling to negotiate'."""
        kind = self.lex.adjectives.get(tok.lower_)
        if kind and any(c.dep_ == "xcomp" for c in tok.children):
            return _found(tok, kind, [tok], set())
        return None

    def _subject_noun(self, tok: Token) -> _Found | None:
        """'Protests erupted', 'Talks resumed': a lexicon noun as the subject of a verb that
        is not a trigger itself."""
        head = tok.head
        if (
            head.pos_ != "VERB"
            or self.lex.lemma(head) in self.lex.verbs
            or self.lex.lemma(tok) in self.lex.actor_nouns  # 'the alliance issued'
        ):
            return None
        named = self.lex.noun_type(tok)
        return _found(tok, named[0], named[1], set()) if named else None

    def _is_report(self, f: _Found, found: dict[int, _Found]) -> bool:
        """Whether a warning reports an act that happened rather than threatening one: 'warned
        that rebels had attacked the village' is the attack."""
        return self.lex.lemma(f.anchor) in self.lex.reporting and any(
            c.dep_ == "ccomp" and c.i in found and self._realized(c) for c in f.anchor.children
        )

    def _is_errand(self, f: _Found, found: dict[int, _Found]) -> bool:
        """Whether a journey only serves the act it is for: 'a UN team arrived to inspect the
        sites' is the inspection."""
        return (
            f.type == "CONSULT"
            and self.lex.lemma(f.anchor) in self.lex.travel_verbs
            and any(
                c.dep_ in ("advcl", "xcomp") and c.i in found and _is_infinitive(c)
                for c in f.anchor.children
            )
        )

    def _realized(self, verb: Token) -> bool:
        """A finite verb without a modal: 'attacked', 'had attacked', 'is attacking'."""
        return verb.tag_ != "VB" and not any(
            c.dep_ == "aux" and (c.tag_ == "MD" or c.lower_ == "to") for c in verb.children
        )

    def _announce(self, f: _Found, found: dict[int, _Found]) -> None:
        """An act announced for the future is a promise or a threat: 'will send aid' is AGREE,
        'vowed to crush the revolt' is THREATEN (on the intent verb when it is a trigger)."""
        anchor, lex = f.anchor, self.lex
        promised = lex.promised.get(f.type)
        if promised is None or _is_perfect(anchor):
            return  # 'may have been struck' is a past possibility, not a threat
        future = any(c.dep_ == "aux" and c.lower_ in lex.future_aux for c in anchor.children)
        if self._negated(anchor):
            if future and promised == "AGREE":  # 'would not meet their demands' (CAMEO 12)
                f.type = "REJECT"
            return
        if future or any(
            c.dep_ == "advcl" and any(m.lower_ in lex.conditions for m in c.children)
            for c in anchor.children
        ):
            f.type = promised
        elif anchor.dep_ == "xcomp" and lex.lemma(anchor.head) in lex.intent_verbs:
            owner = found.get(anchor.head.i)
            (owner or f).type = promised
        elif _is_infinitive_acl(anchor) and lex.lemma(anchor.head) in lex.intent_nouns:
            f.type = promised  # 'expressed its willingness to mediate'

    # -- the event ------------------------------------------------------------------------

    def _event(
        self,
        doc: Doc,
        eid: str,
        f: _Found,
        quotes: ByStart[tuple[int, int, Quote]],
        dates: dict[int, str],
        found: dict[int, _Found],
    ) -> Event:
        anchor = f.anchor
        if anchor.pos_ in _NOUNS:  # a subject noun: its owner acts, its 'against' object suffers
            actor = _owner(anchor)
            around = self._prep_targets(anchor, f.used) or self._prep_targets(anchor.head, f.used)
            targets = _conjuncts(around[0] if around else None)
        else:
            actor, targets = self._roles(anchor, f.used)
            if not targets:
                absorbed = [
                    c for c in anchor.children if c.dep_ in _CLAUSE_DEPS and c.i in found
                ] or [c for c in anchor.children if c.dep_ == "xcomp"]
                for clause in absorbed:
                    used = found[clause.i].used if clause.i in found else frozenset()
                    targets = self._roles(clause, used)[1]
                    if targets:
                        break
        kind = f.type
        if (
            kind == "ASSAULT"
            and self.lex.lemma(anchor) in self.lex.military_acts
            and actor is not None
            and self._is_military(actor)
        ):
            kind = "FIGHT"  # PLOVER: conventional military force
        limit = f.anchor.i
        participants = [
            _participant(doc, t, "actor", limit) for t in _conjuncts(actor) if not _is_relative(t)
        ] + [_participant(doc, t, "target", limit) for t in targets]
        start = f.trigger[0]
        quote = next((q for s, e, q in quotes.may_contain(start, start + 1) if start < e), None)
        speaker = quote.speaker.entity if quote is not None and quote.speaker else None
        for p in participants:  # 'we' in a quote is its speaker
            if p.entity is None and speaker and p.text.lower() in _FIRST_PERSON:
                p.entity = speaker
        return Event(
            id=eid,
            type=kind,
            trigger=span(doc, *f.trigger),
            participants=participants,
            date=dates.get(_clause_verb(anchor).i),
            negated=self._negated(anchor),
            quote=quote.id if quote is not None else None,
        )

    def _is_military(self, actor: Token) -> bool:
        words = [actor, *(c for c in actor.lefts if c.dep_ == "compound")]
        return any(self.lex.lemma(w) in self.lex.military for w in words)

    def _roles(self, verb: Token, used: frozenset[int]) -> tuple[Token | None, list[Token]]:
        """The actor and the targets of a verbal trigger."""
        passive = first_child(verb, _PASSIVE_SUBJECT)
        if self.lex.lemma(verb) in self.lex.stative_passives or (
            passive is not None and passive.i in used  # 'sanctions were imposed on X'
        ):
            agent = first_child(verb, "agent")
            actor = passive if passive is not None and passive.i not in used else None
            if agent is not None:
                actor = next((c for c in agent.children if c.dep_ == "pobj"), actor)
            return actor, _conjuncts(next(iter(self._prep_targets(verb, used)), None))
        if passive is not None or (verb.dep_ == "acl" and verb.tag_ == "VBN"):
            agent = first_child(verb, "agent")
            actor = first_child(agent, "pobj") if agent else None
            patient = passive if passive is not None else verb.head
            return actor, _conjuncts(patient)
        return _actor(verb, self.lex), self._targets(verb, used)

    def _targets(self, verb: Token, used: frozenset[int]) -> list[Token]:
        """The first candidate that names an entity, else the first candidate: the dative,
        the object, the best target preposition's object (on the verb or the object: 'staged
        rallies in Gaza against X'), the subject of a 'that' clause ('demanded that X ...')."""
        candidates = [_pobj_or_self(c) for c in verb.children if c.dep_ == "dative"]
        obj = _object(verb)
        if obj is not None and obj.i not in used:
            candidates.append(self._owner_or_self(obj))
        candidates += self._prep_targets(verb, used, obj)
        for c in verb.children:
            if c.dep_ == "ccomp":
                subject = next((s for s in c.children if s.dep_ in _ACTOR_DEPS), None)
                if subject is not None and subject.pos_ != "PRON":
                    candidates.append(subject)
        candidates = [c for c in candidates if c.ent_type_ not in _WHEN]
        named = next((c for c in candidates if _names_entity(c)), None)
        return _conjuncts(named if named is not None else next(iter(candidates), None))

    def _owner_or_self(self, obj: Token) -> Token:
        """For 'rejected Iran's proposal' (an object that is someone's act): Iran."""
        lemma = self.lex.lemma(obj)
        if lemma in self.lex.content_objects or lemma in self.lex.nouns:
            owner = _owner(obj)
            if owner is not None:
                return owner
        return obj

    def _prep_targets(
        self, tok: Token, used: frozenset[int], noun: Token | None = None
    ) -> list[Token]:
        """The objects of the target prepositions on ``tok`` (and on ``noun`` and the words
        of the trigger: 'ethnic cleansing against X'), best-ranked first; never a date."""
        rank = self.lex.target_rank
        found: list[tuple[int, int, Token]] = []
        nouns = [tok.doc[i] for i in used] + ([noun] if noun is not None else [])
        for c in [*tok.children, *(c for n in nouns for c in n.children)]:
            if c.dep_ != "prep" or c.lower_ not in rank or (c.i in used and c.lower_ == "for"):
                continue
            pobj = next((p for p in c.children if p.dep_ == "pobj"), None)
            if pobj is not None and pobj.i not in used and pobj.ent_type_ not in _WHEN:
                found.append((rank[c.lower_], c.i, self._owner_or_self(pobj)))
        return [t for _, _, t in sorted(found, key=lambda x: (x[0], x[1]))]

    def _negated(self, anchor: Token) -> bool:
        if any(c.dep_ == "neg" or c.lower_ in _NEGATING_DETS for c in anchor.children):
            return True
        if anchor.pos_ in _NOUNS and anchor.dep_ in ("dobj", "pobj"):
            anchor = anchor.head
        head = anchor.head
        return anchor.dep_ == "xcomp" and (
            self.lex.lemma(head) in self.lex.negating or any(c.dep_ == "neg" for c in head.children)
        )


def _found(anchor: Token, kind: str, words: list[Token], used: set[int]) -> _Found:
    start = min(w.idx for w in words)
    end = max(end_char(w) for w in words)
    return _Found(anchor, kind, (start, end), frozenset(used))


def _is_infinitive(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _has_clause(children: list[Token]) -> bool:
    return any(c.dep_ == "ccomp" for c in children)


def _is_perfect(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children)


def _object(verb: Token) -> Token | None:
    return first_child(verb, "dobj")


def _names_entity(tok: Token) -> bool:
    """Whether the entities layer has a mention in the words up to ``tok`` ('Palestinian
    armed groups')."""
    return entity_for(tok.doc, tok.left_edge.idx, end_char(tok)) is not None


def _is_amount(noun: Token) -> bool:
    """'$5 million', '15 million euros', '18 helicopters'."""
    return (
        noun.ent_type_ in _AMOUNTS
        or noun.like_num
        or any(c.dep_ == "nummod" for c in noun.children)
    )


def _pobj(prep: Token) -> Token | None:
    return first_child(prep, "pobj")


def _pobj_or_self(tok: Token) -> Token:
    return next((c for c in tok.children if c.dep_ == "pobj"), tok)


def _owner(noun: Token) -> Token | None:
    """Whose act a noun is: its possessor ('Iran's proposal'), its 'by'/'from'/'of' object,
    or a name compounded on it ('a U.S. request')."""
    for c in noun.children:
        if c.dep_ == "poss" and c.pos_ != "PRON":
            return c
    for c in noun.children:
        if c.dep_ == "prep" and c.lower_ in ("by", "from", "of"):
            pobj = next((p for p in c.children if p.dep_ == "pobj"), None)
            if pobj is not None:
                return pobj
    return next((c for c in noun.lefts if c.dep_ in ("compound", "amod") and c.ent_type_), None)


def _inside_other(tok: Token, found: dict[int, _Found]) -> bool:
    """Whether ``tok`` sits in a 'to'/'that' clause of another trigger (through other such
    clauses) or in a 'to' clause of its object: 'threatened to impose sanctions' and
    'rejected a request to question them' are one event each."""
    for _ in range(_MAX_CLIMB):
        if tok.head.i == tok.i:
            return False
        if tok.dep_ in _CLAUSE_DEPS:
            tok = tok.head
        elif _is_infinitive_acl(tok):
            noun = tok.head
            if noun.i in found:
                return True
            tok = noun.head.head if noun.dep_ == "pobj" else noun.head
        else:
            return False
        if tok.i in found:
            return True
    return False


def _is_infinitive_acl(tok: Token) -> bool:
    return tok.dep_ == "acl" and _is_infinitive(tok)


def _actor(verb: Token, lex: EventLexicon) -> Token | None:
    """The subject of a verb, inherited through 'to' clauses, conjoined and adverbial verbs;
    for a relative clause or a participle the noun it describes ('demonstrators protesting'),
    unless that noun is a statement ('a statement condemning': its issuer's)."""
    tok = verb
    for _ in range(_MAX_CLIMB):
        subject = first_child(tok, *_ACTOR_DEPS)
        if subject is not None and _is_relative(subject) and tok.dep_ == "relcl":
            return tok.head
        if subject is not None:  # 'Amnesty's report accused ...': Amnesty
            owner = _owner(subject) if lex.lemma(subject) in lex.content_objects else None
            return owner if owner is not None else subject
        if tok.dep_ == "acl" and tok.tag_ == "VBG":
            if lex.lemma(tok.head) not in lex.content_objects:
                return tok.head
            owner = _owner(tok.head)  # 'Trump's tweet mocking ...'
            if owner is not None:
                return owner
            tok = tok.head.head
            continue
        if tok.dep_ in ("relcl", "acl"):
            return None
        if tok.dep_ not in _INHERITS_SUBJECT or tok.head.i == tok.i:
            return None
        tok = tok.head
    return None


def _is_relative(tok: Token) -> bool:
    return tok.lower_ in _RELATIVE


def _conjuncts(tok: Token | None) -> list[Token]:
    """``tok`` and the words conjoined to it ('Jordan and Britain')."""
    if tok is None:
        return []
    out = [tok]
    for c in tok.children:
        if c.dep_ == "conj":
            out.extend(_conjuncts(c))
    return out


def _participant(doc: Doc, head: Token, role: str, trigger: int) -> Participant:
    """The noun phrase of ``head`` without its clauses, conjuncts and possessive mark, and
    never across the trigger (token ``trigger``)."""
    right = head
    for c in head.rights:
        if c.dep_ in _SPAN_RIGHT or (c.dep_ == "prep" and c.lower_ == "of"):
            edge = c.right_edge
            if head.i < trigger <= edge.i:
                break
            right = max(right, edge, key=lambda t: t.i)
    left = head.left_edge
    if left.i <= trigger < head.i:
        left = doc[trigger + 1]
    while left.i < head.i and (left.is_punct or left.dep_ in ("cc", "preconj")):
        left = doc[left.i + 1]
    while right.i > head.i and (right.is_punct or right.dep_ == "case"):
        right = doc[right.i - 1]
    start, end = left.idx, end_char(right)
    return Participant(
        entity=entity_for(doc, start, end),
        role=role,
        start=start,
        end=end,
        text=doc_text(doc)[start:end],
    )


def _quote_pieces(quotes: list[Quote]) -> ByStart[tuple[int, int, Quote]]:
    """(start, end, quote) of every piece of every quote's content, by start."""
    pieces = [(s.start, s.end, q) for q in quotes for s in (q.spans or [q.content])]
    return ByStart(pieces, lambda piece: (piece[0], piece[1]))


def _clause_verb(tok: Token) -> Token:
    """The verb whose clause ``tok`` is in (``tok`` itself for a verb)."""
    for _ in range(_MAX_CLIMB):
        if tok.pos_ in ("VERB", "AUX") or tok.head.i == tok.i:
            return tok
        tok = tok.head
    return tok


def _dates(doc: Doc, times: list[Time]) -> dict[int, str]:
    """Token index of a clause's verb -> the resolved date of a time expression in it."""
    out: dict[int, str] = {}
    for t in times:
        if t.type != "date" or not _DATE_VALUE.match(t.value):
            continue
        words = doc.char_span(t.start, t.end, alignment_mode="expand")
        if words is not None:
            out.setdefault(_clause_verb(words.root.head).i, t.value)
    return out


@Language.factory("presslens_events")
def make_events(nlp: Language, name: str) -> EventsComponent:
    return EventsComponent(lexicon(EventLexicon))
