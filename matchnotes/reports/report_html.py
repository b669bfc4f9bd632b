"""Report content as the HTML subset QTextDocument understands (for the PDF renderer).

Pure: no Qt. Every user string goes through `esc` (html.escape), so a note holding
``<b>`` or ``<img src=...>`` prints those characters and never becomes markup; the
PDF renderer additionally refuses to load any resource. `esc` also drops bidi controls,
which would reorder a whole line around a name.
"""

from __future__ import annotations

import html

from matchnotes.reports.content import (
    Mark,
    MatchReport,
    QuoteRow,
    SeasonReport,
    SheetLine,
    TeamSheet,
)
from matchnotes.reports.person_content import PersonReport, apps_text

INK, MUTED, RULE, STRIPE = "#1f2328", "#6b7280", "#d1d5db", "#f3f4f6"
YELLOW, RED, GREEN = "#e0a800", "#d62828", "#15803d"
# Lengths in px (1/96 inch): Qt's rich text ignores pt margins.
CSS = f"""
body {{ color: {INK}; }}
h1 {{ font-size: 19pt; font-weight: 600; margin-top: 0; margin-bottom: 2px; }}
h2 {{ font-size: 12pt; font-weight: 600; margin-top: 6px; margin-bottom: 6px; }}
.gap {{ font-size: 5pt; margin: 0; }}
h3 {{ font-size: 10.5pt; font-weight: 600; margin-top: 6px; margin-bottom: 3px; }}
p {{ margin-top: 0; margin-bottom: 5px; }}
.muted {{ color: {MUTED}; }}
.small {{ font-size: 7.5pt; }}
.kicker {{ color: {MUTED}; font-size: 9pt; font-weight: 600; margin-bottom: 2px; }}
.team {{ font-size: 17pt; font-weight: 600; }}
.score {{ font-size: 24pt; font-weight: 700; }}
.min {{ font-weight: 600; }}
.quote {{ font-style: italic; margin-left: 16px; margin-bottom: 2px; white-space: pre-wrap; }}
.attr {{ color: {MUTED}; margin-left: 16px; margin-bottom: 10px; }}
.note {{ white-space: pre-wrap; margin-bottom: 8px; }}
"""
# Room for the drawn timeline: the renderer finds this block by its line height in px.
SPACER = '<p style="line-height: {px:.0f}px; margin-top: 6pt; margin-bottom: 0">&nbsp;</p>'

FAN_FACTS = ("Seen", "Rating", "Tags")
_MARKS = {
    Mark.GOAL: ("●", INK, ""),
    Mark.PEN_GOAL: ("●", INK, " (pen)"),
    Mark.OWN_GOAL: ("●", RED, " (og)"),
    Mark.ASSIST: ("assist", MUTED, ""),
    Mark.PEN_MISSED: ("✕", RED, " (pen)"),
    Mark.PEN_SAVED: ("✕", RED, " (pen saved)"),
    Mark.YELLOW: ("▮", YELLOW, ""),
    Mark.SECOND_YELLOW: ("▮", YELLOW, ""),
    Mark.RED: ("▮", RED, ""),
    Mark.ON: ("▲", GREEN, ""),
    Mark.OFF: ("▼", RED, ""),
}


# Explicit bidi embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069): one
# in a name would reorder the rest of the printed line around it ("evil" as "live").
_BIDI_CONTROLS = dict.fromkeys([*range(0x202A, 0x202F), *range(0x2066, 0x206A)])


def esc(text: str) -> str:
    return html.escape(text.translate(_BIDI_CONTROLS), quote=True)


def h2(title: str) -> str:
    """A section heading; the spacer before it keeps its distance from a table above,
    where Qt drops a heading's top margin."""
    return f'<p class="gap">&nbsp;</p><h2>{title}</h2>'


def nowrap(text: str) -> str:
    """Escaped, with non-breaking spaces: for dates and other short cells."""
    return esc(text).replace(" ", "&nbsp;")


