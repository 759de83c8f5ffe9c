"""spaCy-free text cores: quotation marks, words, figures with units, time expressions."""
