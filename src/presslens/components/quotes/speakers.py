"""Who says: the speaker's mention found in the parse, what can be one, and the entity it stands
for."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from presslens.components.quotes.drafts import Draft
from presslens.components.quotes.lexicon import CueLexicon
from presslens.nlp.layers import doc_text, entity_for, layers
from presslens.nlp.parse import end_char, first_child, tokens_over
from presslens.nlp.syntax import NOMINAL_SUBJECTS
from presslens.text.spans import ByStart

SUBJECTS = NOMINAL_SUBJECTS | {"csubj"}  # who says: a nominal subject or "What ... is"
RELATIVE = {"who", "that", "which"}
_SPEAKER_RIGHT = {"compound", "flat", "cc", "conj", "nmod", "nummod", "case"}
_SPEAKER_TYPES = frozenset({"PERSON", "ORG"})
_PERSON = frozenset({"PERSON"})
_OWNER_PREPS = {"from", "of", "by"}  # 'a lesson from Loretta Lynch', 'a letter by Ruiz'
_MAX_NAME_TOKENS = 12  # a speaker's mention between a quotation and its cue is no longer
_MAX_VERBLESS_TOKENS = 8  # nor is one named without a verb ('Mayor Ana Ruiz: "..."')
# heads walked up for a subject: 'accuse' -> 'turn' -> 'unable' -> 'be' in 'Ruiz will be
# unable to turn the crowd and accuse them'
_SUBJECT_LEVELS = 4
_NOUN_LIKE = ("PROPN", "NOUN")
# the words of a name between a quotation and its cue, one of them perhaps tagged a verb
_NAME_POS = {*_NOUN_LIKE, "VERB", "AUX", "DET", "ADJ", "NUM", "PUNCT"}
_BEFORE_PARTICIPLE = {"neg", "advmod", "punct"}  # 'Ruiz said, not even needing to mention'


def subject(cue: Token, token_quote: list[int] | None = None) -> Token | None:
    """The speaker's head token: the cue's subject, inherited through 'adding', 'saying', 'and'
    and an adjective's 'to ...' ('Ruiz will be unable to turn the crowd and accuse them' -> 'Ruiz':
    up to _SUBJECT_LEVELS heads up).

    With ``token_quote`` a subject inside quotation marks is skipped: in '"... our children,"
    said Ruiz' the parser may take a phrase of the quote for a second subject."""
    tok = cue
    adjective = False  # whether the walk passed an adjective ('able', 'worth')
    for _ in range(_SUBJECT_LEVELS):
        subj = next(
            (
                c
                for c in tok.children
                if c.dep_ in SUBJECTS and (token_quote is None or token_quote[c.i] < 0)
            ),
            None,
        )
        if subj is None:
            subj = _agent(tok)
        if subj is not None and adjective and subj.lower_ == "it":
            return None  # 'It is worth noting that': no one's
        if subj is not None:
            return _antecedent(tok, subj) if subj.lower_ in RELATIVE else subj
        if tok.dep_ == "acl" and tok.head.pos_ in ("NOUN", "PROPN"):  # 'Murphy ... tweeted'
            return tok.head
        if tok.dep_ == "pcomp" and tok.head.dep_ == "prep":  # 'began by saying'
            tok = tok.head
        elif (
            tok.dep_ not in ("advcl", "conj", "xcomp", "parataxis")
            and not (tok.dep_ == "acomp" and tok.pos_ == "ADJ")  # 'is determined to warn'
        ) or tok.head is tok:
            return None
        adjective = adjective or tok.dep_ == "acomp"
        tok = tok.head
    return None


def _agent(verb: Token) -> Token | None:
    """The object of the verb's 'by ...' agent phrase."""
    agent = first_child(verb, "agent")
    return first_child(agent, "pobj") if agent else None


def _passive(verb: Token) -> bool:
    """Whether ``verb`` is passive: 'were told', not 'he's said' (has said)."""
    return any(c.dep_ == "auxpass" and c.lower_ != "'s" for c in verb.children)


def _antecedent(verb: Token, relative: Token) -> Token:
    """What the relative pronoun subject of ``verb`` stands for: the noun its clause hangs on,
    else the noun just before it ('the Chicago Police Department which reported', misparsed),
    else the pronoun itself ('That prompted ...')."""
    if verb.dep_ == "relcl":
        return verb.head
    before = relative.doc[relative.i - 1] if relative.i > relative.sent.start else None
    return before if before is not None and before.pos_ in ("NOUN", "PROPN") else relative


