"""Words users see for the enums, shared by the CLI, the UI and the reports."""

from matchnotes.enums import (
    Attendance,
    Decision,
    LineupRole,
    MatchStatus,
    MomentKind,
    PersonRole,
    QuoteContext,
)

KIND_LABELS: dict[MomentKind, str] = {
    MomentKind.GOAL: "Goal",
    MomentKind.PENALTY_GOAL: "Penalty goal",
    MomentKind.PENALTY_MISSED: "Penalty missed",
    MomentKind.PENALTY_SAVED: "Penalty saved",
    MomentKind.PENALTY_AWARDED: "Penalty awarded",
    MomentKind.OWN_GOAL: "Own goal",
    MomentKind.YELLOW: "Yellow card",
    MomentKind.SECOND_YELLOW: "Second yellow",
    MomentKind.RED: "Red card",
    MomentKind.SUBSTITUTION: "Substitution",
    MomentKind.VAR: "VAR decision",
    MomentKind.CHANCE: "Big chance",
    MomentKind.SAVE: "Save",
    MomentKind.INJURY: "Injury",
    MomentKind.NOTE: "Note",
}
CONTEXT_LABELS: dict[QuoteContext, str] = {
    QuoteContext.POST_MATCH_INTERVIEW: "Post-match interview",
    QuoteContext.PRESS_CONFERENCE: "Press conference",
    QuoteContext.MIXED_ZONE: "Mixed zone",
    QuoteContext.PRE_MATCH: "Before the match",
    QuoteContext.OTHER: "Other",
}
STATUS_LABELS = {
    MatchStatus.SCHEDULED: "Scheduled",
    MatchStatus.LIVE: "Live",
    MatchStatus.FINISHED: "Finished",
}
DECISION_LABELS = {
    Decision.REGULAR: "In normal time",
    Decision.EXTRA_TIME: "After extra time",
    Decision.PENALTIES: "On penalties",
}
ATTENDANCE_LABELS = {
    Attendance.NONE: "—",
    Attendance.ATTENDED: "Attended",
    Attendance.WATCHED: "Watched",
}
ROLE_LABELS = {
    PersonRole.PLAYER: "Player",
    PersonRole.MANAGER: "Manager",
    PersonRole.REFEREE: "Referee",
    PersonRole.OTHER: "Other",
}
LINEUP_ROLE_LABELS = {
    LineupRole.STARTER: "Starting XI",
    LineupRole.SUBSTITUTE: "Substitutes",
    LineupRole.MANAGER: "Manager",
}
