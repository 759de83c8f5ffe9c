"""How sure the quotes stage is of each kind of attribution: every confidence, named once."""

from __future__ import annotations

# A speech verb with its quotation, direct or partial: '"We will," said Ruiz'.
QUOTED_SPEECH = 0.9
# A speech verb with reported content ('said that ...'), and a verbless colon or dash
# attribution ('Ruiz: "..."', '"..." — Ruiz'); a cue only the cue model knows gets this
# times the model's probability.
REPORTED_SPEECH = 0.8
ACCORDING_TO = 0.85  # 'according to Ruiz, ...'
# A belief verb ('believes that ...'), and a heading read as 'Speaker: what was said'.
BELIEF = 0.6
NO_SPEAKER = 0.2  # taken off an attribution whose cue has no speaker
CONTINUATION = 0.25  # taken off a cueless continuation (from its quote's, at most QUOTED_SPEECH)
LOWEST, HIGHEST = 0.05, 0.99  # the range a reported confidence is kept in
DIGITS = 3  # confidences are rounded to this many decimals
