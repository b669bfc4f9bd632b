"""openfootball football.json (e.g. worldcup.json/2022/worldcup.json) -> MatchRecords.

Layout: {"name": "World Cup 2022", "matches": [{"round", "group", "date", "time",
"team1", "team2", "ground", "score": {"ht", "ft", "et", "p"}, "goals1", "goals2"}]},
goals as {"name", "minute", "offset", "penalty", "owngoal"}; an own goal is listed
under the side it counted for.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from matchnotes.enums import Decision, MatchStatus, MomentKind
from matchnotes.io.common import game_minute, kickoff, split_ground, split_season
from matchnotes.io.errors import ImportFileError, Problem, RecordError
from matchnotes.io.records import GoalRecord, MatchRecord, ParsedFile, Side
from matchnotes.text import clean, fold

FORMAT = "openfootball-json"


def parse_football_json(data: Any, source: str, skip_errors: bool = False) -> ParsedFile:
    if not isinstance(data, dict) or not isinstance(data.get("matches"), list):
        raise ImportFileError(source, None, "not an openfootball file: there is no “matches” list.")
    parsed = ParsedFile(FORMAT, source)
    title = data.get("name")
    competition, season = split_season(title) if isinstance(title, str) else (None, None)
    for i, raw in enumerate(data["matches"]):
        try:
            record = _match(raw, f"matches[{i}]")
        except RecordError as exc:
            if not skip_errors:
                raise ImportFileError(source, exc.where, exc.problem) from exc
            parsed.skipped.append(Problem(exc.where, exc.problem))
            continue
        if competition:
            record.competition = competition
            record.season = season or str(record.date.year)
        parsed.matches.append(record)
    _complete_short_names(parsed.matches)
    return parsed


def _match(raw: Any, where: str) -> MatchRecord:
    m = _object(raw, where)
    date_text = _text(m, "date", where)
    try:
        date = dt.date.fromisoformat(date_text)
    except ValueError:
        raise RecordError(f"{where}.date", f"“{date_text}” is not a date (YYYY-MM-DD).") from None
    record = MatchRecord(where=where, date=date, home=_team(m, "team1", where), away="")
    record.away = _team(m, "team2", where)
    if fold(record.home) == fold(record.away):
        raise RecordError(where, f"{record.home} cannot play against itself.")
    if m.get("time") is not None:
        record.kickoff_time = kickoff(f"{where}.time", _text(m, "time", where))
    stage = [clean(m[k]) for k in ("group", "round") if isinstance(m.get(k), str) and clean(m[k])]
    record.stage = ", ".join(stage) or None
    if m.get("ground") is not None:
        record.venue, record.venue_city = split_ground(_text(m, "ground", where))
    score = _object(m.get("score") or _old_score(m), f"{where}.score")
    ft, et, pens = (_pair(score, key, f"{where}.score") for key in ("ft", "et", "p"))
    record.score = et or ft
    record.status = MatchStatus.FINISHED if record.score else MatchStatus.SCHEDULED
    if record.score:
        record.decided_by = (
            Decision.PENALTIES if pens else Decision.EXTRA_TIME if et else Decision.REGULAR
        )
        record.penalties = pens
    if "goals1" in m or "goals2" in m:
        record.goals = []
        keys: tuple[tuple[str, Side], ...] = (("goals1", "home"), ("goals2", "away"))
        for key, side in keys:
            items = m.get(key) or []
            if not isinstance(items, list):
                raise RecordError(f"{where}.{key}", "expected a list of goals.")
            for j, goal in enumerate(items):
                record.goals.append(_goal(goal, f"{where}.{key}[{j}]", side, et is not None))
        record.goals.sort(key=lambda g: g.minute.sort_key)  # files list them in any order
    return record


def _goal(raw: Any, where: str, side: Side, extra_time: bool) -> GoalRecord:
    g = _object(raw, where)
    minute = _int(g, "minute", where, required=True)
    offset = _int(g, "offset", where) or 0
    kind = MomentKind.GOAL
    if _flag(g, "owngoal", where):
        kind = MomentKind.OWN_GOAL
    elif _flag(g, "penalty", where):
        kind = MomentKind.PENALTY_GOAL
    return GoalRecord(
        side=side,
        name=_text(g, "name", where),
        minute=game_minute(f"{where}.minute", minute or 0, offset, extra_time=extra_time),
        kind=kind,
    )


def _complete_short_names(records: list[MatchRecord]) -> None:
    """ "Mbappé" in one match and "Kylian Mbappé" elsewhere for the same team are one
    scorer: a one-word name takes the full name when exactly one fits."""
    full: dict[str, set[str]] = {}
    for r in records:
        for g in r.goals or []:
            full.setdefault(fold(r.home if g.side == "home" else r.away), set()).add(g.name)
    for r in records:
        for i, g in enumerate(r.goals or []):
            if " " in g.name.strip():
                continue
            team = fold(r.home if g.side == "home" else r.away)
            fits = {n for n in full.get(team, ()) if n.split()[-1:] == [g.name] and " " in n}
            if len(fits) == 1 and r.goals is not None:
                r.goals[i] = GoalRecord(g.side, fits.pop(), g.minute, g.kind)


def _team(m: dict[str, Any], key: str, where: str) -> str:
    """A team is a name, or in older files an object {"name", "code"}."""
    if isinstance(m.get(key), dict):
        return _text(m[key], "name", f"{where}.{key}")
    return _text(m, key, where)


def _old_score(m: dict[str, Any]) -> dict[str, Any]:
    """Older files (2018 and before) write "score1": 2, "score2": 1, "score1et"...."""
    score = {}
    for key, suffix in (("ft", ""), ("et", "et"), ("p", "p")):
        pair = [m.get(f"score1{suffix}"), m.get(f"score2{suffix}")]
        if pair != [None, None]:
            score[key] = pair
    return score


# --- typed access with the JSON path in every message ---------------------------------


def _object(value: Any, where: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise RecordError(where, f"expected an object, found {_show(value)}.")
    return value


def _text(obj: dict[str, Any], key: str, where: str) -> str:
    value = obj.get(key)
    if not isinstance(value, str) or not clean(value):
        raise RecordError(f"{where}.{key}", f"expected a text, found {_show(value)}.")
    return clean(value)


def _int(obj: dict[str, Any], key: str, where: str, required: bool = False) -> int | None:
    value = obj.get(key)
    if value is None and not required:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise RecordError(f"{where}.{key}", f"expected a whole number, found {_show(value)}.")
    return value


def _flag(obj: dict[str, Any], key: str, where: str) -> bool:
    value = obj.get(key, False)
    if not isinstance(value, bool):
        raise RecordError(f"{where}.{key}", f"expected true or false, found {_show(value)}.")
    return value


def _pair(obj: dict[str, Any], key: str, where: str) -> tuple[int, int] | None:
    value = obj.get(key)
    if value is None:
        return None
    if (
        not isinstance(value, list)
        or len(value) != 2
        or not all(isinstance(v, int) and not isinstance(v, bool) and 0 <= v <= 99 for v in value)
    ):
        raise RecordError(f"{where}.{key}", f"expected a score like [2, 1], found {_show(value)}.")
    return value[0], value[1]


def _show(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, str):
        return f"the text “{value[:40]}”"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (dict, list)):
        return "an object" if isinstance(value, dict) else "a list"
    return str(value)
