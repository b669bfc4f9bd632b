"""Facts -> a draft: which facts make the story, in order, each phrased by wording_en.

The phrasing of each fact is chosen by a seed from the match id and the fact's key, so
drafts of two matches do not read alike while one match's draft is reproducible.
"""

from __future__ import annotations

import hashlib
from typing import Any

from matchnotes.draft import wording_en as W
from matchnotes.draft.facts import Goal, MatchFacts, Miss, Player, QuoteFact, Source
from matchnotes.draft.model import Draft, Sentence

LATE_MINUTE = 70  # a miss from here on, by the side that did not win, is "the late miss"


class _Writer:
    def __init__(self, facts: MatchFacts) -> None:
        self.f = facts
        self.sentences: list[Sentence] = []
        self.paragraph = 0
        self.named: set[int] = set()  # speakers already introduced

    def pick(self, key: str, options: list[str]) -> str:
        digest = hashlib.sha1(f"{self.f.match_id}:{key}".encode(), usedforsecurity=False)
        return options[int(digest.hexdigest(), 16) % len(options)]

    def add(self, key: str, section: str, text: str, *sources: Source | None) -> None:
        srcs = tuple(dict.fromkeys(s for s in sources if s is not None))
        self.sentences.append(Sentence(key, section, self.paragraph, _capital(text), srcs))

    def new_paragraph(self) -> None:
        self.paragraph += 1

    def minute_phrase(self, key: str, minute: str, n: int, stoppage: int) -> str:
        if stoppage:
            return self.pick(key + ":minute", W.MINUTE_STOPPAGE).format(minute=minute)
        return self.pick(key + ":minute", W.MINUTE).format(n=n, ordinal=W.ordinal(n))


def compose(facts: MatchFacts) -> Draft:
    w = _Writer(facts)
    decisive = _decisive(facts)
    values = _match_values(facts)
    kind = decisive[0]
    headline_kind = kind
    if kind == "miss":
        values.update(_miss_values(w, decisive[1]))
        if decisive[1].how == "over the bar":
            headline_kind = "miss_over"
    elif kind == "winner":
        goal = decisive[1]
        values.update(
            scorer=goal.scorer.name,
            scorer_pos=W.possessive(goal.scorer.name),
            scorer_last=_last(goal.scorer.name),
            scorer_last_pos=W.possessive(_last(goal.scorer.name)),
            minute_phrase=w.minute_phrase(
                "standfirst", goal.minute, goal.minute_number, goal.stoppage
            ),
        )
    source = decisive[1].source if kind in ("miss", "winner") else None
    headline = w.pick("headline", W.HEADLINE[headline_kind]).format(**values)
    w.add("headline", "headline", headline, facts.source, source)
    w.new_paragraph()
    standfirst = w.pick("standfirst", W.STANDFIRST[kind]).format(**values)
    w.add("standfirst", "standfirst", standfirst, facts.source, source)
    quotes_by_moment: dict[int, list[QuoteFact]] = {}
    for q in facts.quotes:
        if q.moment_id is not None:
            quotes_by_moment.setdefault(q.moment_id, []).append(q)
    events: list[Goal | Miss] = [*facts.goals, *facts.misses]
    events.sort(key=lambda e: (e.order, isinstance(e, Miss)))
    for event in events:
        w.new_paragraph()
        if isinstance(event, Goal):
            _goal(w, event)
        else:
            _miss(w, event)
        for q in quotes_by_moment.pop(event.source.ident, []):
            _quote(w, q)
    for q in facts.quotes:
        if q.moment_id is None or q.moment_id in quotes_by_moment:  # unplaced: at the end
            w.new_paragraph()
            _quote(w, q)
    w.new_paragraph()
    result = W.RESULT if facts.finished else W.RESULT_OPEN
    w.add("result", "body", w.pick("result", result).format(**values), facts.source)
    return Draft(facts.match_id, tuple(w.sentences))


def _decisive(f: MatchFacts) -> tuple[str, Any]:
    winner = f.winner_side
    if not f.finished:
        return ("open", None)
    if f.shootout is not None and winner is not None:
        return ("shootout", None)
    late = [
        m for m in f.misses
        if m.minute_number >= LATE_MINUTE and m.taker_side != winner
        and abs(m.score_at[0] - m.score_at[1]) <= 1
    ]  # fmt: skip
    if late and winner is not None:
        return ("miss", late[-1])
    if winner is None:
        return ("draw", None)
    decider = next((g for g in f.goals if g.winner), None)
    if decider is None or abs(f.score[0] - f.score[1]) != 1:
        return ("winner_plain", None)  # a wide margin: no single goal decided it
    return ("winner", decider)


