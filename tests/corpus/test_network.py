"""The network of a story: links joined into counted edges with their evidence."""

from __future__ import annotations

from presslens.corpus.actors import Actor
from presslens.corpus.network import Evidence, Link, cue_relation, event_relation, network
from presslens.store.network import sentence

BRANDT, LEE = Actor("rosa brandt", "Rosa Brandt", "PERSON"), Actor("ann lee", "Ann Lee", "PERSON")


def evidence(article: int, source: str, words: tuple[int, int]) -> Evidence:
    return Evidence(article, source, "x", "Brandt criticised Lee.", 0, 22, words)


def test_relations_come_from_the_lexicon():
    assert event_relation("DISAPPROVE") == "criticises" and event_relation("DEMAND") == "demands of"
    assert event_relation("NEWTYPE") == "newtype"
    assert cue_relation("Called  on") == "demands of" and cue_relation("said") is None


def test_links_join_into_edges_and_a_quote_the_event_read_counts_once():
    links = [
        Link(BRANDT, "criticises", LEE, evidence(1, "event", (7, 17))),
        Link(BRANDT, "criticises", LEE, evidence(1, "quote", (7, 17))),  # the same words
        Link(BRANDT, "criticises", LEE, evidence(2, "quote", (7, 17))),
        Link(LEE, "criticises", LEE, evidence(2, "event", (7, 17))),  # to oneself: left out
        Link(LEE, "supports", BRANDT, evidence(3, "event", (4, 9))),
    ]
    net = network(links)
    assert [(e.source, e.relation, e.target, e.count) for e in net.edges] == [
        ("rosa brandt", "criticises", "ann lee", 2),
        ("ann lee", "supports", "rosa brandt", 1),
    ]
    assert [v.article_id for v in net.edges[0].evidence] == [1, 2]
    assert [(n.name, n.links) for n in net.nodes] == [("Ann Lee", 3), ("Rosa Brandt", 3)]
    assert [e.count for e in network(links, min_count=2).edges] == [2]


def test_the_sentence_around_an_event():
    text = "First one. Mayor Lee urged the agency to pay.\nNext line."
    at = text.index("urged")
    assert sentence(text, at, at + 5) == ("Mayor Lee urged the agency to pay.", 11, 45)
