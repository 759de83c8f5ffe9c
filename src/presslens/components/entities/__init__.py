"""Entities: one entity per person or organisation, with every way the article names it.

Reads spaCy's ``doc.ents`` and parse and fills ``layers(doc).entities`` and
``layers(doc).mention_entity``, in linear passes:

1. names: NER spans cleaned of "the", "'s", honorifics and titles, plus names
   after an honorific or title that NER missed ("Mayor Ana Ruiz");
2. people merged by name ("Maria Lopez" = "Lopez" = "Ms Lopez"), NER labels
   corrected by consistency (a known person's surname is that person, whatever
   its label, and also where NER missed it);
3. organisations and places merged by name, acronym ("(WHO)", initials) and
   alias ("U.S." = "United States");
4. titles before a name, in appositives ("Hugh Hill, a doctor, said") and as
   nominals ("the mayor"); organisation nouns ("the ministry", "police");
5. pronouns, to the most recent compatible person (an organisation only in
   clear cases), skipped when unsure: a wrong link is worse than none.

Every word list lives in ``resources/lexicons/entities/*.json`` (read by ``lexicon``). The
modules, in the order the component (``component``) runs them, all sharing one ``context``
of the Doc and building the ``drafts`` of entities: ``names`` (with ``titles`` for the
honorifics and titles before a name), ``people``, ``organisations``, ``holders`` (titles
linked to their holders), ``pronouns``.
"""

from presslens.components.entities.component import EntitiesComponent, make_entities
from presslens.components.entities.lexicon import EntityLexicon

__all__ = ["EntitiesComponent", "EntityLexicon", "make_entities"]