def _match_values(f: MatchFacts) -> dict[str, Any]:
    h, a = f.score
    values: dict[str, Any] = {"home": f.home, "away": f.away, "h": h, "a": a}
    side = f.winner_side
    if side is not None:
        won, lost = (h, a) if side == 0 else (a, h)
        values.update(winner=f.team(side), loser=f.team(1 - side), w=won, l=lost)
    values["event"] = _event(f)
    values["at_venue"] = W.AT_VENUE.format(venue=f.venue) if f.venue else ""
    shootout = ""
    if f.shootout:
        sh, sa = f.shootout
        shootout = W.SHOOTOUT.format(sh=sh, sa=sa)
        values.update(sw=max(sh, sa), sl=min(sh, sa))
    elif f.extra_time:
        shootout = W.AFTER_EXTRA_TIME
    values["shootout"] = shootout
    return values


def _event(f: MatchFacts) -> str:
    competition = f.competition or ""
    if f.season and f.season not in competition:
        competition = f"{competition} {f.season}".strip()
    if not competition:
        return W.EVENT_NONE
    stage = f.stage or ""
    if not stage:
        return f"the {competition}"
    if stage.lower().startswith(W.KNOCKOUT_STAGES) or "place" in stage.lower():
        return W.EVENT.format(competition=competition, stage=stage[0].lower() + stage[1:])
    return W.EVENT_GROUP.format(competition=competition, stage=stage)


def _miss_values(w: _Writer, m: Miss) -> dict[str, Any]:
    return {
        "taker": m.taker.name,
        "taker_last": _last(m.taker.name),
        "taker_last_pos": W.possessive(_last(m.taker.name)),
        "miss_how": W.MISS_HOW_SHORT[m.how if m.how in W.MISS_HOW_SHORT else None],
        "minute_phrase": w.minute_phrase("standfirst", m.minute, m.minute_number, 0),
    }


def _goal(w: _Writer, g: Goal) -> None:
    key = f"goal:{g.source.ident}"
    h, a = g.score_after
    values: dict[str, Any] = {
        "scorer": g.scorer.name, "scorer_last": _last(g.scorer.name),
        "scorer_last_pos": W.possessive(_last(g.scorer.name)), "team": g.team,
        "team_pos": W.possessive(g.team), "h": h, "a": a,
        "minute_phrase": w.minute_phrase(key, g.minute, g.minute_number, g.stoppage),
        "own_team_pos": W.possessive(g.scorer.team or "their"),
    }  # fmt: skip
    how = ""
    if g.penalty:
        how = w.pick(key + ":pen", W.HOW_PENALTY)
    elif g.header and g.helper:
        how = w.pick(key + ":how", W.HOW_HEADER_ASSIST).format(
            helper=g.helper.name, helper_pos=W.possessive(g.helper.name)
        )
    elif g.header:
        how = w.pick(key + ":how", W.HOW_HEADER)
    elif g.helper:
        how = w.pick(key + ":how", W.HOW_ASSIST).format(helper=g.helper.name)
    if g.penalty and g.helper:
        how += w.pick(key + ":won", W.HOW_WON).format(helper=g.helper.name)
    if g.club_mate_keeper and g.scorer.club:
        how += w.pick(key + ":club", W.HOW_CLUB_MATE).format(
            keeper=g.club_mate_keeper.name, club=g.scorer.club, **values
        )
    values["how"] = how
    kind = _goal_kind(g)
    if kind == "ahead" and not _led_before(w.f, g):
        kind = "ahead_first"
    w.add(key, "body", w.pick(key, W.GOAL[kind]).format(**values), g.source)
    if g.winner and abs(w.f.score[0] - w.f.score[1]) == 1:
        w.add(key + ":winner", "body", w.pick(key + ":winner", W.WINNER), g.source)
    if g.nth_in_match == 3:
        w.add(
            key + ":hat-trick", "body", w.pick(key + ":ht", W.HAT_TRICK).format(**values), g.source
        )
    ms = g.milestone
    if ms is not None:
        kind = ms.record or ("first" if ms.nth == 1 else "nth")
        text = w.pick(key + ":milestone", W.MILESTONE[kind]).format(
            nth=W.ordinal(ms.nth), team=ms.team, holder=ms.holder or "",
            holder_pos=W.possessive(ms.holder or ""), n=ms.holder_goals, **_minus(values, "team"),
        )  # fmt: skip
        w.add(key + ":milestone", "body", text, g.source, ms.tally, ms.holder_source)


