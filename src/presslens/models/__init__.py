"""Every shipped scorer (cues, check-worthiness, stance, framing, MiniLM) and their one loader."""
