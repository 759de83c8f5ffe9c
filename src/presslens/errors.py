"""Errors that reach a user: each says what went wrong and how to fix it."""


class PresslensError(Exception):
    """Base class for every error presslens reports to a user."""


class InputError(PresslensError):
    """An article that cannot be read or analysed (empty, binary, too large, ...).

    ``article_id`` is the id the input gave the article, when it got that far
    (a JSONL record with an ``id`` but no usable text).
    """

    article_id: str | None = None


class NotFoundError(InputError):
    """A thing asked for by its id or name that the store does not hold (an article, an
    entity); the message says where the ids are listed."""


class ModelError(PresslensError):
    """A spaCy pipeline that cannot be loaded."""


class ModelFileError(PresslensError):
    """A shipped model file (``resources/models/``) that is missing or cannot be read; the
    message names the file and the command that rebuilds it."""


class StoreError(PresslensError):
    """A corpus store that cannot be used (locked, unreachable, read-only, another schema)."""