def name_after_quote(cue: Token, token_quote: list[int]) -> Token | None:
    """The head of the mention between a closing quotation and its cue when the parser gave the
    cue no subject: '"...," Ramos, 58, told AFP'; the last noun there when a word of the name
    tagged as a verb heads it."""
    i = cue.i - 1
    while i >= cue.sent.start and token_quote[i] < 0:
        i -= 1
    if i < cue.sent.start or cue.i - i > _MAX_NAME_TOKENS:
        return None
    between = cue.doc[i + 1 : cue.i]
    head = next(
        (t for t in between if t.pos_ in (*_NOUN_LIKE, "PRON") and not i < t.head.i < cue.i),
        None,
    )
    if (
        head is None
        and any(t.pos_ in ("VERB", "AUX") for t in between)
        and all(t.pos_ in _NAME_POS for t in between)
    ):
        # only the words of a name, one tagged as a verb that heads the rest ('"...," Tulsa
        # police Chief Ana Ruiz said', 'Tulsa' a verb): the last noun before the cue
        head = next((t for t in reversed(between) if t.pos_ in _NOUN_LIKE), None)
    return head


def participle_subject(cue: Token, token_quote: list[int], lex: CueLexicon) -> Token | None:
    """The speaker of a participle without a subject of its own that the parser hung away from
    the reporting verb it follows: '"...," Ruiz said, suggesting ...', 'Ruiz said, not even
    needing to mention ...' (the cue 'mention' in the participle's 'to ...'): that verb's
    subject."""
    part = cue if cue.tag_ == "VBG" else cue.head if cue.dep_ == "xcomp" else None
    if part is None or part.tag_ != "VBG" or any(c.dep_ in SUBJECTS for c in part.children):
        return None
    i = part.i - 1
    while i >= part.sent.start and part.doc[i].dep_ in _BEFORE_PARTICIPLE:
        i -= 1
    verb = part.doc[i] if i >= part.sent.start else None
    if (
        verb is None
        or i == part.i - 1  # 'said suggesting' without a comma or an adverb between
        or verb.pos_ != "VERB"
        or token_quote[verb.i] >= 0
        or verb.lemma_.lower() not in lex.speech
    ):
        return None
    return subject(verb, token_quote)


def speaker_span(head: Token, token_quote: list[int] | None = None) -> tuple[int, int]:
    """The speaker mention: the head with its left modifiers and tight right ones, never
    reaching into a quotation (with ``token_quote``: the parser may hang one on the head)."""
    outside = head.left_edge.i
    if token_quote is not None:
        outside = (
            next(
                i
                for i in range(head.i, head.left_edge.i - 2, -1)
                if i < head.left_edge.i or token_quote[i] >= 0
            )
            + 1
        )
    start = head.doc[outside].idx
    end = end_char(head)
    for child in head.rights:
        if child.dep_ not in _SPEAKER_RIGHT and not (child.dep_ == "prep" and child.lower_ == "of"):
            break
        if token_quote is not None and token_quote[child.right_edge.i] >= 0:
            break
        end = end_char(child.right_edge)
    return start, end


def without_cues_in_speakers(drafts: list[Draft], token_quote: list[int]) -> list[Draft]:
    """``drafts`` less those whose cue lies inside another cue's speaker phrase ('an official
    who spoke on condition of anonymity said'), unless it is what the speaker did."""
    heads = [
        subject(d.cue_token, token_quote)
        for d in drafts
        if d.cue_token is not None and not _in_relative_clause(d)
    ]
    speakers = ByStart(
        [(h, h.left_edge.idx, end_char(h.right_edge)) for h in heads if h is not None],
        lambda speaker: (speaker[1], speaker[2]),
    )
    return [
        d
        for d in drafts
        if d.cue is None
        or _in_relative_clause(d)
        or not any(
            d.cue[0] < e and not _predicate_of(d.cue_token, h)
            for h, _, e in speakers.may_contain(d.cue[0], d.cue[0] + 1)
        )
    ]


def _in_relative_clause(d: Draft) -> bool:
    """'Ruiz, who said the plan failed, ...': a quote of its own, not part of a speaker."""
    cue = d.cue_token
    return cue is not None and cue.dep_ == "relcl" and any(c.dep_ == "ccomp" for c in cue.children)


