"""Match, person and season reports as Markdown (CommonMark with pipe tables).

User text is escaped so that a note containing ``<img ...>``, ``**`` or ``|`` shows
those characters instead of becoming markup, a picture or a broken table.
"""

from __future__ import annotations

import re

from matchnotes.reports.content import (
    Mark,
    MatchReport,
    QuoteRow,
    SeasonReport,
    SheetLine,
    TeamSheet,
)
from matchnotes.reports.person_content import PersonReport, apps_text

# ASCII punctuation that can start markup (or an entity) anywhere in a line.
_SPECIAL = re.compile(r"([\\`*_\[\]<>|~&])")
# What would start a heading, list, quote or rule at the left margin: "# ", "- ", "1. ".
_LINE_START = re.compile(r"^(\s*)(?:([-+*>#=])|(\d+)([.)]))")

MARK_SYMBOLS = {  # (symbol, after the minute)
    Mark.GOAL: ("⚽", ""),
    Mark.PEN_GOAL: ("⚽", " (pen)"),
    Mark.OWN_GOAL: ("⚽", " (og)"),
    Mark.ASSIST: ("assist", ""),
    Mark.PEN_MISSED: ("✕", " (pen missed)"),
    Mark.PEN_SAVED: ("✕", " (pen saved)"),
    Mark.YELLOW: ("🟨", ""),
    Mark.SECOND_YELLOW: ("🟨🟥", ""),
    Mark.RED: ("🟥", ""),
    Mark.ON: ("▲", ""),
    Mark.OFF: ("▼", ""),
}


def esc(text: str) -> str:
    """Escape user text for inline use: one line, no markup."""
    return _SPECIAL.sub(r"\\\1", " ".join(text.split()))


def esc_block(text: str) -> str:
    """Escape a multi-line user text (a note) keeping its line breaks as hard breaks."""
    lines = [_line_start(_SPECIAL.sub(r"\\\1", line.rstrip())) for line in text.splitlines()]
    return "\\\n".join(line for line in lines if line.strip())


def _line_start(line: str) -> str:
    def escape(m: re.Match[str]) -> str:
        lead, symbol, digits, dot = m.groups()
        return f"{lead}\\{symbol}" if symbol else f"{lead}{digits}\\{dot}"

    return _LINE_START.sub(escape, line)


def _table(header: list[str], rows: list[list[str]]) -> list[str]:
    """A pipe table; cells must already be escaped."""
    out = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    out += ["| " + " | ".join(cell or " " for cell in row) + " |" for row in rows]
    return [*out, ""]


def _marks(line: SheetLine) -> str:
    return ", ".join(
        f"{MARK_SYMBOLS[mark][0]} {esc(minute)}{MARK_SYMBOLS[mark][1]}"
        for mark, minute in line.marks
    )


def _sheet(sheet: TeamSheet) -> list[str]:
    out = [f"### {esc(sheet.team)}", ""]
    rows = [
        [esc(p.number), esc(p.name) + (" (c)" if p.captain else ""), esc(p.position), _marks(p)]
        for p in sheet.starters
    ]
    out += _table(["#", "Starting XI", "Pos", ""], rows) if rows else []
    subs = [[esc(p.number), esc(p.name), esc(p.position), _marks(p)] for p in sheet.substitutes]
    out += _table(["#", "Substitutes", "Pos", ""], subs) if subs else []
    if sheet.managers:
        out += ["Manager: " + ", ".join(esc(m) for m in sheet.managers), ""]
    return out


def _quotes(quotes: list[QuoteRow]) -> list[str]:
    out = []
    for q in quotes:
        source = ", ".join(x for x in (esc(q.speaker), q.context.lower(), esc(q.about)) if x)
        source += f" _(logged by {esc(q.author)})_" if q.author else ""
        out += [f"> “{esc(q.text)}”", ">", f"> — {source}", ""]
    return out


def _notes(notes: list[str]) -> list[str]:
    return [line for note in notes for line in (esc_block(note), "")]


