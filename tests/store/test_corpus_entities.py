"""Corpus entities in a real store (SQLite and PostgreSQL) with the real pipeline: invented
articles from several outlets ingested, then what a user reads in ``corpus_entities`` and in
``article_entities.corpus_entity_id``; a rerun, a re-analysis, ``db relink``, and ``db upgrade``
of a store written before corpus entities."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from alembic import command
from click.testing import CliRunner
from sqlalchemy import select

from presslens.cli import main
from presslens.store import db, tables
from presslens.store.db import open_store

pytestmark = pytest.mark.slow  # parses with the real pipeline

ARTICLES = {
    "h1": (
        "Daily Ledger",
        "Clinton rallies supporters in Ohio\n\nHillary Clinton told supporters in Columbus on "
        'Monday that the election would be close. "We have work to do," Clinton said.',
    ),
    "h2": (
        "Mountain Post",
        "Mrs. Clinton visits Denver\n\nMrs. Clinton spoke to voters in Denver on Tuesday "
        "about health care.",
    ),
    "h3": (
        "Capital Wire",
        "Talks in Ottawa\n\nSecretary of State Hillary Clinton met the Canadian foreign "
        "minister in Ottawa on Wednesday. Secretary Clinton said the talks went well.",
    ),
    "b1": (
        "Arkansas Courier",
        "Former president returns to Arkansas\n\nFormer President Bill Clinton opened a "
        "library in Little Rock on Thursday. President Clinton thanked the donors.",
    ),
    "both": (
        "Prairie News",
        "The Clintons in Iowa\n\nHillary Clinton and Bill Clinton campaigned together in Des "
        "Moines on Friday. Clinton said the crowd was the largest of the year.",
    ),
    "bare": ("Gulf Times", "Rally in Miami\n\nClinton spoke at a rally in Miami on Saturday."),
    "t1": (
        "Capital Wire",
        "Trump Jr. questioned\n\nDonald Trump Jr. testified before a Senate committee on "
        "Thursday. Trump Jr. said he had done nothing wrong.",
    ),
    "t2": (
        "Desert Sun",
        "President speaks\n\nPresident Donald Trump spoke in Phoenix on Friday. Trump said the "
        "economy was strong.",
    ),
    "t3": (
        "Lone Star Daily",
        "Book tour\n\nTrump Jr. signed copies of his book in Dallas on Sunday.",
    ),
    "i1": (
        "Valley Times",
        "Grid operator warns of blackouts\n\nThe California Independent System Operator (ISO) "
        "warned of rolling blackouts on Friday. The ISO said demand would peak at 5 p.m.",
    ),
    "i2": (
        "Coast Herald",
        "Heat wave\n\nCalifornia ISO asked residents to save power on Saturday.",
    ),
    "i3": ("Bay Report", "Power saved\n\nThe ISO said on Sunday that residents had cut demand."),
}


def write(path: Path, ids: list[str], texts: dict[str, str] | None = None) -> Path:
    """A JSONL batch of the ``ARTICLES`` named by ``ids`` (``texts`` replaces some texts)."""
    lines = [
        {"id": i, "outlet": ARTICLES[i][0], "text": (texts or {}).get(i, ARTICLES[i][1])}
        for i in ids
    ]
    path.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    return path


def run(*args: str):
    done = CliRunner().invoke(main, list(args))
    assert done.exit_code == 0, done.stderr
    return done


def corpus_entities(url: str) -> dict[str, tuple[int, int, set[str]]]:
    """Each corpus entity by name: (articles, mentions, aliases)."""
    c = tables.CorpusEntity
    with open_store(url).connect() as conn:
        rows = conn.execute(select(c.name, c.article_count, c.mention_count, c.aliases)).all()
    assert len({r.name for r in rows}) == len(rows), rows
    return {r.name: (r.article_count, r.mention_count, set(r.aliases)) for r in rows}


def links(url: str) -> dict[tuple[str, str], str | None]:
    """Each stored person and organisation, (article id, name): its corpus entity's name."""
    a, e, c = tables.Article, tables.ArticleEntity, tables.CorpusEntity
    query = (
        select(a.source_id, e.name, c.name)
        .join(e, e.article_id == a.article_id)
        .outerjoin(c, c.corpus_entity_id == e.corpus_entity_id)
        .where(e.type.in_(("PERSON", "ORG")))
    )
    with open_store(url).connect() as conn:
        return {(source, name): corpus for source, name, corpus in conn.execute(query)}


