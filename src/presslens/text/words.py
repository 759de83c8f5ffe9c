"""Words of plain text as the headline check and the stance model compare them."""

from __future__ import annotations

import re

# a lower-cased word: letters and digits, with an apostrophe inside it kept ("don't", "it's")
WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
# curly apostrophes and the backtick, read as the straight apostrophe WORD keeps
APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "`": "'"})
