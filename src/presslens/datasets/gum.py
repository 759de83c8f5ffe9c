"""GUM coreference: documents with every mention, its cluster, entity type and Wikification.

Layout (read by path, never copied): ``DATA_DIR/dev.jsonl``, one document a line with
``id``, ``genre``, ``title``, ``published``, ``text`` and ``mentions`` [{``start``, ``end``,
``text``, ``cluster``, ``etype``, ``identity``}]. The documents of each genre are split in
two parts by their place in the file: the first, third, ... are part A (rules are chosen on
it), the second, fourth, ... part B (read to check them).
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from presslens.errors import InputError

PARTS = ("A", "B")
SCORED_TYPES = frozenset({"person", "organization"})
# Capitalised words that do not make a mention a name.
_NOT_NAME_WORDS = frozenset({"I", "I'm", "I've", "I'd", "I'll"})
_SENTENCE_ENDS = frozenset('.!?"“”\n:')
_ARTICLES = frozenset({"the", "a", "an"})
# Where the words before a mention's head end ("the University of Texas", "Holt, who").
_CHUNK_ENDS = frozenset(
    {"of", "in", "from", "at", "for", "with", "on", "by", "to", "who", "which", "that", "whose"}
)
_PUNCT = ",;:()[]\"'“”‘’"


@dataclass(frozen=True)
class Mention:
    """One gold mention: its characters, cluster, entity type and Wikipedia identity."""

    start: int
    end: int
    text: str
    cluster: str
    etype: str
    identity: str


@dataclass(frozen=True)
class Document:
    id: str
    genre: str
    text: str
    published: str | None
    mentions: tuple[Mention, ...]
    part: str

    def is_named(self, mention: Mention) -> bool:
        """Whether the mention is a name: after a leading article, its words up to the first
        preposition, relative word or bracket are all capitalised ("Mayor Ann Holt", "the
        Food Standards of Australia", not "pregnant women in Australia"), and one of them is
        neither the pronoun I nor the first word of a sentence."""
        before = self.text[: mention.start].rstrip()
        sentence_start = not before or before[-1] in _SENTENCE_ENDS
        words = mention.text.split()
        while words and words[0].lower() in _ARTICLES:
            words, sentence_start = words[1:], False
        chunk = []
        for word in words:
            if word in _CHUNK_ENDS or word[:1] in "([":
                break
            chunk.append(word.strip(_PUNCT))
            if word[-1:] in _PUNCT:
                break
        chunk = [w for w in chunk if w]
        if not chunk or not all(w[:1].isupper() or w[:1].isdigit() for w in chunk):
            return False
        telling = chunk[1:] if sentence_start else chunk
        return any(w[:1].isupper() and w not in _NOT_NAME_WORDS for w in telling)

    def scored_clusters(self) -> dict[str, list[Mention]]:
        """The person and organisation clusters with a named mention (or a Wikipedia
        identity): every mention of each, in text order. Fixed by the gold alone."""
        clusters: dict[str, list[Mention]] = defaultdict(list)
        for m in self.mentions:
            clusters[m.cluster].append(m)
        return {
            cid: ms
            for cid, ms in clusters.items()
            if ms[0].etype in SCORED_TYPES and any(m.identity or self.is_named(m) for m in ms)
        }


def read_documents(data_dir: str | Path, part: str | None = None) -> list[Document]:
    """The documents of ``DATA_DIR/dev.jsonl`` (of one part when ``part`` is given)."""
    path = Path(data_dir) / "dev.jsonl"
    if not path.is_file():
        raise InputError(f"{path} not found: give the GUM folder that holds dev.jsonl")
    docs: list[Document] = []
    seen: dict[str, int] = defaultdict(int)
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            raw = json.loads(line)
            genre = raw["genre"]
            mentions = tuple(
                Mention(
                    start=m["start"],
                    end=m["end"],
                    text=m["text"],
                    cluster=m["cluster"],
                    etype=m.get("etype", ""),
                    identity=m.get("identity") or "",
                )
                for m in raw["mentions"]
            )
            doc = Document(
                id=raw["id"],
                genre=genre,
                text=raw["text"],
                published=raw.get("published") or None,
                mentions=mentions,
                part=PARTS[seen[genre] % 2],
            )
        except (json.JSONDecodeError, KeyError, TypeError) as e:
            raise InputError(f"{path}:{n}: not a GUM document ({e})") from e
        seen[genre] += 1
        if part is None or doc.part == part:
            docs.append(doc)
    return docs