def _facts(facts: list[tuple[str, str]]) -> str:
    """Label-value pairs on one line; a line only breaks after a separator."""
    return "&nbsp;&nbsp;·&nbsp; ".join(
        f'<span class="muted">{esc(label)}</span>&nbsp;{esc(value)}' for label, value in facts
    )


def _mark(mark: Mark, minute: str) -> str:
    symbol, colour, suffix = _MARKS[mark]
    lead = f'<span style="color:{RED}">▮</span>' if mark is Mark.SECOND_YELLOW else ""
    return f'<span style="color:{colour}">{symbol}</span>{lead}&nbsp;{esc(minute)}{suffix}'


def _table(header: list[str], rows: list[list[str]], widths: list[int] | None = None) -> str:
    """A striped table; cells are HTML already."""
    widths = widths or [0] * len(header)
    head = "".join(
        f'<td{f" width={w}%" if w else ""}><span class="muted small">{h}</span></td>'
        for h, w in zip(header, widths, strict=True)
    )
    body = "".join(
        f"<tr{f' bgcolor={STRIPE}' if n % 2 else ''}>"
        + "".join(f"<td>{c}</td>" for c in row)
        + "</tr>"
        for n, row in enumerate(rows)
    )
    return f'<table width="100%" cellspacing="0" cellpadding="3"><tr>{head}</tr>{body}</table>'


def _sheet_rows(lines: list[SheetLine]) -> str:
    return "".join(
        f'<tr><td width="8%" align="right" class="muted">{esc(p.number)}</td>'
        f"<td>{esc(p.name)}{' (c)' if p.captain else ''}"
        + "".join(f" &nbsp;{_mark(m, minute)}" for m, minute in p.marks)
        + f'</td><td width="10%" class="muted small">{esc(p.position)}</td></tr>'
        for p in lines
    )


def _sheet(sheet: TeamSheet) -> str:
    out = f"<h3>{esc(sheet.team)}</h3>"
    out += f'<table width="100%" cellspacing="0" cellpadding="2">{_sheet_rows(sheet.starters)}'
    if sheet.substitutes:
        out += '<tr><td></td><td colspan="2"><span class="muted small">Substitutes</span></td></tr>'
        out += _sheet_rows(sheet.substitutes)
    out += "</table>"
    if sheet.managers:
        names = ", ".join(esc(m) for m in sheet.managers)
        out += f'<p><span class="muted small">Manager</span> &nbsp;{names}</p>'
    return out


def _quotes(quotes: list[QuoteRow]) -> str:
    out = h2("Quotes")
    for q in quotes:
        about = f" · {esc(q.about)}" if q.about else ""
        about += f" · logged by {esc(q.author)}" if q.author else ""
        out += f'<p class="quote">“{esc(q.text)}”</p>'
        out += f'<p class="attr">— {esc(q.speaker)}, {esc(q.context.lower())}{about}</p>'
    return out


def _notes(notes: list[str]) -> str:
    return h2("Notes") + "".join(f'<p class="note">{esc(n)}</p>' for n in notes)


def match_html(r: MatchReport, timeline_px: float = 0) -> str:
    """The match summary; `timeline_px` > 0 leaves that much room for the drawn timeline."""
    out = f'<p align="center" class="kicker">{esc(r.competition_line)}</p>'
    out += (
        '<table width="100%" cellspacing="0" cellpadding="0"><tr>'
        f'<td width="40%" align="right" valign="middle" class="team">{esc(r.home)}</td>'
        f'<td width="20%" align="center" class="score">{esc(r.score)}</td>'
        f'<td width="40%" valign="middle" class="team">{esc(r.away)}</td></tr></table>'
    )
    if r.result_lines:
        out += f'<p align="center">{esc(" · ".join(r.result_lines))}</p>'
    official = [f for f in r.facts if f[0] not in FAN_FACTS]
    fan = [f for f in r.facts if f[0] in FAN_FACTS]
    out += f'<p align="center">{_facts(official)}</p>'
    out += f'<p align="center">{_facts(fan)}</p>' if fan else ""
    if timeline_px and r.moments:
        out += SPACER.format(px=timeline_px)
    if not all(s.empty for s in r.sheets):
        home, away = (_sheet(s) for s in r.sheets)
        out += h2("Line-ups")
        out += '<table width="100%" cellspacing="0" cellpadding="0"><tr>'
        out += f'<td width="49%" valign="top">{home}</td><td width="2%"></td>'
        out += f'<td width="49%" valign="top">{away}</td></tr></table>'
    if r.moments:
        rows = [
            [
                f'<span class="min">{esc(m.minute)}</span>',
                esc(m.what),
                esc(m.team),
                esc(m.who)
                + (f'<br/><span class="muted">{esc(m.description)}</span>' if m.description else "")
                + (
                    f'<br/><span class="muted">logged by {esc(m.author)}</span>' if m.author else ""
                ),
                f"<b>{esc(m.score)}</b>",
            ]
            for m in r.moments
        ]
        out += h2("Key moments")
        out += _table(["Minute", "Moment", "Team", "Who", "Score"], rows, [9, 18, 14, 51, 8])
    out += _quotes(r.quotes) if r.quotes else ""
    out += _notes(r.notes) if r.notes else ""
    out += _draft(r.draft) if r.draft else ""
    return out


