"""Search everything: matches, people, teams, moments, quotes and notes, grouped by kind.

On SQLite the FTS5 index (``db/search.py``) answers, on PostgreSQL its tsvector index
(``db/search_pg.py``, the query translated by ``db/search_tsquery.py``): same words,
same results. Without either (SQLite lacking FTS5, or ``portable=True``) the same
documents are read with LIKE over folded text (``services/search_portable.py``): slower.

Ranking: relevance (the names matched; in the LIKE search, whether the title has the
first word), then the match's date, newest first. Each kind ranks its ``CANDIDATES``
(500) most recently added hits that pass the filters: ranking every hit of a common word
among a million moments costs 50-250 ms, these 500 cost a few. A kind with more hits is in
``SearchResults.more`` (show "500+"; another word narrows it). On PostgreSQL a big kind is
searched in its newest blocks of ids first (``_newest_first``, ``search_pg.window``), so
that the server reads the rows of about a thousand hits, not of every hit.

Matched words in ``SearchResult.marked_title`` and ``.snippet`` are wrapped in
``MARK_START`` (\\x02) and ``MARK_END`` (\\x03), which the UI shows in bold;
``unmarked()`` removes them.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Sequence
from functools import lru_cache
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Connection,
    Engine,
    FromClause,
    Integer,
    Numeric,
    Select,
    String,
    any_,
    bindparam,
    cast,
    func,
    literal_column,
    or_,
    union_all,
)
from sqlalchemy import and_ as all_of
from sqlalchemy import select as sa_select
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.exc import OperationalError
from sqlmodel import Session, SQLModel, col

from matchnotes.db import search as search_index
from matchnotes.db import search_pg
from matchnotes.db.search import (
    Progress,
    add_translate,
    fts_candidates,
    fts_documents,
    install,
    is_installed,
    parse,
)
from matchnotes.db.search_tsquery import conjuncts, name_hits, refold, texts, typed_words
from matchnotes.enums import SearchKind
from matchnotes.errors import ValidationError
from matchnotes.models import Competition
from matchnotes.services.base import Service
from matchnotes.services.lookup import team_by_name
from matchnotes.services.search_portable import portable_candidates, portable_documents
from matchnotes.services.search_results import (
    MARK_END,
    MARK_START,
    SearchResult,
    SearchResults,
)
from matchnotes.text import fold

_T = SQLModel.metadata.tables
_MATCH, _SEASON, _LINEUP = _T["match"], _T["season"], _T["lineup_entry"]
_TEAM, _PERSON = _T["team"], _T["person"]

CANDIDATES = 500
# On PostgreSQL, the fewest newest ids a kind's first look covers (search_pg.window),
# and how many more hits than CANDIDATES it asks the planner's estimate for (1.25: the
# estimate is close, a block's rounding adds more, and each extra hit is a heap row
# read); kinds with at most SMALL ids, or whose first look would cover every id, are
# ranked together in one statement, at once; a kind whose newest
# CANDIDATES hits lie (by the estimate) among its newest INDEX_ORDER_ROWS rows reads them
# newest first by the primary key, testing each; any other finds them by the GIN index.
FIRST_WINDOW, MARGIN, SMALL, INDEX_ORDER_ROWS = 1 << 16, 1.25, 1 << 14, 4000
Marks = tuple[frozenset[str], tuple[str, ...]]  # Query.marks(): whole words, prefixes


class SearchService(Service):
    def __init__(self, engine: Engine, *, portable: bool = False) -> None:
        """``portable=True`` skips the index (tests, comparisons)."""
        super().__init__(engine)
        self._portable = portable

    def search(
        self,
        text: str,
        *,
        kinds: Iterable[SearchKind | str] | None = None,
        competition: int | str | None = None,
        team: int | str | None = None,
        date_from: dt.date | None = None,
        date_to: dt.date | None = None,
        limit: int = 50,
    ) -> SearchResults:
        """At most ``limit`` results of each kind, best first. Raises ValidationError only.

        ``competition`` and ``team`` are ids or names. Filters keep what belongs to a
        match that passes them, people who played in one (for ``team``: for that team),
        and teams that played in one (for ``team``: that team only).
        """
        query = parse(text)
        if not 1 <= limit <= CANDIDATES:
            raise ValidationError(f"Ask for between 1 and {CANDIDATES} results of each kind.")
        if date_from and date_to and date_from > date_to:
            raise ValidationError(f"The search starts on {date_from}, after it ends ({date_to}).")
        wanted = _kinds(kinds)
        with self._read() as session:
            connection = session.connection()
            dialect = connection.dialect.name
            installed = search_pg.ready_for_search if dialect == "postgresql" else is_installed
            indexed = not self._portable and installed(connection)
            if not indexed and dialect == "sqlite":
                add_translate(connection)
            if not query:
                return SearchResults(text, indexed=indexed)
            values = {"competition_id": _competition_id(session, competition),
                      "team_id": _team_id(session, team), "date_from": date_from,
                      "date_to": date_to}  # fmt: skip
            params: dict[str, Any] = {k: v for k, v in values.items() if v is not None}
            params.update(expression=query.fts, limit=limit)
            if indexed and dialect == "postgresql":
                terms = search_pg.read_terms(connection, texts(query), wanted)
                folded = refold(query, terms.folded)
                if not folded:  # no word the server indexes (only signs it drops)
                    return SearchResults(text, indexed=indexed)
                typed = typed_words(folded)
                spelled = {w: words for w, words in terms.spelled.items() if w in typed}
                names = name_hits(folded, spelled)
                params.update(tsquery=conjuncts(folded, spelled), name_words=names.whole,
                              name_prefixes=names.prefixes, name_phrases=names.phrases)  # fmt: skip
                newest = terms.newest
            flags = tuple(v is not None for v in values.values())
            groups, totals, more = {}, {}, set()
            hits_of: dict[SearchKind, Sequence[Any]] = {}
            if indexed and dialect == "postgresql":
                found_of = _on_postgresql(connection, wanted, flags, params, newest)
            else:
                found_of = {}
                for kind in wanted:
                    hits = None if indexed else portable_candidates(query, kind)
                    try:
                        statement = _statement(kind, flags, hits, dialect)
                        found_of[kind] = connection.execute(statement, params).all()
                    except OperationalError as exc:  # the builder's quoting makes this rare
                        if "fts5" not in str(exc.orig):
                            raise
                        raise ValidationError(f"That search cannot be run: {exc.orig}.") from exc
            for kind in wanted:
                found = found_of[kind]
                if found:
                    hits_of[kind] = found
                    totals[kind] = min(found[0].found, CANDIDATES)
                    more.update([kind] if found[0].found > CANDIDATES else [])
            contexts = _contexts(connection, hits_of)  # one query for every kind's hits
            shown = _texts(connection, hits_of, indexed)
            marks = query.marks()
            for kind, found in hits_of.items():
                groups[kind] = _results(marks, kind, found, shown[kind], contexts)
        return SearchResults(text, groups, totals, frozenset(more), indexed)

    def rebuild(self, progress: Progress | None = None) -> int:
        """Rebuild the index and its triggers from the tables; the number of documents.
        ``progress(done, total)`` hears how far it is.

        Nothing to do (0) where there can be no index: SQLite without FTS5.
        """
        with self._write() as session:
            connection = session.connection()
            if connection.dialect.name == "postgresql":
                return search_pg.install(connection, progress)
            if connection.dialect.name != "sqlite" or not search_index.fts5_available(connection):
                return 0
            return install(connection, progress)


def _on_postgresql(
    connection: Connection,
    wanted: list[SearchKind],
    flags: Flags,
    params: dict[str, Any],
    newest: dict[SearchKind, int],
) -> dict[SearchKind, Sequence[Any]]:
    """Each kind's ranked hits: in one statement the kinds with at most SMALL ids and
    those whose first window would hold every id (a round trip each cost milliseconds on
    a busy server), the others newest first (``_newest_first``)."""
    small = [kind for kind in wanted if newest[kind] <= SMALL]
    big = [kind for kind in wanted if kind not in small]
    expected = search_pg.estimates(connection, big, params["tsquery"]) if big else {}
    hits = {kind: max(expected[kind], 1) for kind in big}
    by_index = {
        kind: (CANDIDATES + 1) * newest[kind] // hits[kind] <= INDEX_ORDER_ROWS for kind in big
    }
    at_once = tuple(
        (kind, by_index.get(kind, True))
        for kind in wanted
        if kind in small or _first_window(newest[kind], hits[kind]) is None
    )
    found_of: dict[SearchKind, list[Any]] = {kind: [] for kind in wanted}
    if at_once:
        parts = search_pg.parameters(params["tsquery"])
        for row in connection.execute(_together(at_once, flags, len(parts)), {**params, **parts}):
            found_of[SearchKind(row.kind)].append(row)
        for kind, _ in at_once:
            found_of[kind].sort(key=lambda row: row.position)
    for kind in big:
        if (kind, by_index[kind]) in at_once:
            continue

        def statement(parts: int, kind: SearchKind = kind) -> Any:
            return _indexed_statement(kind, flags, "postgresql", parts, by_index[kind])

        found = _newest_first(connection, statement, params, newest[kind], hits[kind])
        found_of[kind] = list(found)
    return dict(found_of)


@lru_cache(maxsize=64)
def _together(kinds: tuple[tuple[SearchKind, bool], ...], flags: Flags, parts: int) -> Any:
    """The ranked statements of ``kinds`` (each with its ``by_index``: ``candidates``;
    ``parts`` tsqueries), each row tagged with its kind."""
    each = []
    for kind, by_index in kinds:
        statement = _indexed_statement(kind, flags, "postgresql", parts, by_index)
        ranked = statement.subquery(f"ranked_{kind.value}")
        tag = literal_column(f"'{kind.value}'", String).label("kind")
        each.append(sa_select(tag, *ranked.c))
    return union_all(*each)


def _first_span(high: int, hits: int) -> int:
    """How many of the newest ids a kind's first look covers (``_newest_first``)."""
    return max(FIRST_WINDOW, int(high * MARGIN * (CANDIDATES + 1) / hits))