def test_one_person_across_outlets_and_people_sharing_a_surname_apart(tmp_path, store_url):
    ids = ["h1", "h2", "h3", "b1", "both", "bare"]
    run("ingest", "--quiet", "--db", store_url, str(write(tmp_path / "a.jsonl", ids)))
    found = corpus_entities(store_url)
    hillary, bill = found["Hillary Clinton"], found["Bill Clinton"]
    assert hillary[0] == 4  # h1, h2 ("Mrs. Clinton"), h3, both
    assert {"Mrs. Clinton", "Clinton", "Secretary Clinton"} <= hillary[2]
    assert bill[0] == 2 and "President Clinton" in bill[2]
    linked = links(store_url)
    assert linked["h2", "Clinton"] == "Hillary Clinton"
    assert linked["both", "Hillary Clinton"] == "Hillary Clinton"
    assert linked["both", "Bill Clinton"] == "Bill Clinton"
    assert linked["bare", "Clinton"] is None  # either Clinton: left unlinked
    assert linked["h3", "State"] is None  # "State" names no one in particular


def test_donald_trump_and_donald_trump_jr_stay_apart(tmp_path, store_url):
    run(
        "ingest", "--quiet", "--db", store_url, str(write(tmp_path / "t.jsonl", ["t1", "t2", "t3"]))
    )
    found = corpus_entities(store_url)
    assert found["Donald Trump Jr."][0] == 2  # t1 and "Trump Jr." in t3
    assert found["Donald Trump"][0] == 1
    assert links(store_url)["t3", "Trump Jr."] == "Donald Trump Jr."


def test_an_organisation_its_acronym_and_its_short_name_are_one(tmp_path, store_url):
    run(
        "ingest", "--quiet", "--db", store_url, str(write(tmp_path / "i.jsonl", ["i1", "i2", "i3"]))
    )
    (name, (articles, _, aliases)), *others = corpus_entities(store_url).items()
    assert (name, articles, others) == ("California Independent System Operator", 3, [])
    assert {"ISO", "California ISO"} <= aliases


def test_a_rerun_changes_nothing_and_a_reanalysis_moves_the_counts(tmp_path, store_url):
    batch = write(tmp_path / "a.jsonl", ["h1", "h2", "b1"])
    run("ingest", "--quiet", "--db", store_url, str(batch))
    first = corpus_entities(store_url)
    run("ingest", "--quiet", "--db", store_url, str(batch))
    assert corpus_entities(store_url) == first
    # h2 now tells of Bill Clinton: Hillary loses the article, Bill gains it
    story = "Clinton in Denver\n\nFormer President Bill Clinton spoke in Denver on Tuesday."
    run(
        "ingest",
        "--quiet",
        "--reanalyze",
        "--db",
        store_url,
        str(write(batch, ["h2"], {"h2": story})),
    )
    after = corpus_entities(store_url)
    assert after["Hillary Clinton"][0] == first["Hillary Clinton"][0] - 1
    assert after["Bill Clinton"][0] == first["Bill Clinton"][0] + 1
    assert "Mrs. Clinton" not in after["Hillary Clinton"][2]
    assert links(store_url)["h2", "Bill Clinton"] == "Bill Clinton"


def test_db_relink_joins_a_bare_surname_stored_before_the_full_name(tmp_path, store_url):
    run("ingest", "--quiet", "--db", store_url, str(write(tmp_path / "a.jsonl", ["h2"])))
    run("ingest", "--quiet", "--db", store_url, str(write(tmp_path / "b.jsonl", ["h1"])))
    assert set(corpus_entities(store_url)) == {"Clinton", "Hillary Clinton"}  # as ingested
    done = run("db", "relink", "--db", store_url)
    assert done.stdout == (
        f"the store {store_url}: 2 people and organisations of 2 articles linked into "
        "1 corpus entities, 0 left unlinked\n"
    )
    assert corpus_entities(store_url)["Hillary Clinton"][0] == 2
    assert links(store_url)["h2", "Clinton"] == "Hillary Clinton"


def test_db_upgrade_links_a_store_written_before_corpus_entities(tmp_path, store_url):
    ids = ["h1", "h2", "b1", "i1", "i2"]
    run("ingest", "--quiet", "--db", store_url, str(write(tmp_path / "a.jsonl", ids)))
    linked = corpus_entities(store_url)
    engine = db.engine_for(store_url)
    with engine.begin() as conn:  # the store as schema version 0002 left it
        command.downgrade(db._config(conn), "0002")
    engine.dispose()
    assert set(links_of_old_store(store_url).values()) == {None}
    done = run("db", "upgrade", "--db", store_url)
    assert done.stdout.splitlines() == [
        f"the store {store_url} is now at schema version {db.head()} (was 0002)",
        f"the store {store_url}: 5 people and organisations of 5 articles linked into "
        "3 corpus entities, 0 left unlinked",
    ]
    assert corpus_entities(store_url) == linked


def links_of_old_store(url: str) -> dict[tuple[int, str], int | None]:
    """``article_entities.corpus_entity_id`` read without opening the store (it is old)."""
    e = tables.ArticleEntity
    engine = db.engine_for(url)
    with engine.connect() as conn:
        rows = conn.execute(select(e.article_id, e.entity, e.corpus_entity_id)).all()
    engine.dispose()
    return {(a, n): c for a, n, c in rows}
