"""The trained cue classifier: is this token part of an attribution cue ("said", "according")?

A logistic regression over features of the parse, trained on PolNeAR by
``presslens train cues`` (``presslens.training.cues``) and shipped as sparse JSON
weights in ``resources/models/cues.json``. Scoring is pure Python: a handful of
dictionary look-ups per token.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from pathlib import Path

from spacy.tokens import Token

from presslens.models.loader import ShippedModel
from presslens.nlp.parse import first_child
from presslens.nlp.syntax import NOMINAL_SUBJECTS

# Dependencies whose presence on a candidate says most about reported speech.
_TELLING_DEPS = frozenset(
    {"ccomp", "parataxis", "nsubj", "nsubjpass", "dobj", "dative", "xcomp", "prep", "agent"}
)


def features(tok: Token) -> list[str]:
    """The names of the features that fire for ``tok`` (the same at training and run time)."""
    lemma = tok.lemma_.lower()
    head = tok.head
    feats = [
        f"lemma={lemma}",
        f"lower={tok.lower_}",
        f"pos={tok.pos_}",
        f"tag={tok.tag_}",
        f"dep={tok.dep_}",
        f"lemma+dep={lemma}|{tok.dep_}",
        f"head={head.lemma_.lower() if head.i != tok.i else '<root>'}",
        f"head_pos={head.pos_}|{tok.dep_}",
    ]
    deps = {c.dep_ for c in tok.children}
    feats += [f"child={d}" for d in sorted(deps)]
    feats += [f"lemma+child={lemma}|{d}" for d in sorted(deps & _TELLING_DEPS)]
    subject = first_child(tok, *NOMINAL_SUBJECTS)
    if subject is not None:
        feats.append(f"subject={subject.ent_type_ or subject.pos_}")
        feats.append(f"subject_lemma={subject.lemma_.lower()}")
        feats.append(f"lemma+subject={lemma}|{subject.ent_type_ or subject.pos_}")
    for child in tok.children:
        if child.dep_ in ("dobj", "dative", "prep", "ccomp"):
            feats.append(f"child_lemma={child.dep_}|{child.lemma_.lower()}")
    doc = tok.doc
    prev_tok = doc[tok.i - 1] if tok.i > 0 else None
    next_tok = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    feats.append(f"prev={prev_tok.lower_ if prev_tok is not None else '<s>'}")
    feats.append(f"next={next_tok.lower_ if next_tok is not None else '</s>'}")
    sent = tok.sent
    quotes_before = sum(1 for t in doc[sent.start : tok.i] if t.is_quote)
    quotes_after = sum(1 for t in doc[tok.i + 1 : sent.end] if t.is_quote)
    quoted = quotes_before + quotes_after > 0
    feats.append(f"sent_quote={quoted}")
    feats.append(f"lemma+sent_quote={lemma}|{quoted}")
    if quotes_before % 2:
        feats.append("inside_quotes")
    window = doc[max(tok.i - 3, 0) : tok.i + 4]
    if any(t.is_quote for t in window):
        feats.append("near_quote")
        feats.append(f"lemma+near_quote={lemma}")
    return feats


@dataclass(frozen=True)
class CueModel:
    """Sparse logistic-regression weights over ``features``."""

    bias: float
    weights: dict[str, float]
    candidates: frozenset[str]

    def is_candidate(self, tok: Token) -> bool:
        """A verb, or a word whose lemma was seen in training cues ("according", "statement")."""
        return tok.pos_ == "VERB" or tok.lemma_.lower() in self.candidates

    def probability(self, tok: Token) -> float:
        """P(``tok`` is inside an attribution cue)."""
        weights = self.weights
        score = self.bias + sum(weights.get(f, 0.0) for f in features(tok))
        return 1.0 / (1.0 + math.exp(-score)) if score > -30 else 0.0

    def to_json(self, **meta: object) -> str:
        data = {
            **meta,
            "bias": self.bias,
            "candidates": sorted(self.candidates),
            "weights": dict(sorted(self.weights.items())),
        }
        return json.dumps(data, ensure_ascii=False, indent=0)

    @classmethod
    def from_json(cls, text: str) -> CueModel:
        data = json.loads(text)
        return cls(
            bias=float(data["bias"]),
            weights={k: float(v) for k, v in data["weights"].items()},
            candidates=frozenset(data["candidates"]),
        )

    @classmethod
    def read(cls, path: Path) -> CueModel:
        return cls.from_json(path.read_text(encoding="utf-8"))


MODEL = ShippedModel(
    "cues.json", CueModel.read, "presslens train cues ../shared/data/polnear", "PolNeAR"
)


def load_cue_model() -> CueModel:
    """The shipped cue model (``resources/models/cues.json``), read once."""
    return MODEL.load()
