"""The store's questions on a small corpus ingested with the real pipeline, in SQLite and
PostgreSQL: who said what, which claims, filtered, ranked and paged; and from the CLI."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path

import pytest
from alembic import command
from click.testing import CliRunner
from sqlalchemy import select

from presslens.cli import main
from presslens.errors import InputError, NotFoundError
from presslens.io.sources import read_sources
from presslens.settings import Settings
from presslens.store import db, tables
from presslens.store.db import open_store
from presslens.store.ingest import ingest
from presslens.store.people import article_entities
from presslens.store.queries import (
    Filters,
    claim_facets,
    get_article,
    list_articles,
    quote_facets,
    search_claims,
    search_quotes,
)
from presslens.store.summary import corpus_summary

pytestmark = pytest.mark.slow  # parses with the real pipeline
ROOT = Path(__file__).resolve().parents[2]

ARTICLES = [
    {
        "id": "ht-1",
        "outlet": "Harbour Times",
        "published": "2026-03-02",
        "text": "Ferry strike ends\n\nThe ferry strike in Port Calder ended on Sunday. “We are "
        "glad the strike is over,” said Mia Holm, the union leader. Transport minister Ian "
        "Berg said the deal would cost 4 million euros a year.\n",
    },
    {
        "id": "cp-1",
        "outlet": "Calder Post",
        "published": "2026-03-03",
        "text": "Deal ends ferry strike\n\nMia Holm said on Monday that the union was glad the "
        "strike was over. Ian Berg, the transport minister, said the agreement would cost 5 "
        "million euros a year.\n",
    },
    {
        "id": "ht-2",
        "outlet": "Harbour Times",
        "published": "2026-02-20",
        "text": "Bread costs more\n\nAnna Holm, a baker in Port Calder, said bread prices had "
        "risen by 10 percent since January. “Flour is dearer than ever,” she said.\n",
    },
]


@pytest.fixture
def store(tmp_path, store_url) -> str:
    source = tmp_path / "corpus.jsonl"
    source.write_text("".join(json.dumps(a) + "\n" for a in ARTICLES), encoding="utf-8")
    engine = open_store(store_url)
    tally = ingest(read_sources([str(source)]), engine, settings=Settings())
    assert tally.ingested == len(ARTICLES)
    return store_url


def test_quotes_by_speaker_newest_first_with_where_and_when(store):
    engine = open_store(store)
    holm = search_quotes(engine, speaker="holm")
    assert {h.speaker for h in holm.rows} == {"Mia Holm", "Anna Holm"}
    assert [h.date for h in holm.rows] == sorted((h.date for h in holm.rows), reverse=True)
    mia = search_quotes(engine, speaker="Mia Holm")
    assert {(h.outlet, h.date) for h in mia.rows} == {
        ("Harbour Times", dt.date(2026, 3, 2)),
        ("Calder Post", dt.date(2026, 3, 2)),  # "on Monday" before the Tuesday it was published
    }
    # "she said" is Anna Holm's too: the speaker is the resolved entity, not the pronoun
    anna = search_quotes(engine, speaker="anna holm", kind="direct")
    assert [(h.text, h.speaker_text) for h in anna.rows] == [
        ("“Flour is dearer than ever,”", "she")
    ]


def test_text_search_is_stemmed_and_filters_combine(store):
    engine = open_store(store)
    strike = search_quotes(engine, text="strikes")
    assert strike.total == 2 and {h.speaker for h in strike.rows} == {"Mia Holm"}
    post = search_quotes(engine, text="strike", filters=Filters(outlet="calder post"))
    assert [h.outlet for h in post.rows] == ["Calder Post"]
    march = search_quotes(engine, filters=Filters(since=dt.date(2026, 3, 1)))
    assert march.total == 4 and all(h.date >= dt.date(2026, 3, 1) for h in march.rows)
    february = search_quotes(engine, filters=Filters(until=dt.date(2026, 2, 28)))
    assert {h.speaker for h in february.rows} == {"Anna Holm"}


def test_pages_cover_every_row_once_in_a_stable_order(store):
    engine = open_store(store)
    everything = search_quotes(engine, filters=Filters(per_page=100))
    paged = [search_quotes(engine, filters=Filters(page=n, per_page=2)) for n in (1, 2, 3)]
    assert [p.pages for p in paged] == [3, 3, 3] and paged[2].rows
    keys = [(h.article_id, h.quote_id) for p in paged for h in p.rows]
    assert keys == [(h.article_id, h.quote_id) for h in everything.rows]
    assert len(set(keys)) == everything.total == 6


def test_user_input_is_only_ever_text(store):
    engine = open_store(store)
    assert search_quotes(engine, speaker="' OR 1=1 --").total == 0
    assert search_quotes(engine, speaker="100%").total == 0  # LIKE wildcards escaped
    assert search_quotes(engine, text='strike" OR NEAR(a b) *').total == 0
    with pytest.raises(InputError, match="no words"):
        search_quotes(engine, text="  ...  ")
    with pytest.raises(InputError, match="unknown quote kind"):
        search_quotes(engine, kind="rumour")
    with pytest.raises(InputError, match="pages count from 1"):
        Filters(page=0)


def test_articles_newest_first_filtered_and_one_with_its_analysis(store):
    engine = open_store(store)
    every = list_articles(engine)
    assert [a.source_id for a in every.rows] == ["cp-1", "ht-1", "ht-2"]  # newest first
    paged = [list_articles(engine, filters=Filters(page=n, per_page=2)) for n in (1, 2)]
    assert [a for p in paged for a in p.rows] == every.rows and paged[0].pages == 2
    before_march = Filters(outlet="harbour times", until=dt.date(2026, 3, 1))
    harbour = list_articles(engine, filters=before_march)
    assert [a.source_id for a in harbour.rows] == ["ht-2"] and harbour.total == 1
    row, analysis = get_article(engine, every.rows[0].article_id)
    assert row == every.rows[0] and row.published == dt.date(2026, 3, 3)
    assert analysis.text.startswith("Deal ends ferry strike") and analysis.quotes
    q = analysis.quotes[0].content
    assert analysis.text[q.start : q.end] == q.text
    with pytest.raises(NotFoundError, match="no analysed article 999"):
        get_article(engine, 999)


def test_claims_most_checkworthy_first_by_kind_and_speaker(store):
    engine = open_store(store)
    numeric = search_claims(engine, kind="numeric")
    assert numeric.total == 3 and all("numeric" in c.kinds for c in numeric.rows)
    scores = [c.checkworthiness for c in numeric.rows]
    assert scores == sorted(scores, reverse=True)
    berg = search_claims(engine, speaker="Ian Berg", text="million euros")
    assert {c.text for c in berg.rows} == {
        "the deal would cost 4 million euros a year",
        "the agreement would cost 5 million euros a year",
    }


def test_the_cli_prints_json_csv_and_a_table(store):
    run = CliRunner().invoke
    done = run(main, ["search", "quotes", "--db", store, "--speaker", "Holm", "--format", "json"])
    assert done.exit_code == 0, done.output
    page = json.loads(done.output)
    assert page["total"] == 4 and page["pages"] == 1 and len(page["quotes"]) == 4
    done = run(main, ["search", "claims", "--db", store, "--kind", "numeric", "--format", "csv"])
    rows = list(csv.DictReader(io.StringIO(done.output)))
    assert len(rows) == 3 and "numeric" in rows[0]["kinds"].split("; ")
    done = run(main, ["search", "quotes", "--db", store, "--text", "flour", "--format", "table"])
    assert "Anna Holm" in done.output and "page 1 of 1 (1 quotes)" in done.output


def test_a_missing_store_is_one_line_not_a_new_file(tmp_path):
    missing = tmp_path / "none.db"
    done = CliRunner().invoke(main, ["search", "quotes", "--db", str(missing)])
    assert done.exit_code == 2 and not missing.exists()
    assert done.output.strip().splitlines() == [
        f"presslens: error: there is no store at {missing}: ingest articles first "
        f"(presslens ingest PATH --db {missing}) or give the --db that holds them"
    ]


FEE = [
    (
        "Harbour Times",
        "2026-03-02",
        "“We may consider raising the fee to 40 euros, but we will "
        "not do it this year,” said Mayor Ann Lee on Monday.",
    ),
    (
        "Calder Post",
        "2026-03-03",
        "Mayor Ann Lee said: “We will consider raising the fee to 45 euros.”",
    ),
    (
        "Bay Daily",
        "2026-03-04",
        "The fee will rise, Mayor Ann Lee said, adding: “raising the "
        "fee to 40 euros, but we will do it this year.”",
    ),
]


def test_drift_across_outlets_from_the_store_and_the_cli(tmp_path, store_url):
    source = tmp_path / "fee.jsonl"
    lines = [
        {"id": f"fee-{n}", "outlet": o, "published": d, "text": f"Fee rise\n\n{t}\n"}
        for n, (o, d, t) in enumerate(FEE)
    ]
    source.write_text("".join(json.dumps(a) + "\n" for a in lines), encoding="utf-8")
    ingest(read_sources([str(source)]), open_store(store_url), settings=Settings())
    done = CliRunner().invoke(
        main, ["drift", "--db", store_url, "--speaker", "lee", "--format", "json"]
    )
    assert done.exit_code == 0, done.output
    (group,) = json.loads(done.output)["groups"]
    assert group["speaker"] == "Ann Lee" and group["reference"]["outlet"] == "Harbour Times"
    by_outlet = {v["version"]["outlet"]: {f["kind"] for f in v["flags"]} for v in group["versions"]}
    assert by_outlet == {
        "Calder Post": {"changed_number", "dropped_hedge", "truncated"},
        "Bay Daily": {"dropped_hedge", "truncated", "meaning_flipped"},
    }
    done = CliRunner().invoke(main, ["drift", "--db", store_url, "--format", "csv"])
    rows = list(csv.DictReader(io.StringIO(done.output)))
    assert len(rows) == 7 and {r["flag"] for r in rows} >= {"changed_number", "truncated"}
    number = next(r for r in rows if r["flag"] == "changed_number")
    text = FEE[1][2]
    start = int(number["start"]) - len("Fee rise\n\n")
    assert text[start : start + 2] == "45"


def test_compare_groups_one_story_and_shows_each_outlet(tmp_path, store_url):
    from presslens.store.compare import compare

    source = ROOT / "samples" / "corpus" / "riverton.jsonl"
    ingest(read_sources([str(source)]), open_store(store_url), settings=Settings())
    page = compare(open_store(store_url), "bridge")
    assert page.total == 1  # the library and the rowing club are not about the bridge
    (story,) = page.rows
    assert story.articles == 3 and (story.first, story.last) == (
        dt.date(2026, 3, 10),
        dt.date(2026, 3, 12),
    )
    views = {v.outlet: v for v in story.outlets}
    assert set(views) == {"Riverton Gazette", "Valley Post", "Metro Daily"}
    assert all("Ann Lee" in {q.speaker for q in v.quoted} for v in views.values())
    # loaded words in an outlet's own voice show for the outlet that wrote them
    assert any("furious" in f.text for f in views["Metro Daily"].framing)
    assert not views["Riverton Gazette"].framing
    assert views["Valley Post"].claims[0].text.startswith("The repair bill could reach 5 million")
    wide = compare(open_store(store_url), "said", similarity=0.99)
    assert wide.total == 5  # nothing alike at 0.99: each article a story of its own


def test_network_of_the_story_with_evidence_and_graphml(store_url):
    import xml.etree.ElementTree as ET

    source = ROOT / "samples" / "corpus" / "riverton.jsonl"
    ingest(read_sources([str(source)]), open_store(store_url), settings=Settings())
    run = CliRunner().invoke
    done = run(main, ["network", "bridge", "--db", store_url, "--format", "json"])
    assert done.exit_code == 0, done.output
    net = json.loads(done.output)
    name = {n["key"]: n["name"].lower() for n in net["nodes"]}  # keys are corpus entities
    edges = {(name[e["source"]], e["relation"], name[e["target"]]): e for e in net["edges"]}
    assert set(edges) == {
        ("rosa brandt", "criticises", "ann lee"),  # in two outlets
        ("ann lee", "demands of", "riverton transport agency"),  # "Mayor Lee", not David Lee
    }
    criticism = edges[("rosa brandt", "criticises", "ann lee")]
    assert criticism["count"] == 2
    first = criticism["evidence"][0]
    with open_store(store_url).connect() as conn:  # offsets index the analysed text
        text = conn.execute(
            select(tables.Article.text).where(tables.Article.article_id == first["article_id"])
        ).scalar_one()
    assert text[first["start"] : first["end"]] == first["text"]
    assert first["text"].startswith("Councillor Rosa Brandt criticised Mayor Ann Lee")
    done = run(main, ["network", "--db", store_url, "--format", "graphml", "--min-count", "2"])
    graph = ET.fromstring(done.output.split("\n", 1)[1])
    ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
    edges = [name[e.get("source")] for e in graph.iterfind(".//g:edge", ns)]
    assert edges == ["rosa brandt"]


def test_entities_and_a_timeline_across_outlets(store_url):
    from presslens.store.people import list_entities, timeline

    source = ROOT / "samples" / "corpus" / "riverton.jsonl"
    ingest(read_sources([str(source)]), open_store(store_url), settings=Settings())
    engine = open_store(store_url)
    quoted = list_entities(engine, type="PERSON", sort="quotes")
    top = quoted.rows[0]
    assert (top.name, top.quotes) == ("Ann Lee", 9) and set(top.outlets) == {
        "Riverton Gazette",
        "Valley Post",
        "Metro Daily",
    }
    # the kept counts are the quotes' own, and a relink from scratch gives them again
    assert top.quotes == search_quotes(engine, speaker="Ann Lee").total
    assert CliRunner().invoke(main, ["db", "relink", "--db", store_url]).exit_code == 0
    again = list_entities(engine, type="PERSON", sort="quotes").rows
    assert [(r.name, r.quotes, r.outlets) for r in again] == [
        (r.name, r.quotes, r.outlets) for r in quoted.rows
    ]
    lees = {r.name for r in quoted.rows if r.name.endswith("Lee")}
    assert lees == {"Ann Lee", "David Lee"}  # one surname, two people: kept apart
    by_articles = list_entities(engine, sort="articles", filters=Filters(per_page=3))
    assert [r.articles for r in by_articles.rows] == sorted(
        (r.articles for r in by_articles.rows), reverse=True
    )
    line = timeline(engine, "Ann Lee")
    assert line.entity.name == "Ann Lee" and line.items.total == 12
    dates = [i.date for i in line.items.rows]
    assert dates == sorted(dates, reverse=True)
    kinds = {(i.kind, i.role) for i in line.items.rows}
    assert {("quote", None), ("event", "actor"), ("event", "target")} <= kinds
    criticised = next(i for i in line.items.rows if i.role == "target")
    assert criticised.text.startswith("Councillor Rosa Brandt criticised Mayor Ann Lee")
    one_outlet = timeline(engine, "Ann Lee", filters=Filters(outlet="valley post")).items
    assert {i.outlet for i in one_outlet.rows} == {"Valley Post"}
    assert 0 < one_outlet.total == len(one_outlet.rows) < line.items.total
    # the quotes' speakers are indexed by migration 0007 for a store from before it
    with engine.begin() as conn:
        command.downgrade(db._config(conn), "0006")
    engine.dispose()
    assert CliRunner().invoke(main, ["db", "upgrade", "--db", store_url]).exit_code == 0
    assert timeline(open_store(store_url), "Ann Lee") == line
    done = CliRunner().invoke(main, ["timeline", "lee", "--db", store_url, "--format", "json"])
    found = json.loads(done.output)
    assert found["entity"]["name"] in {"Ann Lee", "David Lee"}
    assert {o["name"] for o in found["others"]} | {found["entity"]["name"]} >= {
        "Ann Lee",
        "David Lee",
    }
    done = CliRunner().invoke(main, ["timeline", "Nobody Here", "--db", store_url])
    assert done.exit_code == 2 and "no person or organisation named" in done.output


def test_a_person_asked_for_by_full_name_is_that_person(tmp_path, store_url):
    from presslens.store.people import timeline

    said = "“The bridge will open in May,” said {}, the city engineer.\n"
    source = tmp_path / "names.jsonl"
    rows = [("a1", "Ann Leeson"), ("a2", "Ann Leeson"), ("a3", "Ann Lee")]
    source.write_text(
        "".join(
            json.dumps({"id": i, "text": f"Bridge news\n\n{said.format(who)}"}) + "\n"
            for i, who in rows
        ),
        encoding="utf-8",
    )
    ingest(read_sources([str(source)]), open_store(store_url), settings=Settings())
    engine = open_store(store_url)
    # "Ann Leeson" is in more articles and holds every word of "ann lee": the name wins
    line = timeline(engine, "ann LEE")
    assert (line.entity.name, line.entity.articles, line.others) == ("Ann Lee", 1, [])
    assert timeline(engine, "Leeson").entity.name == "Ann Leeson"
    found = timeline(engine, "ann")
    assert (found.entity.name, [o.name for o in found.others]) == ("Ann Leeson", ["Ann Lee"])


def test_the_corpus_at_a_glance_and_the_facets_of_a_search(store):
    engine = open_store(store, read_only=True)
    s = corpus_summary(engine)
    assert (s.articles, s.outlets) == (3, 2)
    assert (s.first, s.last) == (dt.date(2026, 2, 20), dt.date(2026, 3, 3))
    assert s.top_outlets == {"Harbour Times": 2, "Calder Post": 1}
    assert s.quotes == search_quotes(engine).total and s.claims == search_claims(engine).total
    quoted = [p.quotes for p in s.people]
    assert quoted == sorted(quoted, reverse=True) and quoted[0] > 0
    every = search_quotes(engine, speaker="Holm", filters=Filters(per_page=500)).rows
    facets = quote_facets(engine, speaker="Holm")
    by_name: dict[str, int] = {}
    for hit in every:
        by_name[hit.speaker] = by_name.get(hit.speaker, 0) + 1
    assert {f.value: f.count for f in facets.speakers} == by_name
    mia = next(f for f in facets.speakers if f.value == "Mia Holm")
    linked = {h.speaker_entity_id for h in every if h.speaker == "Mia Holm"}
    assert mia.entity_id in linked and None not in linked  # each hit's speaker, as linked
    assert sum(f.count for f in facets.outlets) == len(every)
    only = quote_facets(engine, speaker="Holm", filters=Filters(outlet="calder post"))
    assert [f.value for f in only.outlets] == ["Calder Post"]
    assert sum(f.count for f in facets.months) == len(every)  # every one is dated
    assert [f.value for f in facets.months] == sorted({h.date.isoformat()[:7] for h in every})[::-1]
    claimed = claim_facets(engine)
    assert sum(f.count for f in claimed.outlets) == s.claims
    assert sum(f.count for f in claimed.months) == s.claims
    ht1 = next(r for r in list_articles(engine).rows if r.source_id == "ht-1")
    named = article_entities(engine, ht1.article_id)
    assert {"Mia Holm", "Ian Berg"} <= {e.name for e in named}
    assert all(e.type in ("PERSON", "ORG") for e in named)
    engine.dispose()
