"""The diary PDF's content as HTML (pure): totals, the charts (images the renderer
hands in by name), grounds with first visits, countries, teams, players."""

from __future__ import annotations

from collections.abc import Mapping

from matchnotes.reports.report_html import _table as table
from matchnotes.reports.report_html import esc, h2
from matchnotes.services.diary_figures import DiaryFigures
from matchnotes.text import counted

CHART_WIDTH_PX = 640  # CSS pixels: the charts fill the text width of an A4 page


def diary_html(f: DiaryFigures, title: str, images: Mapping[str, object]) -> str:
    out = [f"<h1>{esc(title)}</h1>"]
    if not f.matches:
        return "".join(out) + "<p>No matches marked attended or watched in this period.</p>"
    matches = "match" if f.matches == 1 else "matches"
    visits = sum(g.new for g in f.grounds)
    out.append(
        f"<p><b>{f.matches}</b> {matches} seen: {f.attended} in the ground, {f.watched} "
        f"watched; {counted(f.goals, 'goal')}; {counted(len(f.grounds), 'ground')} "
        f"({counted(visits, 'first visit')}); "
        f"{counted(len(f.countries), 'country', 'countries')}; "
        f"{counted(len(f.teams), 'team')}; {counted(len(f.players), 'player')}.</p>"
    )
    if f.biggest_win is not None:
        m = f.biggest_win
        out.append(f"<p>Biggest win seen: {esc(m.title)} ({m.date:%d %B %Y}).</p>")
    if f.team_record is not None:
        r = f.team_record
        out.append(
            f"<p>{esc(r.team)} when I was there: {r.played} played, {r.won} won, "
            f"{r.drawn} drawn, {r.lost} lost.</p>"
        )
    out += [
        f"<p>Longest run: {s.length} {esc(s.what)} ({s.first:%B %Y} – {s.last:%B %Y}).</p>"
        for s in f.streaks
    ]
    for name in ("chart:per-year", "chart:team"):
        if name in images:
            out.append(f'<p><img src="{name}" width="{CHART_WIDTH_PX}"></p>')
    if f.grounds:
        out.append(h2("Grounds"))
        rows = [
            [esc(g.name) + (" (first visit)" if g.new else ""), esc(g.city or ""),
             esc(g.country or ""), str(g.visits), f"{g.first_visit:%d %b %Y}"]
            for g in f.grounds
        ]  # fmt: skip
        out.append(table(["Ground", "City", "Country", "Visits", "First visit"], rows))
    players = [(name, n) for name, n, _id in f.players[:50]]
    for heading, pairs in (("Countries", f.countries), ("Teams", f.teams),
                           ("Players", players)):  # fmt: skip
        if pairs:
            out.append(h2(heading))
            out.append(table([heading[:-1] if heading != "Countries" else "Country", "Matches"],
                             [[esc(name), str(n)] for name, n in pairs]))  # fmt: skip
    return "".join(out)