def _draft(paragraphs: list[tuple[str, str]]) -> str:
    out = h2("Report draft")
    for section, text in paragraphs:
        if section == "headline":
            out += f"<h3>{esc(text)}</h3>"
        elif section == "standfirst":
            out += f"<p><b>{esc(text)}</b></p>"
        else:
            out += f"<p>{esc(text)}</p>"
    return out


def person_html(r: PersonReport) -> str:
    out = f"<h1>{esc(r.name)}</h1>"
    out += f'<p class="muted">{esc(r.subtitle)}</p>' if r.subtitle else ""
    out += f"<p>{_facts(r.facts)}</p>"
    if r.tallies:
        header = ["Team", "Apps", "Starts", "Goals", "Pens", "Missed", "Assists", "Yellow", "Red"]
        rows = [
            [esc(t.team)]
            + [apps_text(t)]
            + [str(getattr(t, f)) for f in ("starts", "goals", "penalties_scored")]
            + [str(getattr(t, f)) for f in ("penalties_missed", "assists", "yellow_cards")]
            + [str(t.red_cards)]
            for t in r.tallies
        ]
        out += h2("Record") + _table(header, rows, [28, 9, 9, 9, 9, 9, 9, 9, 9])
    if r.matches:
        rows = [[nowrap(d), esc(c), esc(m)] for d, c, m in r.matches]
        out += h2("Matches") + _table(["Date", "Competition", "Match"], rows, [15, 40, 45])
    if r.moments:
        rows = [
            [
                nowrap(m.date),
                esc(m.match),
                f'<span class="min">{esc(m.minute)}</span>',
                esc(m.what),
                esc(m.detail),
            ]
            for m in r.moments
        ]
        header = ["Date", "Match", "Minute", "Moment", "Detail"]
        out += h2("Moments") + _table(header, rows, [15, 25, 8, 16, 36])
    out += _quotes(r.quotes) if r.quotes else ""
    out += _notes(r.notes) if r.notes else ""
    return out


def season_html(r: SeasonReport) -> str:
    out = f"<h1>{esc(r.title)}</h1><p class='muted'>{esc(r.summary)}</p>"
    if r.rows:
        rows = [
            [
                nowrap(x.date),
                esc(x.competition),
                esc(x.match),
                esc(x.venue),
                esc(x.seen),
                esc(x.rating),
            ]
            for x in r.rows
        ]
        header = ["Date", r.competition_header, "Match", "Ground", "Seen", "Rating"]
        out += h2("Matches") + _table(header, rows, [14, 17, 30, 20, 12, 7])
    if r.grounds:
        items = "".join(f"<li>{esc(g)}{f' ({n}×)' if n > 1 else ''}</li>" for g, n in r.grounds)
        out += h2("Grounds visited") + f"<ul>{items}</ul>"
    if r.notes:
        out += h2("Notes")
        for heading, notes in r.notes:
            out += f"<h3>{esc(heading)}</h3>" + "".join(
                f'<p class="note">{esc(n)}</p>' for n in notes
            )
    return out
