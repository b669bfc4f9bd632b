"""Every English word a draft uses: several phrasings per fact, filled by compose.py.

Placeholders are filled with names and numbers from the database only. Another language
is another module with the same names. Phrasings avoid pronouns (a name's possessive
instead of "his"), so no player's gender is assumed.
"""

from __future__ import annotations

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")  # fmt: skip

HEADLINE = {
    "miss": [
        "{taker_last} misses late penalty as {winner} beat {loser}",
        "{winner} beat {loser} after {taker_last_pos} late penalty miss",
        "Late penalty miss by {taker_last} as {winner} beat {loser} {w}–{l}",
    ],
    "miss_over": [
        "{taker_last} blazes late penalty over as {winner} beat {loser}",
        "{winner} beat {loser} {w}–{l} after {taker_last} fires penalty over",
    ],
    "winner": [
        "{scorer_last} strikes as {winner} beat {loser} {w}–{l}",
        "{scorer_last_pos} goal settles it for {winner} against {loser}",
        "{winner} beat {loser} {w}–{l} with {scorer_last_pos} winner",
    ],
    "shootout": [
        "{winner} beat {loser} on penalties",
        "{winner} edge {loser} in a shoot-out after {h}–{a} draw",
    ],
    "draw": [
        "{home} and {away} draw {h}–{a}",
        "{home} {h}–{a} {away}: honours even",
    ],
    "winner_plain": ["{winner} beat {loser} {w}–{l}", "{w}–{l} win for {winner} over {loser}"],
    "open": ["{home} v {away}"],
}

STANDFIRST = {
    "miss": [
        "{winner} beat {loser} {w}–{l} in {event}{at_venue}, where {taker} {miss_how} "
        "{minute_phrase}.",
        "{taker} {miss_how} {minute_phrase} as {winner} beat {loser} {w}–{l} in {event}{at_venue}.",
    ],
    "winner": [
        "{scorer_pos} goal {minute_phrase} gave {winner} a {w}–{l} win over {loser} in "
        "{event}{at_venue}.",
        "{winner} beat {loser} {w}–{l} in {event}{at_venue}, {scorer} scoring the winner "
        "{minute_phrase}.",
    ],
    "shootout": [
        "{winner} beat {loser} {sw}–{sl} on penalties after a {h}–{a} draw in {event}{at_venue}.",
        "After a {h}–{a} draw in {event}{at_venue}, {winner} won the shoot-out {sw}–{sl}.",
    ],
    "draw": [
        "{home} and {away} drew {h}–{a} in {event}{at_venue}.",
        "It finished {home} {h}–{a} {away} in {event}{at_venue}.",
    ],
    "winner_plain": ["{winner} beat {loser} {w}–{l} in {event}{at_venue}."],
    "open": ["{home} against {away} in {event}{at_venue}."],
}

# A goal by the score it made (before -> after, from the scorer's team's side).
GOAL = {
    "opener": [
        "{scorer} opened the scoring for {team} {minute_phrase}{how}.",
        "{team} took the lead {minute_phrase} through {scorer}{how}.",
        "{scorer} put {team} ahead {minute_phrase}{how}.",
    ],
    "equaliser": [
        "{scorer} equalised for {team} {minute_phrase}{how}.",
        "{team} drew level {minute_phrase} through {scorer}{how}.",
        "{scorer} levelled the score at {h}–{a} {minute_phrase}{how}.",
    ],
    "ahead": [  # a side that had led before
        "{scorer} put {team} ahead again {minute_phrase}{how}.",
        "{team} went back in front {minute_phrase} through {scorer}{how}.",
    ],
    "ahead_first": [  # a side ahead for the first time, after trailing
        "{scorer} put {team} ahead {minute_phrase}{how}.",
        "{team} went ahead {minute_phrase} through {scorer}{how}.",
    ],
    "extend": [
        "{scorer} made it {h}–{a} {minute_phrase}{how}.",
        "{scorer} extended {team_pos} lead {minute_phrase}{how}.",
    ],
    "pull_back": [
        "{scorer} pulled one back for {team} {minute_phrase}{how}.",
        "{scorer} cut the deficit to {h}–{a} {minute_phrase}{how}.",
    ],
    "own_goal": [
        "{scorer} put the ball into {own_team_pos} own net {minute_phrase}, making it {h}–{a}.",
        "An own goal by {scorer} {minute_phrase} made it {h}–{a}.",
    ],
}
WINNER = [
    "It proved to be the winner.",
    "That goal decided the match.",
]
HOW_PENALTY = [" from the penalty spot", " from the spot"]
HOW_WON = [" after {helper} won the penalty", " once {helper} had won the penalty"]
HOW_ASSIST = [", assisted by {helper}", " from a pass by {helper}"]
HOW_HEADER_ASSIST = [" with a header, set up by {helper}", " heading in from {helper_pos} delivery"]
HOW_HEADER = [" with a header", " with a headed goal"]
HOW_CLUB_MATE = [
    ", beating {keeper}, {scorer_last_pos} club team-mate at {club}",
    ", past {keeper}, a team-mate at {club}",
]

