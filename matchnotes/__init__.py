"""MatchNotes: a desktop notebook for football matches."""

__version__ = "0.1.0"
