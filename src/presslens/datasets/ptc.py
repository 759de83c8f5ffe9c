"""SemEval-2020 task 11 PTC articles, their gold propaganda spans and the held-out split.

Layout (read by path, never copied): ``DATA_DIR/articles/article<ID>.txt`` and
``DATA_DIR/dev-TC.labels`` (``article_id, technique, start, end``; 0-based,
end-exclusive). Articles are split by id (``split_ids``): sorted ids, every third
one is held out for reporting, the rest are what ``presslens train framing``
learns from.
"""

from __future__ import annotations

import csv
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from spacy.tokens import Doc

from presslens.errors import InputError
from presslens.io.article import Article
from presslens.nlp.layers import layers

LABELS_FILE = "dev-TC.labels"
REPORT_EVERY = 3  # every third article (by sorted id) is held out for reporting
# presslens category -> PTC technique
TECHNIQUE_OF = {
    "loaded_language": "Loaded_Language",
    "name_calling": "Name_Calling,Labeling",
    "exaggeration": "Exaggeration,Minimisation",
    "minimisation": "Exaggeration,Minimisation",
    "doubt": "Doubt",
}
POOLED = ("Loaded_Language", "Name_Calling,Labeling")  # the techniques scored together

Spans = list[tuple[int, int]]


@dataclass(frozen=True)
class PtcArticle:
    id: str
    text: str
    gold: dict[str, Spans]  # technique -> spans


def read_ptc(data_dir: Path) -> list[PtcArticle]:
    """Every article of ``DATA_DIR`` with its gold spans, in id order."""
    data_dir = Path(data_dir)
    labels = data_dir / LABELS_FILE
    if not labels.is_file() or not (data_dir / "articles").is_dir():
        raise InputError(
            f"{data_dir} must hold articles/article<ID>.txt and {LABELS_FILE} "
            "(SemEval-2020 task 11 PTC)"
        )
    gold: dict[str, dict[str, Spans]] = defaultdict(lambda: defaultdict(list))
    with labels.open(encoding="utf-8", newline="") as f:
        for row in csv.reader(f, delimiter="\t"):
            if len(row) >= 4:
                gold[row[0]][row[1]].append((int(row[2]), int(row[3])))
    articles = []
    for path in sorted((data_dir / "articles").glob("article*.txt")):
        article_id = path.stem.removeprefix("article")
        text = path.read_text(encoding="utf-8")
        articles.append(PtcArticle(article_id, text, dict(gold.get(article_id, {}))))
    if not articles:
        raise InputError(f"no article*.txt files in {data_dir / 'articles'}")
    return articles


def split_ids(ids: Iterable[str]) -> tuple[list[str], list[str]]:
    """``(train, report)``: sorted ids, every ``REPORT_EVERY``-th held out for reporting."""
    ordered = sorted(ids)
    report = ordered[REPORT_EVERY - 1 :: REPORT_EVERY]
    held = set(report)
    return [i for i in ordered if i not in held], report


def parsed(
    articles: Sequence[PtcArticle],
    model: str | None = None,
    disable: Sequence[str] = (),
    embeddings: bool = False,
) -> Iterator[Doc]:
    """The articles through the presslens pipeline (less ``disable``), as Docs."""
    from presslens.pipeline import DEFAULT_MODEL, build_nlp

    nlp = build_nlp(model or DEFAULT_MODEL, embeddings=embeddings)

    def docs() -> Iterator[Doc]:
        for art in articles:
            doc = nlp.make_doc(art.text)
            layers(doc).article = Article.from_text(art.text)
            yield doc

    yield from nlp.pipe(docs(), batch_size=8, disable=list(disable))
