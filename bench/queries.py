"""Query latency over a generated store of a million quotes, SQLite and PostgreSQL.

    python bench/queries.py --db PATH_OR_URL [--quotes N] [--queries K] [--keep]

Builds (unless ``--keep`` and the store already holds N quotes) a store through presslens's
own schema: N quotes in N/5 articles from 50 outlets over six years, spoken by 20,000
invented people whose popularity follows a Zipf law (the most quoted person says about 9%
of all quotes), content drawn from a 5,000-word Zipf vocabulary, each speaker an article
entity linked to its person's corpus entity. Rows go in with plain INSERTs (the analysis is
not what is measured). Then, for each question, K calls with parameters drawn the way users
would (a speaker in proportion to how often they are quoted, two content words of middling
frequency), timed wall-clock end to end through the store's query functions (the count and
the first page of 20), and prints p50 / p95 / max per question as a markdown table for
docs/BENCHMARKS.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import random
import statistics
import time

from sqlalchemy import func, insert, select, text

from presslens.store import tables
from presslens.store.db import open_store
from presslens.store.entity_index import reindex
from presslens.store.people import list_entities, timeline
from presslens.store.queries import Filters, search_claims, search_quotes

PEOPLE, VOCABULARY, OUTLETS, QUOTES_PER_ARTICLE = 20_000, 5_000, 50, 5
FIRST = "Ann Ben Cara Dan Eva Finn Gia Hugo Ida Jon Kira Leo Mia Nico Omar Pia Raj Sara Tom Uma"
LAST = (
    "Lee Berg Holm Ruiz Nair Chen Brandt Okafor Silva Novak Haas Moreau Rossi Kim Costa Ward "
    "Ivanov Sato Mendes Larsen Quinn Duarte Fischer Kowalski Yilmaz Bauer Ortega Nilsen Patel"
)


_SUFFIXES = ("", "son", "berg", "ova", "ez", "ini")


def zipf_weights(n: int) -> list[float]:
    """Cumulative Zipf weights of ``n`` ranks (for ``random.choices(cum_weights=...)``)."""
    return list(itertools.accumulate(1.0 / (k + 1) for k in range(n)))


def people(rng: random.Random) -> list[str]:
    """20,000 distinct invented names: a given name, a middle initial and a surname."""
    first, last = FIRST.split(), [s + x for s in LAST.split() for x in _SUFFIXES]
    names: set[str] = set()
    while len(names) < PEOPLE:
        names.add(f"{rng.choice(first)} {chr(65 + rng.randrange(26))}. {rng.choice(last)}")
    return sorted(names)


def vocabulary(rng: random.Random) -> list[str]:
    letters = "abcdefghijklmnopqrstuvwxyz"
    words: set[str] = set()
    while len(words) < VOCABULARY:
        words.add("".join(rng.choice(letters) for _ in range(rng.randint(3, 9))))
    return sorted(words)


def build(engine, quotes: int, rng: random.Random) -> None:
    names, words = people(rng), vocabulary(rng)
    who_w, word_w = zipf_weights(len(names)), zipf_weights(len(words))
    start = dt.date(2020, 1, 1)
    articles = quotes // QUOTES_PER_ARTICLE
    batch = 2_000
    now = dt.datetime.now(dt.UTC)
    entity_of = {name: n + 1 for n, name in enumerate(names)}  # one corpus entity each
    with engine.begin() as conn:
        conn.execute(
            insert(tables.CorpusEntity),
            [
                {
                    "corpus_entity_id": i,
                    "type": "PERSON",
                    "name": name,
                    "aliases": [name],
                    "article_count": 0,
                    "mention_count": 0,
                    "surname": name.split()[-1].lower(),
                    "suffix": None,
                    "names": {name: 1},
                    "forms": {name: 1},
                    "given_names": {name.split()[0]: 1},
                    "genders": {},
                    "titles": {},
                }
                for name, i in entity_of.items()
            ],
        )
    articles_of: dict[int, int] = dict.fromkeys(entity_of.values(), 0)
    for first in range(0, articles, batch):
        a_rows, e_rows, q_rows, c_rows = [], [], [], []
        for n in range(first, min(first + batch, articles)):
            aid = n + 1
            day = start + dt.timedelta(days=rng.randrange(6 * 365))
            speakers = rng.choices(names, cum_weights=who_w, k=QUOTES_PER_ARTICLE)
            cast = list(dict.fromkeys(speakers))
            body = " ".join(rng.choices(words, cum_weights=word_w, k=60))
            a_rows.append(
                {
                    "article_id": aid,
                    "key": f"k{aid}",
                    "identity": "id",
                    "source_id": f"s{aid}",
                    "input": f"gen:{aid}",
                    "url": None,
                    "outlet": f"Outlet {aid % OUTLETS}",
                    "published": day,
                    "headline": " ".join(rng.choices(words, cum_weights=word_w, k=8)),
                    "text": body,
                    "content_hash": f"h{aid}",
                    "analysis_version": "bench",
                    "status": "analysed",
                    "error": None,
                    "headline_verdict": "supported",
                    "headline_stance": "agree",
                    "ingested_at": now,
                }
            )
            for k, name in enumerate(cast, 1):
                articles_of[entity_of[name]] += 1
                e_rows.append(
                    {
                        "article_id": aid,
                        "entity": f"E{k}",
                        "name": name,
                        "type": "PERSON",
                        "title": None,
                        "aliases": [name],
                        "mention_count": 2,
                        "corpus_entity_id": entity_of[name],
                    }
                )
            for k, name in enumerate(speakers, 1):
                content = " ".join(rng.choices(words, cum_weights=word_w, k=rng.randint(12, 25)))
                q_rows.append(
                    {
                        "article_id": aid,
                        "quote_id": f"Q{k}",
                        "kind": "direct",
                        "content_start": 0,
                        "content_end": len(content),
                        "content_text": content,
                        "speaker_entity": f"E{cast.index(name) + 1}",
                        "speaker_start": None,
                        "speaker_end": None,
                        "speaker_text": name,
                        "speaker_name": name,
                        "speaker_anonymous": False,
                        "cue_start": None,
                        "cue_end": None,
                        "cue_text": "said",
                        "channel": None,
                        "date": day,
                        "said_on": day,
                        "embedded_in": None,
                        "confidence": 0.9,
                    }
                )
                if k == 1:
                    c_rows.append(
                        {
                            "article_id": aid,
                            "claim_id": "c1",
                            "start": 0,
                            "end": len(content),
                            "text": content,
                            "checkworthiness": rng.random(),
                            "quote_id": "Q1",
                        }
                    )
        with engine.begin() as conn:
            conn.execute(insert(tables.Article), a_rows)
            conn.execute(insert(tables.ArticleEntity), e_rows)
            conn.execute(insert(tables.Quote), q_rows)
            conn.execute(insert(tables.Claim), c_rows)
    with engine.begin() as conn:
        counts = [{"i": i, "n": n} for i, n in articles_of.items()]
        conn.execute(
            text(
                "UPDATE corpus_entities SET article_count = :n, mention_count = 2 * :n "
                "WHERE corpus_entity_id = :i"
            ),
            counts,
        )
        reindex(conn)  # the indexes by corpus entity, as linking keeps them
        conn.execute(text("ANALYZE"))


def stored_quotes(engine) -> int:
    with engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(tables.Quote)).scalar_one()


def timed(call) -> float:
    t0 = time.perf_counter()
    call()
    return (time.perf_counter() - t0) * 1000


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--db", required=True, help="a SQLite path or postgresql:// URL")
    ap.add_argument("--quotes", type=int, default=1_000_000)
    ap.add_argument("--queries", type=int, default=200)
    ap.add_argument("--keep", action="store_true", help="reuse the store if it is built")
    args = ap.parse_args()
    rng = random.Random(12)
    engine = open_store(args.db)
    have = stored_quotes(engine)
    if not (args.keep and have >= args.quotes):
        if have:
            raise SystemExit(f"{args.db} already holds {have} quotes: give an empty store")
        t0 = time.perf_counter()
        build(engine, args.quotes, rng)
        print(f"built {stored_quotes(engine):,} quotes in {time.perf_counter() - t0:.0f} s")
    names, words = people(random.Random(12)), vocabulary(random.Random(12))
    rng = random.Random(7)
    middling = words[200:2000]
    popular = zipf_weights(len(names))
    questions = {
        "quotes by speaker (full name)": lambda: search_quotes(
            engine, speaker=rng.choices(names, cum_weights=popular)[0]
        ),
        "quotes by speaker (surname) + 2 words": lambda: search_quotes(
            engine,
            speaker=rng.choices(names, cum_weights=popular)[0].split()[-1],
            text=" ".join(rng.sample(middling, 2)),
        ),
        "quotes by 2 words, one outlet, one year": lambda: search_quotes(
            engine,
            text=" ".join(rng.sample(middling, 2)),
            filters=Filters(
                outlet=f"Outlet {rng.randrange(OUTLETS)}",
                since=dt.date(2023, 1, 1),
                until=dt.date(2023, 12, 31),
            ),
        ),
        "claims by 1 word": lambda: search_claims(engine, text=rng.choice(middling)),
        "timeline of a person": lambda: timeline(
            engine, rng.choices(names, cum_weights=popular)[0]
        ),
        "entity list (most articles), a random page of 20": lambda: list_entities(
            engine, filters=Filters(page=rng.randint(1, 50))
        ),
    }
    print(f"\n{stored_quotes(engine):,} quotes in {engine.dialect.name}; {args.queries} calls each")
    print("\n| question | p50 ms | p95 ms | max ms |\n|---|---:|---:|---:|")
    for name, call in questions.items():
        call()  # warm the caches once
        times = sorted(timed(call) for _ in range(args.queries))
        p95 = times[int(0.95 * (len(times) - 1))]
        print(f"| {name} | {statistics.median(times):.1f} | {p95:.1f} | {times[-1]:.1f} |")


if __name__ == "__main__":
    main()
