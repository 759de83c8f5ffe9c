"""An analysis into the store and back, on SQLite and PostgreSQL, with no parse: its rows,
one transaction per article, a re-analysis replacing them, failures once, full text."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from presslens.errors import InputError
from presslens.io.article import Article
from presslens.schema import (
    Analysis,
    Claim,
    Entity,
    Event,
    Framing,
    Participant,
    Quote,
    Source,
    Span,
    Speaker,
    Time,
)
from presslens.store import fts, tables
from presslens.store.db import open_store
from presslens.store.rows import stored_analysis
from presslens.store.write import Pending, record_failure, save

TEXT = (
    "Ana Ruiz said the harbour would reopen on Tuesday. “We are ready,” Ruiz said. "
    "Protesters blocked 200 trucks."
)


def span(words: str, nth: int = 0) -> Span:
    start = -1
    for _ in range(nth + 1):
        start = TEXT.index(words, start + 1)
    return Span(start=start, end=start + len(words), text=words)


def analysis(quote: str = "“We are ready,”") -> Analysis:
    ruiz, blocked = span("Ruiz", 1), span("blocked")
    return Analysis(
        text=TEXT,
        source=Source(id="a1", outlet="Harbour Times"),
        entities=[
            Entity(
                id="E1",
                name="Ana Ruiz",
                type="PERSON",
                aliases=["Ruiz"],
                mentions=[span("Ana Ruiz"), ruiz],
            )
        ],
        quotes=[
            Quote(
                id="Q1",
                kind="direct",
                content=span(quote),
                cue=span("said", 1),
                speaker=Speaker(entity="E1", start=ruiz.start, end=ruiz.end, text="Ruiz"),
                date="2024-03-12",
                confidence=0.9,
            )
        ],
        times=[Time(**span("Tuesday").model_dump(), type="date", value="2024-03-12")],
        claims=[
            Claim(
                **span("Protesters blocked 200 trucks.").model_dump(),
                id="c1",
                checkworthiness=0.7,
                kinds=["numeric"],
            )
        ],
        events=[
            Event(
                id="e1",
                type="PROTEST",
                trigger=blocked,
                participants=[
                    Participant(entity=None, role="actor", **span("Protesters").model_dump())
                ],
            )
        ],
        framing=[Framing(**blocked.model_dump(), category="loaded_language", voice="author")],
    )


def pending(name: str = "a.jsonl:1", **meta) -> Pending:
    return Pending.of(name, Article(text=TEXT, id="a1", **meta))


def test_an_analysis_is_stored_whole_and_comes_back(count_rows, store_url):
    engine = open_store(store_url)
    article_id = save(engine, pending(), analysis(), version="v1")
    assert count_rows(engine) == {
        "mentions": 2,
        "article_entities": 1,
        "claim_kinds": 1,
        "claims": 1,
        "participants": 1,
        "events": 1,
        "quotes": 1,
        "times": 1,
        "framing": 1,
        "analyses": 1,
        "articles": 1,
        "failures": 0,
    }
    with engine.connect() as conn:
        quote = conn.execute(select(tables.Quote)).one()
        article = conn.execute(select(tables.Article)).one()
        stored = conn.execute(select(tables.Analysis.analysis)).scalar_one()
    assert (quote.speaker_text, quote.speaker_entity, quote.cue_text) == ("Ruiz", "E1", "said")
    assert quote.date.isoformat() == "2024-03-12" and quote.content_text == "“We are ready,”"
    assert (article.article_id, article.identity, article.status) == (article_id, "id", "analysed")
    assert "text" not in stored
    assert stored_analysis(article.text, stored) == analysis()


def test_a_reanalysis_replaces_the_rows_and_keeps_the_id(count_rows, store_url):
    engine = open_store(store_url)
    first = save(engine, pending(), analysis(), version="v1")
    again = save(engine, pending(), analysis("Protesters"), version="v2", replaces=first)
    assert again == first
    assert count_rows(engine)["quotes"] == 1 and count_rows(engine)["articles"] == 1
    with engine.connect() as conn:
        assert conn.execute(select(tables.Quote.content_text)).scalar_one() == "Protesters"
        assert conn.execute(select(tables.Article.analysis_version)).scalar_one() == "v2"
        old = select(tables.Quote.id).where(fts.matches(conn, tables.Quote, "ready"))
        assert conn.execute(old).all() == []  # the full-text index forgot the old quote


def test_full_text_finds_quotes_and_claims_by_stemmed_words(store_url):
    engine = open_store(store_url)
    save(engine, pending(), analysis(), version="v1")
    with engine.connect() as conn:
        quotes = select(tables.Quote.quote_id).where(fts.matches(conn, tables.Quote, "READY"))
        claims = select(tables.Claim.claim_id).where(fts.matches(conn, tables.Claim, "truck block"))
        none = select(tables.Claim.claim_id).where(fts.matches(conn, tables.Claim, "trucks ferry"))
        odd = select(tables.Quote.quote_id).where(fts.matches(conn, tables.Quote, '"ready*'))
        assert conn.execute(quotes).scalars().all() == ["Q1"]
        assert conn.execute(claims).scalars().all() == ["c1"]
        assert conn.execute(none).all() == []
        assert conn.execute(odd).scalars().all() == ["Q1"]  # user input is words, not syntax


def test_a_failure_is_recorded_once_and_cleared_by_a_success(count_rows, store_url):
    engine = open_store(store_url)
    record_failure(engine, "a.jsonl:1", InputError("the article is empty"))
    record_failure(engine, "a.jsonl:1", InputError("the article is still empty"))
    with engine.connect() as conn:
        assert conn.execute(select(tables.Failure.reason)).scalars().all() == [
            "the article is still empty"
        ]
    save(engine, pending(), analysis(), version="v1")
    assert count_rows(engine)["failures"] == 0


def test_a_failed_analysis_keeps_the_article_with_its_error(count_rows, store_url):
    engine = open_store(store_url)
    save(engine, pending(), InputError("analysis failed: boom"), version="v1")
    with engine.connect() as conn:
        article = conn.execute(select(tables.Article)).one()
        failure = conn.execute(select(tables.Failure)).one()
    assert (article.status, article.error) == ("failed", "analysis failed: boom")
    assert (failure.article_id, failure.input) == (article.article_id, "a.jsonl:1")
    assert count_rows(engine)["quotes"] == 0


@pytest.mark.parametrize(
    ("meta", "identity", "outlet"),
    [
        ({"id": "a1"}, "id", None),
        (
            {"id": "3", "id_derived": True, "url": "https://www.harbour.example/a"},
            "url",
            "harbour.example",
        ),
        ({"id": "a", "id_derived": True, "outlet": "Courier"}, "content", "Courier"),
    ],
)
def test_an_article_is_known_by_its_id_else_its_url_else_its_content(meta, identity, outlet):
    p = Pending.of("x", Article(text=TEXT, **meta))
    assert (p.identity, p.article.outlet) == (identity, outlet)
    assert (p.key == p.content_hash) == (identity == "content")


def test_an_article_another_ingest_stored_meanwhile_is_skipped(store_url):
    from presslens.store.ingest import SKIPPED, _store

    engine = open_store(store_url)
    save(engine, pending(), analysis(), version="v1")  # the other ingest, after our look-up
    assert _store(engine, pending(), analysis(), "v1", None) == (SKIPPED, "a.jsonl:1", None)


def people(*names: str) -> Analysis:
    """An analysis naming ``names`` (people), each once, and nothing else."""
    text = ". ".join(names) + "."
    entities, start = [], 0
    for n, name in enumerate(names, 1):
        mention = Span(start=start, end=start + len(name), text=name)
        entities.append(Entity(id=f"E{n}", name=name, type="PERSON", mentions=[mention]))
        start += len(name) + 2
    return Analysis(text=text, entities=entities)


def test_the_people_an_article_names_tell_whose_bare_surname_it_is(store_url):
    engine = open_store(store_url)
    team = ("Tim Kaine", "Donna Brazile")
    for n, names in enumerate([("Hillary Clinton", *team)] * 2 + [("Bill Clinton",)]):
        save(
            engine,
            Pending.of(f"a{n}", Article(text=f"a{n}", id=f"a{n}")),
            people(*names),
            version="v1",
        )
    rally = Pending.of("rally", Article(text="rally", id="rally"))
    first = save(engine, rally, people("Clinton", *team), version="v1")
    with engine.connect() as conn:
        c, e = tables.CorpusEntity, tables.ArticleEntity
        counts = dict(conn.execute(select(c.name, c.article_count)).all())
        linked = conn.execute(
            select(c.name)
            .join(e, e.corpus_entity_id == c.corpus_entity_id)
            .where(e.article_id == first, e.entity == "E1")
        ).scalar_one()
    assert linked == "Hillary Clinton"  # seen with Kaine and Brazile, Bill Clinton never
    assert counts == {"Hillary Clinton": 3, "Tim Kaine": 3, "Donna Brazile": 3, "Bill Clinton": 1}
    save(engine, rally, people("Clinton", *team), version="v2", replaces=first)
    with engine.connect() as conn:
        assert dict(conn.execute(select(c.name, c.article_count)).all()) == counts