def match_markdown(r: MatchReport) -> str:
    out = [f"# {esc(r.home)} {r.score} {esc(r.away)}", ""]
    if r.competition_line:
        out += [f"**{esc(r.competition_line)}**", ""]
    out += [" · ".join(r.result_lines), ""] if r.result_lines else []
    out += [f"- {label}: {esc(value)}" for label, value in r.facts] + [""]
    if not all(s.empty for s in r.sheets):
        out += ["## Line-ups", ""]
        for sheet in r.sheets:
            out += _sheet(sheet) if not sheet.empty else []
    if r.moments:
        rows = [
            [
                esc(m.minute),
                esc(m.what),
                esc(m.team),
                esc(m.who)
                + (f" — {esc(m.description)}" if m.description else "")
                + (f" _(logged by {esc(m.author)})_" if m.author else ""),
                m.score,
            ]
            for m in r.moments
        ]
        out += ["## Key moments", "", *_table(["Minute", "Moment", "Team", "Who", "Score"], rows)]
    out += ["## Quotes", "", *_quotes(r.quotes)] if r.quotes else []
    out += ["## Notes", "", *_notes(r.notes)] if r.notes else []
    out += ["## Report draft", "", *_draft(r.draft)] if r.draft else []
    return "\n".join(out).rstrip() + "\n"


def _draft(paragraphs: list[tuple[str, str]]) -> list[str]:
    """Headline as a heading, stand-first in bold, then the paragraphs."""
    out: list[str] = []
    for section, text in paragraphs:
        if section == "headline":
            out += [f"### {esc(text)}", ""]
        elif section == "standfirst":
            out += [f"**{esc(text)}**", ""]
        else:
            out += [esc_block(text), ""]
    return out


def person_markdown(r: PersonReport) -> str:
    out = [f"# {esc(r.name)}", ""]
    out += [esc(r.subtitle), ""] if r.subtitle else []
    out += [f"- {label}: {esc(value)}" for label, value in r.facts] + [""]
    if r.tallies:
        header = ["Team", "Apps", "Starts", "Goals", "Pens", "Missed", "Assists", "🟨", "🟥"]
        rows = [
            [esc(t.team)]
            + [apps_text(t)]
            + [str(n) for n in (t.starts, t.goals, t.penalties_scored)]
            + [str(n) for n in (t.penalties_missed, t.assists, t.yellow_cards, t.red_cards)]
            for t in r.tallies
        ]
        out += ["## Record", "", *_table(header, rows)]
    if r.matches:
        rows = [[esc(d), esc(c), esc(m)] for d, c, m in r.matches]
        out += ["## Matches", "", *_table(["Date", "Competition", "Match"], rows)]
    if r.moments:
        rows = [
            [esc(m.date), esc(m.match), esc(m.minute), esc(m.what), esc(m.detail)]
            for m in r.moments
        ]
        out += ["## Moments", "", *_table(["Date", "Match", "Minute", "Moment", "Detail"], rows)]
    out += ["## Quotes", "", *_quotes(r.quotes)] if r.quotes else []
    out += ["## Notes", "", *_notes(r.notes)] if r.notes else []
    return "\n".join(out).rstrip() + "\n"


def season_markdown(r: SeasonReport) -> str:
    out = [f"# {esc(r.title)}", "", r.summary, ""]
    if r.rows:
        header = ["Date", r.competition_header, "Match", "Ground", "Seen", "Rating"]
        rows = [
            [esc(x.date), esc(x.competition), esc(x.match), esc(x.venue), x.seen, x.rating]
            for x in r.rows
        ]
        out += ["## Matches", "", *_table(header, rows)]
    if r.grounds:
        out += ["## Grounds visited", ""]
        out += [f"- {esc(g)}" + (f" ({n}×)" if n > 1 else "") for g, n in r.grounds] + [""]
    if r.notes:
        out += ["## Notes", ""]
        for heading, notes in r.notes:
            out += [f"### {esc(heading)}", "", *_notes(notes)]
    return "\n".join(out).rstrip() + "\n"