def _predicate_of(cue: Token | None, head: Token) -> bool:
    """Whether ``cue`` is what ``head`` said, hung on it as a modifier by the parser: 'The
    opposition alleged on Tuesday that ...' read as 'the opposition [that was] alleged', not
    a modifier like 'a stream called Miracle Run' (it has no reported clause)."""
    while cue is not None and cue.dep_ == "conj":
        cue = cue.head
    return (
        cue is not None
        and cue.dep_ == "acl"
        and cue.head == head
        and any(c.dep_ == "ccomp" for c in cue.children)
    )


def can_speak(head: Token, lex: CueLexicon) -> bool:
    """Whether ``head`` may head a speaker's mention: never a time word ('Today said'), a
    relative pronoun, nor a thing governing an infinitive ('an invitation to speak') unless it
    is a person ('the first woman to lead the agency said')."""
    if head.lower_ in RELATIVE:
        return False
    if head.lower_ in lex.time_words:
        return is_person_like(head, lex)  # 'Day said' for Kristen Day
    governs_infinitive = any(
        c.dep_ in ("acl", "relcl") and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
        for c in head.children
    )
    return not governs_infinitive or is_person_like(head, lex)


def speaker_head(head: Token, cue: Token, lex: CueLexicon) -> Token | None:
    """The head of ``cue``'s speaker given its subject's head: None when that cannot speak; the
    agent, if any, for the cue's own passive subject, who is spoken to or of ('Reporters were
    told that'), else for a purpose passive the subject's owner ("Ruiz's plan is intended to");
    for a 'who' clause the person the parser hung it below ('Democrats on Capitol Hill, who
    argued' -> 'Democrats')."""
    passive_subject = first_child(cue, "nsubjpass")
    if _passive(cue) and passive_subject is not None:
        head = _agent(cue)
        if head is None and cue.lemma_.lower() in lex.purpose_passives:
            head = _owner(passive_subject, lex)  # "Ruiz's plan is intended to"
        return head if head is not None and can_speak(head, lex) else None
    if cue.dep_ == "relcl" and cue.head == head and any(c.lower_ == "who" for c in cue.children):
        while (
            head.dep_ == "pobj"
            and not is_person_like(head, lex, _PERSON)
            and is_person_like(head.head.head, lex)
        ):
            head = head.head.head
    if not can_speak(head, lex) and cue.dep_ == "acl" and cue.head == head:
        # 'Mr. Trump made a third attempt to deflect ..., writing that': who made it
        head = subject(head.head) if head.head.pos_ in ("VERB", "AUX") else None
    return head if head is not None and can_speak(head, lex) else None


def _owner(thing: Token, lex: CueLexicon) -> Token | None:
    """The person or organisation whose ``thing`` it is: "Ruiz's plan", 'its plan'."""
    owner = first_child(thing, "poss")
    if owner is None:
        return None
    return owner if owner.tag_ == "PRP$" or is_person_like(owner, lex) else None


def non_restrictive(
    speaker: tuple[int, int], head: Token, cue: Token, lex: CueLexicon
) -> tuple[int, int]:
    """The speaker mention of a cue in a non-restrictive relative clause on the speaker's
    phrase, a comma or a dash before its pronoun: the attribution is made at 'Ruiz, who' (as
    PolNeAR marks it), also across the rest of the phrase ('the senator from Ohio, who', 'the
    study -- which'); a restrictive 'the state who said' keeps 'the state'."""
    relative = next((c for c in cue.children if c.lower_ in RELATIVE), None)
    if cue.dep_ != "relcl" or relative is None or relative.i < 2 or relative.lower_ == "that":
        return speaker  # no 'that' opens a non-restrictive clause ('from Ruiz, that read:')
    doc = cue.doc
    mark = doc[relative.i - 1]
    if (
        mark.text not in lex.relative_marks
        or mark.idx < speaker[1]
        or not (cue.head == head or head.is_ancestor(cue.head))
    ):
        return speaker
    k = mark.i - 1
    while k >= 0 and doc[k].idx >= speaker[1]:
        if not head.is_ancestor(doc[k]):
            return speaker  # a word outside the speaker's phrase before the mark
        k -= 1
    return speaker[0], end_char(relative)


def is_person_like(head: Token, lex: CueLexicon, types: frozenset[str] = _SPEAKER_TYPES) -> bool:
    """Whether ``head`` names a person or organisation: a named one (of ``types``: a mention, or
    the last word of a name or an alias the article gives one, 'Fiorina'), or a person noun or
    title ('Minister', 'police', 'residents'); not a topic, place or thing."""
    doc = head.doc
    named = [e for e in layers(doc).entities if e.type in types]
    mentioned = entity_for(doc, head.idx, end_char(head))
    return (
        head.ent_type_ in types
        or any(e.id == mentioned for e in named)
        or any(head.text in (*e.name.split()[-1:], *e.aliases) for e in named)
        or head.lower_ in lex.speaker_heads
        or head.lemma_.lower() in lex.speaker_heads
    )


