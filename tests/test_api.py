from presslens.schema import Analysis


def test_analysis_offsets_index_the_analysed_text(analyze):
    a = analyze("Body text about Ana Ruiz.", headline="Ruiz wins", published="2024-03-14")
    assert isinstance(a, Analysis)
    assert a.text.startswith("Ruiz wins\n\nBody text")
    assert a.source.published == "2024-03-14"
    assert a.text[a.headline.start : a.headline.end] == "Ruiz wins"
    for e in a.entities:
        for m in e.mentions:
            assert a.text[m.start : m.end] == m.text
