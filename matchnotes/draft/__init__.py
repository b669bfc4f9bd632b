"""The match report draft (pure, no Qt, no database): facts -> sentences with sources.

``facts`` holds what the services gathered; ``compose`` turns facts into sentences with
the phrasings of ``wording_en`` (all English words live there); ``model`` is the draft
itself (sentences, their sources, edits), stored as JSON by services/draft.py.
"""
