"""The app's vocabularies as plain enums, stored as their values (see models._enum).

Kept apart from the SQLModel tables so that the screens and read models can use
them without importing SQLAlchemy (the window paints before the database stack loads).
"""

from __future__ import annotations

import enum


class PersonRole(enum.StrEnum):
    PLAYER = "player"
    MANAGER = "manager"
    REFEREE = "referee"
    OTHER = "other"


class MatchStatus(enum.StrEnum):
    SCHEDULED = "scheduled"
    LIVE = "live"
    FINISHED = "finished"


class Decision(enum.StrEnum):
    """How the result was reached."""

    REGULAR = "regular"
    EXTRA_TIME = "extra_time"
    PENALTIES = "penalties"


class Attendance(enum.StrEnum):
    """The fan's own relation to a match."""

    NONE = "none"
    ATTENDED = "attended"
    WATCHED = "watched"


class PhotoKind(enum.StrEnum):
    """What a picture attached to a match is."""

    PHOTO = "photo"
    TICKET = "ticket"


class LineupRole(enum.StrEnum):
    STARTER = "starter"
    SUBSTITUTE = "substitute"
    MANAGER = "manager"


class Period(enum.StrEnum):
    FIRST_HALF = "1H"
    SECOND_HALF = "2H"
    EXTRA_FIRST = "ET1"
    EXTRA_SECOND = "ET2"
    SHOOTOUT = "PSO"


class MomentKind(enum.StrEnum):
    GOAL = "goal"
    PENALTY_GOAL = "penalty_goal"
    PENALTY_MISSED = "penalty_missed"
    PENALTY_SAVED = "penalty_saved"
    PENALTY_AWARDED = "penalty_awarded"
    OWN_GOAL = "own_goal"
    YELLOW = "yellow"
    SECOND_YELLOW = "second_yellow"
    RED = "red"
    SUBSTITUTION = "substitution"
    VAR = "var"
    CHANCE = "chance"
    SAVE = "save"
    INJURY = "injury"
    NOTE = "note"


class QuoteContext(enum.StrEnum):
    POST_MATCH_INTERVIEW = "post_match_interview"
    PRESS_CONFERENCE = "press_conference"
    MIXED_ZONE = "mixed_zone"
    PRE_MATCH = "pre_match"
    OTHER = "other"


class SearchKind(enum.StrEnum):
    """Result kinds, in the order results are grouped."""

    MATCH = "match"
    PERSON = "person"
    TEAM = "team"
    MOMENT = "moment"
    QUOTE = "quote"
    NOTE = "note"
