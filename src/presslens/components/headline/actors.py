"""Who does and who says: the entity of a verb's subject, the same actor under two names, a
quote's speaker speaking for someone else."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from presslens.components.headline.body import Sentence
from presslens.components.headline.lexicon import HeadlineLexicon
from presslens.components.headline.predicates import Reading
from presslens.lexicons import lexicon
from presslens.nlp.layers import entity_for, layers
from presslens.nlp.parse import end_char, first_child
from presslens.nlp.syntax import NOMINAL_SUBJECTS
from presslens.schema import Quote

_ACTOR_TYPES = {"PERSON", "ORG", "GPE"}
_POSSESSIVES = {"its", "their"}  # 'its owner said': the subject speaking for itself


def subject_of(verb: Token) -> Token | None:
    return first_child(verb, *NOMINAL_SUBJECTS)


def typed_actor(doc: Doc, eid: str | None) -> str | None:
    """``eid`` when it is a person, organisation, place or group."""
    ent = next((e for e in layers(doc).entities if e.id == eid), None) if eid else None
    return eid if ent is not None and ent.type in _ACTOR_TYPES else None


def actor_of(doc: Doc, verb: Token) -> str | None:
    """The entity id of the subject of ``verb`` (or of the verb it depends on), a person etc."""
    cur = verb
    for _ in range(3):
        subj = subject_of(cur)
        if subj is not None:
            eid = entity_for(doc, subj.left_edge.idx, end_char(subj))
            # 'Grellstadt house prices': the prices, not the town, are the subject
            return typed_actor(doc, eid) if mentions(doc, subj.idx, eid) else None
        if cur.dep_ not in ("xcomp", "conj"):
            return None
        cur = cur.head
    return None


def same_actor(doc: Doc, ours: str, theirs: str, s: Sentence | None) -> bool:
    """The same entity, one named inside the other ('LG', 'LG Display'), or ours named in ``s``."""
    if ours == theirs:
        return True
    names = {e.id: e.name.lower().split() for e in layers(doc).entities if e.id in (ours, theirs)}
    short, long = sorted((names[ours], names[theirs]), key=len)
    if any(long[i : i + len(short)] == short for i in range(len(long) - len(short) + 1)):
        return True
    return s is not None and any(
        eid == ours and s.start <= start < s.end
        for (start, _), eid in layers(doc).mention_entity.items()
    )


def third_party(doc: Doc, ev: Reading, quote: Quote) -> bool:
    """Whether the quote is a person's claim about someone or something other than themself.

    A speaker speaks for the subject when it is the subject's entity, belongs to it
    ('its owner', 'their spokesman') or names it ('a spokesman for the factory'). What an
    institution reports in indirect speech ('police said') is sourcing, not someone's claim.
    """
    subj = subject_of(ev.verb)
    if subj is None or subj.pos_ == "PRON" or quote.speaker is None:
        return False
    person = _person_speaking(doc, quote)
    if not person and quote.kind == "indirect" and not claimed(doc, quote):
        return False  # 'police said', 'the airline said': a source's report, not an opinion
    speaker = doc.char_span(quote.speaker.start, quote.speaker.end, alignment_mode="expand")
    own = speaker is not None and any(
        t.lower_ in _POSSESSIVES or t.lemma_.lower() == subj.lemma_.lower() for t in speaker
    )
    same = entity_for(doc, subj.idx, end_char(subj)) == quote.speaker.entity
    return not own and not (same and quote.speaker.entity is not None)


def _person_speaking(doc: Doc, quote: Quote) -> bool:
    """Whether a person speaks, not their office ('the county sheriff's office said')."""
    speaker = quote.speaker
    if speaker is None or not any(
        e.id == speaker.entity and e.type == "PERSON" for e in layers(doc).entities
    ):
        return False
    words = doc.char_span(speaker.start, speaker.end, alignment_mode="expand")
    return words is None or mentions(doc, words.root.idx, speaker.entity)


def mentions(doc: Doc, char: int, eid: str | None) -> bool:
    """Whether the word at ``char`` is in a mention of the entity ``eid``."""
    return eid is not None and any(
        s <= char < e and found == eid for (s, e), found in layers(doc).mention_entity.items()
    )


def claimed(doc: Doc, quote: Quote) -> bool:
    """Whether the quote's cue makes it a contested claim ('campaigners claimed', 'alleged')."""
    if quote.cue is None:
        return False
    cue = doc.char_span(quote.cue.start, quote.cue.end, alignment_mode="expand")
    return cue is not None and cue.root.lemma_.lower() in lexicon(HeadlineLexicon).claim_cues
