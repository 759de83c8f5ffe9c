"""The ``presslens train`` commands that rebuild the shipped models under resources/models/."""
