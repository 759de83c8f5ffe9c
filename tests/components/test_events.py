"""The events layer: PLOVER events with their actors and targets, on invented articles."""

from __future__ import annotations

import pytest

from presslens.pipeline import STAGES
from presslens.schema import Analysis, Event


def events_of(a: Analysis, kind: str) -> list[Event]:
    return [e for e in a.events if e.type == kind]


def role(a: Analysis, event: Event, which: str) -> list[str | None]:
    """The names of the entities in one role of ``event`` (the text when unresolved)."""
    out = []
    for p in event.participants:
        if p.role == which:
            entity = a.entity(p.entity)
            out.append(entity.name if entity else p.text)
    return out


def test_author_voice_event_resolves_actor_and_target_to_entities(analyze) -> None:
    a = analyze(
        "Harbour Strike Spreads\n\n"
        "Norland imposed sanctions on Vesteria after the border incident. "
        "Vesteria's foreign minister Karl Ostberg condemned the decision."
    )
    (sanction,) = events_of(a, "SANCTION")
    assert sanction.trigger.text == "imposed sanctions"
    assert role(a, sanction, "actor") == ["Norland"]
    assert role(a, sanction, "target") == ["Vesteria"]
    assert sanction.quote is None and not sanction.negated
    actor = next(p for p in sanction.participants if p.role == "actor")
    assert a.text[actor.start : actor.end] == actor.text
    (condemn,) = events_of(a, "DISAPPROVE")
    assert role(a, condemn, "actor") == ["Karl Ostberg"]
    assert [e.id for e in a.events] == [f"e{i}" for i in range(1, len(a.events) + 1)]
    assert [e.trigger.start for e in a.events] == sorted(e.trigger.start for e in a.events)


def test_did_not_attack_is_negated(analyze) -> None:
    a = analyze("The gang did not attack the village of Dorna, the ministry said.")
    (attack,) = events_of(a, "ASSAULT")
    assert attack.negated
    assert attack.trigger.text == "attack"


def test_event_inside_a_quote_names_the_quote_and_its_speaker(analyze) -> None:
    a = analyze(
        '"We will never negotiate with the rebels," said Interior Minister Lena Sorvik on Tuesday.'
    )
    (quote,) = a.quotes
    (talks,) = events_of(a, "REJECT")  # CAMEO 125: rejects negotiating
    assert talks.quote == quote.id
    assert talks.negated
    assert role(a, talks, "actor") == ["Lena Sorvik"]  # 'we' is the speaker's side


def test_passive_by_phrase_is_the_actor(analyze) -> None:
    a = analyze("The convoy was attacked by a mob near Kasso on Sunday.")
    (attack,) = events_of(a, "ASSAULT")
    assert role(a, attack, "actor") == ["a mob"]
    assert role(a, attack, "target") == ["The convoy"]


def test_an_attack_by_armed_forces_is_a_fight(analyze) -> None:
    a = analyze("Norland troops attacked the border town of Kasso.")
    assert [e.type for e in a.events] == ["FIGHT"]


def test_an_act_announced_for_the_future_is_a_promise_or_a_threat(analyze) -> None:
    a = analyze("Norland will send aid to Vesteria. The rebels vowed to seize the capital.")
    assert [e.type for e in a.events] == ["AGREE", "THREATEN"]


def test_threatened_to_strike_is_one_threat(analyze) -> None:
    a = analyze("The Dockworkers Union threatened to blockade the port of Tarsa.")
    assert [e.type for e in a.events] == ["THREATEN"]
    (threat,) = a.events
    assert role(a, threat, "actor") == ["The Dockworkers Union"] or role(a, threat, "actor") == [
        "Dockworkers Union"
    ]
    assert threat.participants[-1].role == "target"
    assert "Tarsa" in threat.participants[-1].text


def test_refused_to_is_a_rejection_and_failed_to_a_negation(analyze) -> None:
    a = analyze("The council refused to meet the strikers. Police failed to arrest the suspect.")
    assert [e.type for e in a.events] == ["REJECT", "COERCE"]
    assert not a.events[0].negated
    assert a.events[1].negated


def test_speech_verbs_are_not_events(analyze) -> None:
    a = analyze("The mayor said on Monday that the budget was balanced.")
    assert a.events == []


@pytest.mark.skipif(
    "presslens_times" not in dict(STAGES), reason="the times stage is not in the pipeline"
)
def test_dated_event_takes_the_date_of_its_clause(analyze) -> None:
    a = analyze("Vesteria expelled two Norland diplomats on Monday.", published="2024-03-14")
    (expel,) = events_of(a, "SANCTION")
    assert expel.date == "2024-03-11"


