"""The corpus linker on plain records, no parse and no database: who is one person across
articles and who is not, organisations by name, acronym and short form, names of nobody."""

from __future__ import annotations

import pytest

from presslens.store.linker import MemoryCorpus
from presslens.store.names import EntityRecord, profile


def person(name: str, *aliases: str, title: str | None = None, entity: str = "E1"):
    return EntityRecord(entity, name, "PERSON", title, aliases, 2)


def org(name: str, *aliases: str, entity: str = "E1"):
    return EntityRecord(entity, name, "ORG", None, aliases, 1)


def linked(articles: dict[str, list[EntityRecord]]) -> dict[str, dict[str, int]]:
    """Each article's entities linked in turn: {article: {entity: corpus entity id}}."""
    corpus = MemoryCorpus()
    for article, records in articles.items():
        corpus.link(article, records)
    return corpus.linked


def test_the_same_person_in_four_outlets_is_one_corpus_entity_with_every_alias():
    corpus = MemoryCorpus()
    corpus.link("times", [person("Hillary Clinton", "Clinton")])
    corpus.link("post", [person("Clinton", "Mrs. Clinton")])
    corpus.link("herald", [person("Hillary Rodham Clinton", "Secretary Clinton")])
    corpus.link("wire", [person("Hillary Clinton")])
    (hillary,) = corpus.entities.values()
    assert hillary.name == "Hillary Clinton"  # the full name most articles give
    assert set(hillary.aliases) == {
        "Clinton",
        "Mrs. Clinton",
        "Hillary Rodham Clinton",
        "Secretary Clinton",
    }
    assert (hillary.article_count, hillary.mention_count) == (4, 8)


def test_people_who_share_a_surname_stay_apart():
    links = linked(
        {
            "a": [person("Hillary Clinton")],
            "b": [person("Bill Clinton", "President Bill Clinton", title="president")],
            "c": [person("Donald Trump")],
            "d": [person("Donald Trump Jr.", "Trump Jr.")],
            "e": [person("George W. Bush")],
            "f": [person("George H. W. Bush")],
        }
    )
    assert len({ids["E1"] for ids in links.values()}) == 6


@pytest.mark.parametrize(
    ("bare", "whose"),
    [
        (person("Clinton", "Mrs. Clinton"), "Hillary Clinton"),  # the honorific's gender
        (person("Clinton", "President Clinton", title="president"), "Bill Clinton"),  # title
        (person("Trump Jr."), "Donald Trump Jr."),  # the suffix
        (person("Trump"), "Donald Trump"),  # no suffix: not "Trump Jr."
    ],
)
def test_a_bare_surname_links_only_when_one_person_fits(bare, whose):
    corpus = MemoryCorpus()
    corpus.link("a", [person("Hillary Clinton")])
    corpus.link("b", [person("Bill Clinton", "President Bill Clinton", title="president")])
    corpus.link("c", [person("Donald Trump"), person("Donald Trump Jr.", entity="E2")])
    corpus.link("x", [bare])
    assert corpus.entities[corpus.linked["x"]["E1"]].name == whose


def test_a_bare_surname_that_fits_two_people_stays_unlinked():
    links = linked(
        {
            "a": [person("Hillary Clinton")],
            "b": [person("Bill Clinton")],
            "c": [person("Clinton")],
        }
    )
    assert "E1" not in links["c"]


def test_a_surname_the_article_gives_two_people_follows_the_article():
    # the article names both Clintons and keeps a third mention, "Clinton", apart: it could
    # not tell whose it is, so neither can the corpus
    links = linked(
        {
            "a": [person("Hillary Clinton")],
            "both": [
                person("Hillary Clinton"),
                person("Bill Clinton", entity="E2"),
                person("Clinton", entity="E3"),
            ],
        }
    )
    assert links["both"]["E1"] == links["a"]["E1"]
    assert links["both"]["E2"] != links["a"]["E1"]
    assert "E3" not in links["both"]


def test_the_people_an_article_names_tell_a_shared_surname_apart():
    corpus = MemoryCorpus()
    for n in range(2):
        corpus.link(
            f"campaign{n}",
            [
                person("Hillary Clinton"),
                person("Tim Kaine", entity="E2"),
                person("Donna Brazile", entity="E3"),
            ],
        )
    corpus.link("library", [person("Bill Clinton")])
    corpus.link("rally", [person("Clinton"), person("Tim Kaine", entity="E2")])
    corpus.link("debate", [person("Clinton"), org("Democratic National Committee", entity="E2")])
    corpus.link(
        "speech",
        [person("Clinton"), person("Tim Kaine", entity="E2"), person("Donna Brazile", entity="E3")],
    )
    hillary = corpus.linked["campaign0"]["E1"]
    assert "E1" not in corpus.linked["rally"]  # one shared entity is not enough
    assert "E1" not in corpus.linked["debate"]  # nobody Hillary was seen with
    assert corpus.linked["speech"]["E1"] == hillary


