"""The spaCy side: the pipeline (stage order), the layers stages write on a Doc, parse helpers."""