def looks_like_speaker(doc: Doc, start: int, end: int, lex: CueLexicon) -> bool:
    """Whether ``start:end`` reads as a name without a verb: 'Mayor Ana Ruiz', 'Caddell'."""
    words = tokens_over(doc, start, end)
    if words is None or not 0 < len(words) <= _MAX_VERBLESS_TOKENS:
        return False
    return (
        all(t.pos_ not in ("VERB", "AUX") for t in words)
        and any(t.pos_ in ("PROPN", "NOUN") for t in words)
        and can_speak(words.root, lex)
    )


def names_speaker(doc: Doc, start: int, end: int, lex: CueLexicon) -> bool:
    """Whether ``start:end`` before a colon attributes what follows: a name without a verb
    whose head is person-like ('Minister: we will not resign') or a thing said by one
    ('Democrats' new warning:', 'A lesson from Loretta Lynch:'); not a topic ('Budget: ...')."""
    words = tokens_over(doc, start, end)
    if words is None or not looks_like_speaker(doc, start, end, lex):
        return False
    root = words.root
    if is_person_like(root, lex):
        return True
    owners = [c for c in root.children if c.dep_ in ("poss", "compound")] + [
        first_child(c, "pobj") for c in root.children if c.lower_ in _OWNER_PREPS
    ]
    return root.lemma_.lower() in lex.speech_nouns and any(
        o is not None and is_person_like(o, lex) for o in owners
    )


def clause_subject(
    doc: Doc, lo: int, colon: int, token_quote: list[int], lex: CueLexicon
) -> tuple[int, int] | None:
    """The person or organisation whose clause (from char ``lo`` on) ends at the colon at
    char ``colon``: 'Priya Nand, an engineer, was blunt:'; else None."""
    words = tokens_over(doc, colon, colon + 1)
    if words is None:
        return None
    end = words[0].i
    start = words[0].sent.start
    while start < end and doc[start].idx < lo:
        start += 1
    types = {e.id: e.type for e in layers(doc).entities}
    for tok in doc[start:end]:
        verb = tok.head
        if (
            tok.dep_ not in SUBJECTS
            or tok.lower_ in RELATIVE
            or token_quote[tok.i] >= 0
            or not start <= verb.i < end
            or (start <= verb.head.i < end and verb.head is not verb)
        ):
            continue
        who = speaker_span(tok, token_quote)
        entity = entity_for(doc, *who)
        if types.get(entity) in _SPEAKER_TYPES or lex.pronouns.get(tok.lower_) in (
            "PERSON",
            "ANY",
        ):
            return who
    return None


def resolve_speaker(doc: Doc, draft: Draft, before: list[Draft], lex: CueLexicon) -> None:
    """Set the draft's speaker entity (a pronoun's from the quotes ``before``) or whether an
    unnamed speaker is anonymous ('a senior official')."""
    if draft.speaker is None:
        return
    start, end = draft.speaker
    words = doc_text(doc)[start:end]
    entity = entity_for(doc, start, end)
    pronoun = lex.pronouns.get(words.lower())
    if entity is None and pronoun is not None:
        entity = _previous_entity(doc, start, pronoun, before)
    draft.speaker_entity = entity
    if entity is None and pronoun is None:
        context = doc_text(doc)[start : draft.sentence.end_char] if draft.sentence else words
        head = words.split()[-1].lower() if words.split() else ""
        draft.anonymous = bool(lex.anonymity.search(context)) or (
            head in lex.unnamed_heads and not words[:1].isupper()
        )


def _previous_entity(doc: Doc, start: int, kind: str, before: list[Draft]) -> str | None:
    """For a pronoun speaker: the speaker of the latest quote, else the latest fitting mention."""
    for d in reversed(before):
        if d.speaker_entity is not None:
            return d.speaker_entity
    lay = layers(doc)
    types = {e.id: e.type for e in lay.entities}
    fits = [
        (s, eid)
        for (s, _), eid in lay.mention_entity.items()
        if s < start and (kind == "ANY" or types.get(eid) == kind)
    ]
    return max(fits)[1] if fits else None