MILESTONE = {
    "equalled": [
        "It was {scorer_last_pos} {nth} goal for {team}, level with {holder_pos} record of {n}.",
        "The goal was {scorer_last_pos} {nth} for {team}, drawing level with {holder_pos} "
        "record of {n}.",
    ],
    "broken": [
        "It was {scorer_last_pos} {nth} goal for {team}, passing {holder_pos} record of {n}.",
        "With {scorer_last_pos} {nth} goal for {team}, the record of {holder} ({n}) fell.",
    ],
    "first": [
        "It was {scorer_last_pos} first goal for {team}.",
        "The goal was {scorer_last_pos} first for {team}.",
    ],
    "nth": [
        "It was {scorer_last_pos} {nth} goal for {team}.",
        "The goal was {scorer_last_pos} {nth} for {team}.",
    ],
}
HAT_TRICK = [
    "That completed a hat-trick for {scorer_last}.",
    "That made it a hat-trick for {scorer_last}.",
]

MISS = [
    "{lead_in}{taker} had the chance {chance} {minute_phrase}, but {miss_how}.",
    "{lead_in}{taker} stepped up {minute_phrase} with the chance {chance}, but {miss_how}.",
]
MISS_LEAD_FOUL = [
    "After {fouler} was booked for bringing down {won_by}, {team} had {a_penalty}. ",
    "{fouler} was booked for a foul on {won_by}, and {team} had {a_penalty}. ",
]
MISS_LEAD_WON = [
    "{won_by} won {a_penalty} for {team}. ",
    "{team} had {a_penalty}, won by {won_by}. ",
]
A_PENALTY = {False: "a penalty", True: "a second penalty"}
CHANCE = {
    "level": "to level the score at {h}–{a}",
    "ahead": "to put {team} ahead",
    "other": "to score from the spot",
}
MISS_HOW = {
    "over the bar": ["sent the ball over the bar", "fired over the bar"],
    "post": ["hit the post", "struck the woodwork"],
    "saved": ["saw the kick saved", "was denied by the goalkeeper"],
    None: ["missed", "failed to score"],
}
# In the stand-first: "…, where Harry Kane sent a late penalty over the bar".
MISS_HOW_SHORT = {
    "over the bar": "sent a late penalty over the bar",
    "post": "hit the post with a late penalty",
    "saved": "had a late penalty saved",
    None: "missed a late penalty",
}

QUOTE_FIRST = [
    "{intro} said: “{text}”",
    "“{text_comma}” said {intro}.",
    "Afterwards {intro} said: “{text}”",
]
QUOTE_AGAIN = [
    "{last} said afterwards: “{text}”",
    "“{text_comma}” {last} said.",
]
ROLE = {
    "manager": "{team} manager",
    "captain": "{team} captain",
    "GK": "{team} goalkeeper",
    "DF": "{team} defender",
    "MF": "{team} midfielder",
    "FW": "{team} forward",
}
AGE = "{name}, {age},"

RESULT = [
    "Final score: {home} {h}–{a} {away}{shootout}.",
    "Result: {home} {h}–{a} {away}{shootout}.",
]
RESULT_OPEN = ["Score so far: {home} {h}–{a} {away}."]
SHOOTOUT = " ({sh}–{sa} on penalties)"
AFTER_EXTRA_TIME = " after extra time"

EVENT = "the {competition} {stage}"
EVENT_GROUP = "the {competition} ({stage})"
EVENT_NONE = "their match"
AT_VENUE = " at {venue}"
# Stages read as a common noun in a sentence ("the World Cup quarter-final").
KNOCKOUT_STAGES = ("final", "semi-final", "quarter-final", "round of", "third place", "play-off")

MINUTE = ["in the {ordinal} minute", "on {n} minutes", "after {n} minutes"]
MINUTE_STOPPAGE = ["in stoppage time ({minute})", "at {minute}"]


def ordinal(n: int) -> str:
    if 10 <= n % 100 <= 20:
        return f"{n}th"
    return f"{n}{ {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th') }".replace(" ", "")


def possessive(name: str) -> str:
    return f"{name}’s"