def _first_window(high: int, hits: int) -> str | None:
    return search_pg.window(high - _first_span(high, hits) + 1, high)


def _newest_first(
    connection: Connection,
    statement: Callable[[int], Select[Any]],
    params: dict[str, Any],
    high: int,
    hits: int,
) -> Sequence[Any]:
    """PostgreSQL: ``statement(parts)`` over the kind's newest ids first (``high``: the highest),
    then over more of them while fewer than CANDIDATES + 1 hits are found there, the
    next window as wide as the hits so far say it must be, or every id when there were
    none. A window holds every id from its lowest up, so CANDIDATES + 1 hits in it are
    the newest of all: the same candidates as one look at every hit, which reads the
    heap row of each (thousands for a name among a million moments). The first window
    is as wide as the planner's estimate of the ``hits`` says MARGIN x CANDIDATES need."""
    query = params["tsquery"]
    span = _first_span(high, hits)
    while True:
        window = search_pg.window(high - span + 1, high)
        parts = query if window is None else [*query, window]
        found = connection.execute(
            statement(len(parts)), {**params, **search_pg.parameters(parts)}
        ).all()
        count = found[0].found if found else 0
        if window is None or count > CANDIDATES:
            return found
        span = high if not count else max(span * 4, span * (CANDIDATES + 1) * 3 // (2 * count))


def _kinds(kinds: Iterable[SearchKind | str] | None) -> list[SearchKind]:
    try:
        chosen = set(SearchKind) if kinds is None else {SearchKind(k) for k in kinds}
    except ValueError as exc:
        raise ValidationError(f"Search for these kinds: {', '.join(SearchKind)}.") from exc
    return [kind for kind in SearchKind if kind in chosen]


def _competition_id(session: Session, competition: int | str | None) -> int | None:
    if competition is None or isinstance(competition, int):
        return competition
    key = fold(competition)
    found = session.execute(
        sa_select(col(Competition.id)).where(col(Competition.name_key) == key)
    ).scalar()
    if found is None:
        raise ValidationError(f"There is no competition called “{competition}”.")
    return found


def _team_id(session: Session, team: int | str | None) -> int | None:
    if team is None or isinstance(team, int):
        return team
    return team_by_name(session, team, create=False).id


# --- candidates, filters and ranking (both paths) --------------------------------------------

Flags = tuple[bool, ...]  # which of competition_id, team_id, date_from, date_to are given


def _statement(
    kind: SearchKind, flags: Flags, hits: Select[Any] | None, dialect: str
) -> Select[Any]:
    """An index's statement is built once per kind and filter set (values are parameters)."""
    return _indexed_statement(kind, flags, dialect) if hits is None else _ranked(kind, flags, hits)


@lru_cache(maxsize=128)
def _indexed_statement(
    kind: SearchKind, flags: Flags, dialect: str, parts: int = 1, by_index: bool = True
) -> Select[Any]:
    if dialect == "postgresql":
        found = search_pg.candidates(kind, parts, by_index)
        return _ranked(kind, flags, found, dated_last=not any(flags), rank=search_pg.score)
    return _ranked(kind, flags, fts_candidates(kind))


def _ranked(
    kind: SearchKind,
    flags: Flags,
    hits: Select[Any],
    dated_last: bool = False,
    rank: Callable[[Any], ColumnElement[Any]] | None = None,
) -> Select[Any]:
    """The best ``:limit`` of the newest CANDIDATES + 1 hits that pass the filters:
    (ref_id, match_id, person_id, date, found). Scores within 0.05 count as equal, so
    the newer match comes first; ``found`` counts the candidates. ``dated_last`` (no
    filters): the candidates' matches are read for their dates after the LIMIT, for
    those only (PostgreSQL hashed all 10,000 matches to join a few thousand hits).
    ``rank``: the score from the hits' ``score`` column, computed on the candidates."""
    ref_id, match_id, person_id, _score = hits.selected_columns
    m = _MATCH.alias("m")
    if dated_last:  # one look-up by id per candidate, whatever the planner guesses
        newest = hits.limit(CANDIDATES + 1).subquery("newest")
        date = sa_select(m.c.date).where(m.c.id == newest.c.match_id).scalar_subquery()
        c = sa_select(*newest.c, date.label("date")).subquery("candidate").c
    else:
        c = (
            hits.add_columns(m.c.date)
            .outerjoin(m, m.c.id == match_id)
            .where(*_filter(kind, (ref_id, match_id, person_id), m, flags))
            .limit(CANDIDATES + 1)
            .subquery("candidate")
        ).c
    score = c.score if rank is None else rank(c.score)
    order = [func.round(cast(score, Numeric), 1), c.date.desc().nulls_last(), c.ref_id.desc()]
    columns = [c.ref_id, c.match_id, c.person_id, c.date, func.count().over().label("found")]
    if rank is not None:  # PostgreSQL: each row's place, kept when kinds are read together
        columns.append(func.row_number().over(order_by=order).label("position"))
    return sa_select(*columns).order_by(*order).limit(bindparam("limit"))


def _passes(m: FromClause, flags: Flags) -> list[ColumnElement[bool]]:
    competition, team, date_from, date_to = flags
    conds: list[ColumnElement[bool]] = []
    if competition:
        seasons = sa_select(_SEASON.c.id).where(
            _SEASON.c.competition_id == bindparam("competition_id")
        )
        conds.append(m.c.season_id.in_(seasons))
    if team:
        conds.append(
            or_(m.c.home_team_id == bindparam("team_id"), m.c.away_team_id == bindparam("team_id"))
        )
    if date_from:
        conds.append(m.c.date >= bindparam("date_from"))
    if date_to:
        conds.append(m.c.date <= bindparam("date_to"))
    return conds


def _filter(
    kind: SearchKind, hit: tuple[Any, Any, Any], joined: FromClause, flags: Flags
) -> list[Any]:
    """What passes the filters; ``joined`` is the hit's match (if any), outer-joined."""
    if not any(flags):
        return []
    ref_id, match_id, person_id = hit
    m, played = _MATCH.alias("passing"), _LINEUP.alias("played")
    team: ColumnElement[int] = bindparam("team_id")
    on_match = _passes(joined, flags)
    if kind is SearchKind.TEAM:
        in_match = or_(m.c.home_team_id == ref_id, m.c.away_team_id == ref_id)
        that_team = [ref_id == team] if flags[1] else []
        return [*that_team, sa_select(m.c.id).where(in_match, *_passes(m, flags)).exists()]
    lineup = [played.c.person_id == person_id, played.c.match_id == m.c.id]
    lineup += [played.c.team_id == team] if flags[1] else []
    took_part = sa_select(played.c.id).where(*lineup, *_passes(m, flags)).exists()
    if kind is SearchKind.PERSON:
        return [took_part]
    if kind is SearchKind.NOTE:  # on a match, or on a person
        on_person = all_of(match_id.is_(None), took_part)
        return [or_(all_of(match_id.is_not(None), *on_match), on_person)]
    return on_match


def _texts(
    connection: Connection, hits_of: dict[SearchKind, Sequence[Any]], indexed: bool
) -> dict[SearchKind, dict[int, tuple[str, str]]]:
    """Each kind's hits' (title, body): from the index, or the LIKE search's documents;
    one statement for every kind on PostgreSQL (a round trip saved per kind)."""
    ids = {kind: [r.ref_id for r in found] for kind, found in hits_of.items()}
    shown: dict[SearchKind, dict[int, tuple[str, str]]] = {kind: {} for kind in ids}
    if indexed and connection.dialect.name == "postgresql":
        if ids:
            statement = search_pg.documents_by_id(tuple(ids))
            arrays = {f"ids_{kind.value}": refs for kind, refs in ids.items()}
            for kind, ref, title, body in connection.execute(statement, arrays):
                shown[SearchKind(kind)][ref] = (title, body)
        return shown
    for kind, wanted in ids.items():
        loaded = fts_documents(kind, wanted) if indexed else portable_documents(kind, wanted)
        shown[kind] = {ref: (title, body) for ref, title, body in connection.execute(loaded)}
    return shown


def _results(
    marks: Marks,
    kind: SearchKind,
    rows: Sequence[Any],
    texts: dict[int, tuple[str, str]],
    contexts: dict[int, str],
) -> list[SearchResult]:
    results = []
    for r in rows:
        title, body = texts[r.ref_id]
        context = contexts.get(r.match_id if r.match_id is not None else -(r.person_id or 0), "")
        marked, snippet = _mark(title, marks), _snippet(_mark(body, marks))
        context = "" if kind in (SearchKind.MATCH, SearchKind.PERSON) else context
        results.append(
            SearchResult(
                r.ref_id, kind, title, marked, snippet, r.match_id, r.person_id, r.date, context
            )
        )
    return results


def _contexts(connection: Connection, hits_of: dict[SearchKind, Sequence[Any]]) -> dict[int, str]:
    """match id -> "Home v Away, 10 Dec 2022"; -person id -> the person's name (notes)."""
    rows = [r for kind, found in hits_of.items() if kind is not SearchKind.MATCH for r in found]
    notes = hits_of.get(SearchKind.NOTE, [])
    match_ids = {r.match_id for r in rows if r.match_id is not None}
    person_ids = {r.person_id for r in notes if r.match_id is None and r.person_id is not None}
    arrays = connection.dialect.name == "postgresql"
    found: dict[int, str] = {}
    if match_ids:
        matches = _context_statements(arrays)[0]
        for ident, home_name, away_name, date in connection.execute(
            matches, {"ids": list(match_ids)}
        ).all():
            found[ident] = f"{home_name} v {away_name}, {date:%d %b %Y}"
    if person_ids:
        people = _context_statements(arrays)[1]
        named = connection.execute(people, {"ids": list(person_ids)}).all()
        found.update((-ident, name) for ident, name in named)
    return found


@lru_cache(maxsize=2)
def _context_statements(arrays: bool) -> tuple[Select[Any], Select[Any]]:
    """The matches' and the people's statements of ``_contexts``, their ids ``:ids``: an
    array on PostgreSQL (one statement text whatever the ids, which the driver parses
    once; an IN list of 50 took it 1-2 ms), an IN list on SQLite."""
    m, home, away = _MATCH, _TEAM.alias("home"), _TEAM.alias("away")

    def among(ident: Any) -> ColumnElement[bool]:
        if arrays:
            return ident == any_(bindparam("ids", type_=ARRAY(Integer)))
        return ident.in_(bindparam("ids", expanding=True))

    matches = (
        sa_select(m.c.id, home.c.name, away.c.name, m.c.date)
        .join_from(m, home, home.c.id == m.c.home_team_id)
        .join(away, away.c.id == m.c.away_team_id)
        .where(among(m.c.id))
    )
    return matches, sa_select(_PERSON.c.id, _PERSON.c.name).where(among(_PERSON.c.id))


@lru_cache(maxsize=64)
def _candidates(marks: Marks) -> re.Pattern[str]:
    """Whole words that could be marked: those starting with a letter a searched word
    starts with, in either case, or with any non-ASCII letter (Émile folds to emile).
    The rest are never folded and looked up: a fifth of a search's time otherwise."""
    whole, prefixes = marks
    firsts = {w[0] for w in whole} | {p[0] for p in prefixes}
    letters = re.escape("".join(sorted(firsts | {f.upper() for f in firsts})))
    # A lookahead, not a class of every non-ASCII letter: that one takes 4 ms to compile.
    return re.compile(rf"(?<![^\W_])(?:[{letters}]|(?![A-Za-z0-9])[^\W_])[^\W_]*")


_fold_word = lru_cache(maxsize=8192)(fold)  # the same few thousand words, again and again


def _mark(text: str, marks: Marks) -> str:
    """Mark every searched word, or an inflection of it, and every word that starts with
    a word being typed (accent- and case-blind): ``Query.marks()``."""
    whole, prefixes = marks

    def mark(found: re.Match[str]) -> str:
        folded = _fold_word(found.group())
        hit = folded in whole or folded.startswith(prefixes)
        return f"{MARK_START}{found.group()}{MARK_END}" if hit else found.group()

    return _candidates(marks).sub(mark, text)


def _snippet(marked: str, size: int = 16) -> str:
    """About ``size`` words around the first marked one."""
    tokens = marked.split()
    first = next((i for i, t in enumerate(tokens) if MARK_START in t), 0)
    start = max(0, min(first - size // 4, len(tokens) - size))
    end = start + size
    return ("…" if start else "") + " ".join(tokens[start:end]) + ("…" if end < len(tokens) else "")