def _led_before(f: MatchFacts, g: Goal) -> bool:
    """Whether the scoring side had been ahead earlier (so now it is "ahead again")."""
    side = 0 if g.score_after[0] > g.score_before[0] else 1
    return any(x.score_after[side] > x.score_after[1 - side] for x in f.goals[: f.goals.index(g)])


def _goal_kind(g: Goal) -> str:
    if g.own_goal:
        return "own_goal"
    side = 0 if g.score_after[0] > g.score_before[0] else 1
    mine_before, theirs = g.score_before[side], g.score_before[1 - side]
    if sum(g.score_before) == 0:
        return "opener"
    if mine_before + 1 == theirs:
        return "equaliser"
    if mine_before == theirs:
        return "ahead"
    return "extend" if mine_before > theirs else "pull_back"


def _miss(w: _Writer, m: Miss) -> None:
    key = f"miss:{m.source.ident}"
    team = m.team
    mine, theirs = m.score_at[m.taker_side], m.score_at[1 - m.taker_side]
    level = (mine + 1, theirs) if m.taker_side == 0 else (theirs, mine + 1)
    if mine + 1 == theirs:
        chance = W.CHANCE["level"].format(h=level[0], a=level[1])
    elif mine == theirs:
        chance = W.CHANCE["ahead"].format(team=team)
    else:
        chance = W.CHANCE["other"]
    a_penalty = W.A_PENALTY[m.second_penalty]
    lead_in = ""
    if m.fouled_by and m.won_by:
        lead_in = w.pick(key + ":lead", W.MISS_LEAD_FOUL).format(
            fouler=m.fouled_by.name, won_by=m.won_by.name, team=team, a_penalty=a_penalty
        )
    elif m.won_by:
        lead_in = w.pick(key + ":lead", W.MISS_LEAD_WON).format(
            won_by=m.won_by.name, team=team, a_penalty=a_penalty
        )
    how = "saved" if m.saved else m.how
    taker = m.taker.name if m.taker.id in w.named else _introduce(m.taker)
    w.named.add(m.taker.id)
    text = w.pick(key, W.MISS).format(
        lead_in=lead_in, taker=taker, chance=chance,
        minute_phrase=w.minute_phrase(key, m.minute, m.minute_number, 0),
        miss_how=w.pick(key + ":how", W.MISS_HOW[how if how in W.MISS_HOW else None]),
    )  # fmt: skip
    w.add(key, "body", text, m.source, m.foul_source)


def _quote(w: _Writer, q: QuoteFact) -> None:
    key = f"quote:{q.source.ident}"
    said = {"text": q.text, "text_comma": q.text[:-1] + "," if q.text.endswith(".") else q.text}
    if q.speaker.id in w.named:
        text = w.pick(key, W.QUOTE_AGAIN).format(last=_last(q.speaker.name), **said)
    else:
        w.named.add(q.speaker.id)
        text = w.pick(key, W.QUOTE_FIRST).format(intro=_role(q.speaker), **said)
    w.add(key, "body", text, q.source)


def _role(p: Player) -> str:
    role = "manager" if p.manager else "captain" if p.captain else p.position
    if p.team and role in W.ROLE:
        return f"{W.ROLE[role].format(team=p.team)} {p.name}"
    return p.name


def _introduce(p: Player) -> str:
    """Name with role and age on first telling: "England captain Harry Kane, 29,"."""
    who = _role(p)
    return W.AGE.format(name=who, age=p.age) if p.age is not None else who


def _last(name: str) -> str:
    return name.split()[-1] if name.split() else name


def _minus(values: dict[str, Any], key: str) -> dict[str, Any]:
    return {k: v for k, v in values.items() if k != key}


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:] if text else text
