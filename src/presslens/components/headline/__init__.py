"""Headline fidelity: does the body carry what the headline asserts, and as strongly?

The headline is split into assertions (a main-clause predicate: its verb or,
after a copula, the complement; with its subject). One pass over the body
sentences ranks them by the headline words they share; in the best ones each
predicate is looked up by lemma, synonym, graded scale and antonym
(``resources/lexicons/headline/lexicon.json``) and compared with the headline's:
polarity (contradicted; refuted when the body calls it false), strength on a
shared scale and certainty (modals, hedges like "is expected to", tentative
governors like "considering"), attribution (the body has it only inside
someone's quote or claim while the headline states it as fact), actor (another
subject entity, or doer and target swapped). A deed the headline names by a
noun ("confirms hospital closure") is checked like its verb. Figures in the
headline are checked against the body's figures of the same unit or act
(``presslens.text.numbers``); words quoted in the headline must occur in the body.
The FNC-1 stance of headline and body comes from ``presslens.models.stance``.

The modules, in the order they build on each other: ``lexicon`` (the vocabulary),
``forms`` (a word's forms and synonyms), ``predicates`` (how a predicate is asserted),
``body`` (the body's sentences and quotes), ``actors`` (who does and says it),
``assertions`` (reading the headline), ``evidence`` (the sentences ranked, the body's
matching predicates), ``verdict`` (problems, verdicts, findings), ``roles`` (doer and
target), ``judging`` (an assertion against the body), ``figures``, ``quotations`` (the
headline's quotes), ``stance`` and ``component`` (the check and its spaCy factory).
"""

from presslens.components.headline.component import (
    HeadlineComponent,
    check_headline,
    make_headline,
)
from presslens.components.headline.lexicon import HeadlineLexicon

__all__ = ["HeadlineComponent", "HeadlineLexicon", "check_headline", "make_headline"]
