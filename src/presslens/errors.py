"""Errors that reach a user: each says what went wrong and how to fix it."""


class PresslensError(Exception):
    """Base class for every error presslens reports to a user."""


class InputError(PresslensError):
    """An article that cannot be read or analysed (empty, binary, too large, ...)."""


class ModelError(PresslensError):
    """A spaCy pipeline that cannot be loaded."""
