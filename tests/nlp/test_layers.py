"""The layers every stage reads and writes: one object per Doc, found without spaCy's
accessor (the fast path must stay the one in use)."""

from spacy.lang.en import English

from presslens.nlp.layers import _USER_DATA_KEY, doc_text, layers


def test_layers_are_one_object_per_doc_kept_where_spacy_keeps_extensions():
    doc = English().make_doc("Ann Lee said it rained.")
    first = layers(doc)
    assert layers(doc) is first and doc._.presslens is first
    assert doc.user_data[_USER_DATA_KEY] is first  # the fast path, not the accessor
    assert doc_text(doc) == doc.text and layers(English().make_doc("x")) is not first