# One invented sentence per PLOVER type, each worded with vocabulary the lexicon took from the
# PLOVER/CAMEO codebooks (phrasal verbs, verb + object pairs, rarer verbs), not from a corpus.
CODEBOOK_SENTENCES = [
    ("Negotiators from Ostrava and Kelmar hammered out a fishing accord.", "AGREE", "hammered out"),
    (
        "Both delegations returned to the negotiating table in Kasso on Monday.",
        "CONSULT",
        "returned to the negotiating table",
    ),
    (
        "The Farmers League threw its weight behind the governor's water plan.",
        "SUPPORT",
        "threw its weight",
    ),
    ("Vesteria extolled the mediators for their patience.", "SUPPORT", "extolled"),
    ("The junta unbanned the Liberty Party ahead of the vote.", "CONCEDE", "unbanned"),
    (
        "The coastguards of Ostrava and Kelmar exchanged intelligence on smugglers.",
        "COOPERATE",
        "exchanged intelligence",
    ),
    ("The Harbour Fund bankrolled the rebuilding of the flooded clinic.", "AID", "bankrolled"),
    (
        "The insurgents laid down their arms at the Tarsa checkpoint.",
        "RETREAT",
        "laid down their arms",
    ),
    ("Rights groups clamoured for the release of the jailed poet.", "DEMAND", "clamoured for"),
    ("The opposition leader railed against the new press law.", "DISAPPROVE", "railed against"),
    ("The council brushed aside the developers' offer.", "REJECT", "brushed aside"),
    (
        "The Dockworkers Union delivered an ultimatum to the port authority.",
        "THREATEN",
        "delivered an ultimatum",
    ),
    (
        "Angry farmers burned effigies of the agriculture minister outside parliament.",
        "PROTEST",
        "burned effigies",
    ),
    ("Veloria slapped tariffs on Norland steel.", "SANCTION", "slapped tariffs"),
    ("The navy scrambled jets after the airspace violation.", "MOBILIZE", "scrambled jets"),
    ("Police apprehended three journalists outside the courthouse.", "COERCE", "apprehended"),
    ("A mob ransacked the offices of the Dorna Herald.", "ASSAULT", "ransacked"),
    ("Government troops and rebels exchanged fire near the dam.", "FIGHT", "exchanged fire"),
    (
        "A parliamentary committee subpoenaed the bank's former chairman.",
        "INVESTIGATE",
        "subpoenaed",
    ),
]


@pytest.mark.parametrize(("text", "kind", "trigger"), CODEBOOK_SENTENCES)
def test_codebook_vocabulary_is_typed(analyze, text: str, kind: str, trigger: str) -> None:
    a = analyze(text)
    assert [(e.type, e.trigger.text) for e in a.events] == [(kind, trigger)]


def test_a_verb_with_its_prepositional_object_is_one_trigger(analyze) -> None:
    a = analyze(
        "Thousands of nurses took to the streets of Valdor on Friday. "
        "Their leader Mira Vang was placed under arrest."
    )
    assert [(e.type, e.trigger.text) for e in a.events] == [
        ("PROTEST", "took to the streets"),
        ("COERCE", "placed under arrest"),
    ]
    protest, arrest = a.events
    assert role(a, protest, "actor") == ["Thousands of nurses"]
    assert role(a, arrest, "target") == ["Mira Vang"]


def test_a_possible_past_act_is_no_threat(analyze) -> None:
    a = analyze("Officials said the convoy may have been attacked by gunmen near Kasso.")
    assert [e.type for e in a.events] == ["ASSAULT"]


def test_a_warning_that_reports_an_attack_is_the_attack(analyze) -> None:
    a = analyze("The mayor warned that gunmen had attacked the village of Dorna.")
    assert [(e.type, e.trigger.text) for e in a.events] == [("ASSAULT", "attacked")]
    b = analyze("The mayor warned that the militia would attack the village of Dorna.")
    assert [(e.type, e.trigger.text) for e in b.events] == [("THREATEN", "warned")]


def test_releasing_people_is_a_retreat_releasing_a_video_is_not(analyze) -> None:
    a = analyze("The rebels released two Norland engineers. The rebels released a video.")
    assert [(e.type, e.trigger.text) for e in a.events] == [("RETREAT", "released")]  # CAMEO 0841


def test_everyday_uses_of_event_verbs_make_no_event(analyze) -> None:
    a = analyze(
        "She asked how the game had gone. He returned home late. "
        "The firm helped build the stadium. They shared photos of the trip. "
        "A senior official, who asked not to be named, said the report was late."
    )
    assert a.events == []


def test_carried_out_takes_the_type_of_its_object(analyze) -> None:
    a = analyze(
        "Militants carried out an attack on a police post. The union called off its strike."
    )
    assert [(e.type, e.trigger.text) for e in a.events] == [
        ("ASSAULT", "carried out an attack"),
        ("CONCEDE", "called off its strike"),
    ]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Norland lifted its economic sanctions on Vesteria.", "RETREAT"),  # CAMEO 085
        ("Protesters clashed with police outside parliament.", "PROTEST"),  # CAMEO 145
        ("Kelmar summoned the Norland ambassador over the border shooting.", "DISAPPROVE"),
        ("The two navies held joint exercises off the coast of Dorna.", "COOPERATE"),
        ("Norland moved two armoured divisions toward the border.", "MOBILIZE"),
    ],
)
def test_cameo_sub_categories(analyze, text: str, kind: str) -> None:
    assert [e.type for e in analyze(text).events] == [kind]


def test_a_journey_for_an_act_is_the_act(analyze) -> None:
    a = analyze("A team of UN experts arrived in Dorna to inspect the chemical plant.")
    assert [e.type for e in a.events] == ["INVESTIGATE"]
