"""What every entity pass shares for one Doc: its tokens as plain lists, its sentences, and the
drafts and mentions found so far."""

from __future__ import annotations

from functools import cached_property

from spacy.attrs import DEP, ENT_TYPE, IDX, LOWER, ORTH, POS, SENT_START, TAG
from spacy.tokens import Doc

from presslens.components.entities.drafts import Draft, Mention
from presslens.components.entities.lexicon import EntityLexicon
from presslens.nlp.layers import doc_text
from presslens.nlp.quoted import quoted_stretches, token_quote_index

NOUNS = {"NOUN", "PROPN"}
DEFINITE = {"the"}
MAX_NAME_TOKENS = 4
MAX_ADJECTIVES = 3
_TOKEN_ATTRS = [ORTH, LOWER, POS, TAG, DEP, ENT_TYPE, IDX, SENT_START]


_KEEP = 1 << 18  # hashes TokenStrings remembers before starting afresh: memory stays bounded


class TokenStrings:
    """Strings and punctuation flags for the hashes of ``Doc.to_array``, kept across Docs (a
    hash always names the same string) up to ``_KEEP`` of each."""

    def __init__(self) -> None:
        self.strings: dict[int, str] = {}
        self.punct: dict[int, bool] = {}

    def of(self, doc: Doc, hashes: list[int]) -> list[str]:
        known = self.strings
        out = list(map(known.get, hashes))
        if None in out:
            if len(known) > _KEEP:
                known.clear()
            store = doc.vocab.strings
            for n, s in enumerate(out):
                if s is None:
                    out[n] = known[hashes[n]] = store[hashes[n]]
        return out

    def punct_or_space(self, doc: Doc, orths: list[int]) -> list[bool]:
        known, vocab = self.punct, doc.vocab
        if len(known) > _KEEP:
            known.clear()
        out = []
        for h in orths:
            flag = known.get(h)
            if flag is None:
                lexeme = vocab[h]
                flag = known[h] = lexeme.is_punct or lexeme.is_space
            out.append(flag)
        return out


class Context:
    """One Doc as the entity passes read it, and the drafts and mentions they add."""

    def __init__(self, lex: EntityLexicon, doc: Doc, strings: TokenStrings) -> None:
        self.lex = lex
        self.doc = doc
        self.text = doc_text(doc)
        self.parsed = doc.has_annotation("DEP")
        self.n = len(doc)
        self._read_tokens(strings)
        self.covered = [False] * self.n  # tokens inside a mention already found
        self.drafts: list[Draft] = []
        self.mentions: list[Mention] = []
        self.name_starts: dict[int, Mention] = {}  # character start -> name mention
        self.title_case: list[tuple[int, int]] = []  # title-case lines, found with the names

    def _read_tokens(self, strings: TokenStrings) -> None:
        """Token attributes as plain lists, read in one array: a Token object per access is slow."""
        doc = self.doc
        columns = doc.to_array(_TOKEN_ATTRS).T.tolist() if self.n else [[]] * len(_TOKEN_ATTRS)
        orth, lower, pos, tag, dep, ent, idx, sent = columns
        self.words: list[str] = strings.of(doc, orth)
        self.lower: list[str] = strings.of(doc, lower)
        self.pos: list[str] = strings.of(doc, pos)
        self.tag: list[str] = strings.of(doc, tag)
        self.dep: list[str] = strings.of(doc, dep)
        self.ent: list[str] = strings.of(doc, ent)
        self.idx: list[int] = idx
        self.punct: list[bool] = strings.punct_or_space(doc, orth)
        sentences = doc.has_annotation("SENT_START")
        self.sent_of: list[int] = []  # token -> sentence number
        self.sent_start: list[int] = []  # sentence number -> first token
        for i, start in enumerate(sent):
            if not self.sent_start or (sentences and start == 1):
                self.sent_start.append(i)
            self.sent_of.append(len(self.sent_start) - 1)
        self.sent_start.append(self.n)

    @cached_property
    def quoted(self) -> list[int]:
        """Token -> number of the quoted stretch it is in, -1 outside quotes."""
        return token_quote_index(self.doc, quoted_stretches(self.doc))

    def end_char(self, i: int) -> int:
        return self.idx[i] + len(self.words[i])

    def text_of(self, start: int, end: int) -> str:
        """The text of tokens ``start:end``."""
        return self.text[self.idx[start] : self.end_char(end - 1)]

    def sent_bounds(self, i: int) -> tuple[int, int]:
        """First and end token of the sentence of token ``i``."""
        n = self.sent_of[i]
        return self.sent_start[n], self.sent_start[n + 1]

    def new(self, etype: str) -> Draft:
        draft = Draft(type=etype)
        self.drafts.append(draft)
        return draft

    def mention(self, draft: Draft, start_tok: int, end_tok: int, head: int, kind: str) -> None:
        """Add tokens ``start_tok:end_tok`` as a mention of ``draft``; they are then covered."""
        m = Mention(self.idx[start_tok], self.end_char(end_tok - 1), head, kind)
        draft.add(m)
        self.mentions.append(m)
        if kind == "name":
            self.name_starts.setdefault(m.start, m)
        for i in range(start_tok, end_tok):
            self.covered[i] = True

    def in_title_case(self, i: int) -> bool:
        """Whether token ``i`` is on a title-case line (a US-style headline, a caption)."""
        offset = self.idx[i]
        return any(s <= offset < e for s, e in self.title_case)

    def name_mention_at(self, start_tok: int) -> Mention | None:
        """The name mention starting at token ``start_tok``, if any."""
        return self.name_starts.get(self.idx[start_tok])
