"""Readers, record types and splits of the public benchmarks, used by ``evaluate`` and ``training``.

Each module reads one benchmark where it lies (never copied) and says which part of it
is held out: ``fnc1`` (bodies by a hash of their id), ``ptc`` (every third article),
``checkthat`` (its own files, and the cross-validation folds over them), ``polnear``
(its split folders), ``timebank``, ``plover`` and the hand-written ``headlines`` cases.
"""
