"""Dependency labels the stages read off spaCy's parse, each set named once."""

from __future__ import annotations

# A verb's nominal subject, active or passive: its speaker, its actor.
NOMINAL_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
# Any subject: nominal, clausal ("What he said was ..."), or an expletive ("There are ...").
CLAUSAL_SUBJECTS = frozenset({"csubj", "csubjpass"})
ANY_SUBJECTS = NOMINAL_SUBJECTS | CLAUSAL_SUBJECTS | {"expl"}