def test_given_names_agree_with_initials_and_middle_names():
    links = linked(
        {
            "a": [person("Charles J. Fillmore")],
            "b": [person("Charles Fillmore")],
            "c": [person("C. J. Fillmore")],
            "d": [person("Charles K. Fillmore")],
        }
    )
    assert links["a"]["E1"] == links["b"]["E1"] == links["c"]["E1"] != links["d"]["E1"]


def test_a_full_name_arriving_after_its_bare_surname_is_joined_on_relink():
    articles = {"early": [person("Clinton", "Mrs. Clinton")], "late": [person("Hillary Clinton")]}
    ingested = linked(articles)
    assert ingested["early"]["E1"] != ingested["late"]["E1"]
    relinked = MemoryCorpus()
    for phase in ("full", "partial"):
        for article, records in articles.items():
            relinked.link(article, records, phases=(phase,))
    assert relinked.linked["early"]["E1"] == relinked.linked["late"]["E1"]


def test_an_organisation_by_its_name_its_acronym_and_a_short_form():
    links = linked(
        {
            "a": [org("California Independent System Operator", "ISO")],
            "b": [org("California ISO")],
            "c": [org("ISO")],
            "d": [org("The Church of Scientology's", "Scientology")],
            "e": [org("Scientology")],
            "f": [org("St. Louis Cardinals")],
            "g": [org("Cardinals")],
            "h": [org("University of California at Berkeley")],
            "i": [org("University of California, Berkeley")],
        }
    )
    assert links["a"]["E1"] == links["b"]["E1"] == links["c"]["E1"]
    assert links["d"]["E1"] == links["e"]["E1"]
    assert links["f"]["E1"] == links["g"]["E1"]
    assert links["h"]["E1"] == links["i"]["E1"]
    assert len({ids["E1"] for ids in links.values()}) == 4


def test_an_organisation_named_with_its_city_is_the_organisation():
    links = linked(
        {
            "a": [org("The Courier of Leeds")],
            "b": [org("Courier")],
            "c": [org("Museum of Leeds")],
            "d": [org("Museum")],
            "e": [org("Museum of York")],
        }
    )
    assert links["a"]["E1"] == links["b"]["E1"]
    assert "E1" not in links["d"]  # a museum is no name
    assert len({links[a]["E1"] for a in "ace"}) == 3


def test_an_acronym_two_organisations_share_is_left_unlinked():
    links = linked(
        {
            "a": [org("California Independent System Operator", "ISO")],
            "b": [org("International Organization for Standardization", "ISO")],
            "c": [org("ISO")],
        }
    )
    assert links["a"]["E1"] != links["b"]["E1"]
    assert "E1" not in links["c"]


@pytest.mark.parametrize(
    "record",
    [
        org("State"),
        org("the Government"),
        org("the organization"),
        person("the prime minister", title="prime minister"),
        person("Mark"),  # a given name alone
        EntityRecord("E1", "Ohio", "GPE"),
    ],
)
def test_names_of_nobody_in_particular_are_never_linked(record):
    assert profile(record) is None
    assert linked({"a": [record], "b": [record]}) == {"a": {}, "b": {}}


def test_a_name_written_surname_first_is_the_same_person():
    links = linked({"a": [person("Mark Twain")], "b": [person("Twain, Mark")]})
    assert links["a"]["E1"] == links["b"]["E1"]
    p = profile(person("Twain, Mark"))
    assert (p.name, p.given, p.surname) == ("Mark Twain", "mark", "twain")
    # a suffix or post-nominal after the comma is no given name
    for name, given, surname in [("John Smith, Jr.", "john", "smith"), ("Lee, PhD", None, "lee")]:
        q = profile(person(name))
        assert (q.given, q.surname) == (given, surname)


def test_a_person_profile_reads_titles_honorifics_suffixes_and_particles():
    p = profile(person("Trump Jr.", "Donald Trump Jr.", "President Trump Jr."))
    assert (p.name, p.given, p.surname, p.suffix, p.gender) == (
        "Donald Trump Jr.",
        "donald",
        "trump",
        "jr",
        "m",
    )
    assert p.titles == {"president"}
    q = profile(person("Kevin De Bruyne", "US political activist Kevin De Bruyne"))
    assert (q.given, q.surname, q.titles) == ("kevin", "de bruyne", {"activist"})


def test_the_given_name_tells_the_gender_before_an_honorific_the_article_merged_in():
    # an article that wrongly merged "Mr. Obama" into Michelle Obama does not make her a man
    assert profile(person("Michelle Obama", "Mr. Obama")).gender == "f"
    assert profile(person("Obama", "Mr. Obama")).gender == "m"
