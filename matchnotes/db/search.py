"""The search index: what each result's text is, and SQLite's FTS5 table and triggers.
The query builder (what a user typed -> a safe FTS5 MATCH expression) is in
``db/search_query.py``; ``parse`` and its types are re-exported here.

The tokenizer is unicode61, accents and case folded, no stemming (revision 0006): a
document's ``names`` (people, teams, venues, competitions) match exactly, so "harry" does
not find Harris, and its other ``words`` match with their English inflections, which the
query spells out (``search_query``): a stemmer would conflate names (Adam, Adams) and
change the word being typed ("runni" would not find "running", stored as "run").

One FTS5 table per kind (``search_match``, ``search_person``, ``search_team``,
``search_moment``, ``search_quote``, ``search_note``), its rowid the record's id: a
trigger finds the row of a changed record without a scan, a search reads each kind newest
first and stops early, and bm25 counts a word's documents once per kind (one table for
every kind counted them over all kinds for each kind's query, three times the work).
Columns: ``title`` (the heading a result shows) and ``body`` (the rest of it), stored
only; ``words`` and ``names`` (indexed); ``alt`` (words and names with ø, ß, ł… spelled
plainly, which unicode61 cannot fold; empty when there are none), and the unindexed
``match_id`` / ``person_id`` to open.

Triggers keep the index in the transaction of every change, including renames that
change other rows' text (a person's name is in their moments, quotes and refereed
matches). The documents are portable SQLAlchemy selects: the triggers are those selects
compiled for SQLite, and the service's fallback search on PostgreSQL reads the same ones.
Changing a document's definition needs a new revision that calls ``install`` again.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from sqlalchemy import (
    Connection,
    Integer,
    Select,
    String,
    bindparam,
    case,
    cast,
    column,
    func,
    insert,
    literal,
    literal_column,
    null,
    select,
    table,
    text,
    type_coerce,
)
from sqlalchemy.dialects import sqlite
from sqlalchemy.sql.elements import ColumnElement
from sqlalchemy.sql.expression import TableClause
from sqlmodel import SQLModel

import matchnotes.models  # noqa: F401  (registers the tables on SQLModel.metadata)
from matchnotes.db.search_query import MAX_LENGTH as MAX_LENGTH
from matchnotes.db.search_query import MAX_TERMS as MAX_TERMS
from matchnotes.db.search_query import UNFOLDED as _UNFOLDED
from matchnotes.db.search_query import Near as Near
from matchnotes.db.search_query import Query as Query
from matchnotes.db.search_query import Term as Term
from matchnotes.db.search_query import fold_words as fold_words
from matchnotes.db.search_query import parse as parse
from matchnotes.enums import SearchKind
from matchnotes.labels import KIND_LABELS, ROLE_LABELS

# Prefix indexes for 2 to 10 letters: "penalty"* reads one list instead of merging every
# word that starts so (10x faster on a million moments, for a third more index).
TOKENIZE = "unicode61 remove_diacritics 2"
# What a result shows is stored, not indexed; ``words`` and ``names`` are indexed (0006).
LAYOUT = (
    "title UNINDEXED, body UNINDEXED, words, names, alt, match_id UNINDEXED, person_id UNINDEXED"
)
_PREFIXES = "prefix = '2 3 4 5 6 7 8 9 10'"
# Documents indexed per statement during a rebuild: the unit of its progress.
REBUILD_BATCH = 100_000
Progress = Callable[[int, int], None]  # (documents indexed, documents in all)
SEP = " · "


TABLES = {kind: f"search_{kind.value}" for kind in SearchKind}
_SHADOWS = ("", "_data", "_idx", "_content", "_docsize", "_config")
# With PostgreSQL's table of indexed words (db/search_pg.py, 0016), also not in the models.
SHADOW_TABLES = frozenset(
    [name + suffix for name in TABLES.values() for suffix in _SHADOWS] + ["search_word"]
)
_COLUMNS = ("rowid", "title", "body", "words", "names", "alt", "match_id", "person_id")

# --- documents: one portable select per kind ---------------------------------------------

_T = SQLModel.metadata.tables
_match, _moment, _quote, _note = _T["match"], _T["moment"], _T["quote"], _T["note"]
_person, _team, _venue, _season, _comp = (
    _T["person"], _T["team"], _T["venue"], _T["season"], _T["competition"],
)  # fmt: skip


def _joined(*parts: ColumnElement[Any]) -> ColumnElement[str]:
    """Non-empty parts joined by SEP; NULL and '' parts are skipped (portable SQL)."""
    joined: ColumnElement[str] = literal("", String)
    for part in parts:
        piece = literal(SEP, String) + func.nullif(type_coerce(part, String), "")
        joined = joined + func.coalesce(piece, "")
    return func.substr(joined, len(SEP) + 1, type_=String)


def _label(value: ColumnElement[Any], labels: dict[Any, str]) -> ColumnElement[str]:
    raw = type_coerce(value, String)
    return case({str(k.value): v for k, v in labels.items()}, value=raw, else_=raw)


def documents() -> dict[SearchKind, Select[Any]]:
    """Each kind's (ref_id, title, body, match_id, person_id, words, names), unfiltered.
    ``title`` and ``body`` are what a result shows; ``names`` (people, teams, venues,
    competitions) match exactly, ``words`` (the rest) with their English inflections."""
    home, away, referee = _team.alias("home"), _team.alias("away"), _person.alias("referee")
    player, related = _person.alias("player"), _person.alias("related")
    m, mo, q, n, p, t = _match, _moment, _quote, _note, _person, _team
    no_id = cast(null(), Integer).label("person_id")  # typed: PostgreSQL compares it
    no_match = cast(null(), Integer).label("match_id")
    minute = cast(mo.c.minute, String)
    minute_text = case(
        (type_coerce(mo.c.period, String) == "PSO", "pens"),
        (mo.c.stoppage > 0, minute + "+" + cast(mo.c.stoppage, String) + "'"),
        else_=minute + "'",
    )
    kind_text = minute_text + " " + _label(mo.c.kind, KIND_LABELS)
    match_body = _joined(_comp.c.name, _season.c.name, m.c.stage, _venue.c.name, _venue.c.city,
                         cast(m.c.date, String), referee.c.name)  # fmt: skip
    role = _label(p.c.role, ROLE_LABELS)
    person_body = _joined(role, p.c.position, p.c.club, p.c.nationality)
    match_words = _joined(_season.c.name, m.c.stage, cast(m.c.date, String))
    teams = home.c.name + " v " + away.c.name
    match_names = _joined(teams, _comp.c.name, _venue.c.name, _venue.c.city, referee.c.name)
    return {
        SearchKind.MATCH: select(
            m.c.id.label("ref_id"),
            teams.label("title"),
            match_body.label("body"),
            m.c.id.label("match_id"),
            no_id,
            match_words.label("words"),
            match_names.label("names"),
        )
        .join_from(m, home, home.c.id == m.c.home_team_id)
        .join(away, away.c.id == m.c.away_team_id)
        .outerjoin(_season, _season.c.id == m.c.season_id)
        .outerjoin(_comp, _comp.c.id == _season.c.competition_id)
        .outerjoin(_venue, _venue.c.id == m.c.venue_id)
        .outerjoin(referee, referee.c.id == m.c.referee_id),
        SearchKind.PERSON: select(
            p.c.id.label("ref_id"),
            p.c.name.label("title"),
            person_body.label("body"),
            no_match,
            p.c.id.label("person_id"),
            _joined(role, p.c.position, p.c.nationality).label("words"),
            _joined(p.c.name, p.c.club).label("names"),
        ),
        SearchKind.TEAM: select(
            t.c.id.label("ref_id"),
            t.c.name.label("title"),
            _joined(t.c.code, t.c.country).label("body"),
            no_match,
            no_id,
            _joined(t.c.code, t.c.country).label("words"),
            t.c.name.label("names"),
        ),
        SearchKind.MOMENT: select(
            mo.c.id.label("ref_id"),
            _joined(kind_text, player.c.name).label("title"),
            _joined(t.c.name, related.c.name, mo.c.description).label("body"),
            mo.c.match_id.label("match_id"),
            mo.c.player_id.label("person_id"),
            _joined(kind_text, mo.c.description).label("words"),
            _joined(player.c.name, t.c.name, related.c.name).label("names"),
        )
        .outerjoin_from(mo, t, t.c.id == mo.c.team_id)
        .outerjoin(player, player.c.id == mo.c.player_id)
        .outerjoin(related, related.c.id == mo.c.related_player_id),
        SearchKind.QUOTE: select(
            q.c.id.label("ref_id"),
            p.c.name.label("title"),
            q.c.text.label("body"),
            q.c.match_id.label("match_id"),
            q.c.speaker_id.label("person_id"),
            q.c.text.label("words"),
            p.c.name.label("names"),
        ).join_from(q, p, p.c.id == q.c.speaker_id),
        SearchKind.NOTE: select(
            n.c.id.label("ref_id"),
            literal_column("'Note'", String).label("title"),
            n.c.text.label("body"),
            n.c.match_id.label("match_id"),
            n.c.person_id.label("person_id"),
            n.c.text.label("words"),
            literal("", String).label("names"),
        ),
    }


IDS = {
    SearchKind.MATCH: _match.c.id,
    SearchKind.PERSON: _person.c.id,
    SearchKind.TEAM: _team.c.id,
    SearchKind.MOMENT: _moment.c.id,
    SearchKind.QUOTE: _quote.c.id,
    SearchKind.NOTE: _note.c.id,
}


# --- the FTS5 table and its triggers (SQLite only) ---------------------------------------


def _fts(kind: SearchKind) -> TableClause:
    return table(TABLES[kind], *(column(name) for name in _COLUMNS))


_GLOB = "*[" + "".join(_UNFOLDED) + "]*"


def _plain(words: ColumnElement[str]) -> ColumnElement[str]:
    for letter, plain in _UNFOLDED.items():
        words = func.replace(words, letter, plain, type_=String)
    return words


def _sql(statement: Any) -> str:
    return str(statement.compile(dialect=sqlite.dialect(), compile_kwargs={"literal_binds": True}))


def _index(
    kind: SearchKind, where: ColumnElement[bool] | None = None, *, replace: bool = True
) -> str:
    """INSERT OR REPLACE the documents of ``kind`` (those matching ``where``); a plain
    INSERT when ``replace`` is False (a new, empty table: no lookup per row)."""
    doc = documents()[kind]
    d = (doc if where is None else doc.where(where)).subquery("doc")
    every = d.c.words + " " + d.c.names
    alt = case((every.op("GLOB")(_GLOB), _plain(every)), else_="")
    rows = select(d.c.ref_id, d.c.title, d.c.body, d.c.words, d.c.names, alt, d.c.match_id,
                  d.c.person_id)  # fmt: skip
    fts = _fts(kind)
    statement = insert(fts).prefix_with("OR REPLACE") if replace else insert(fts)
    return _sql(statement.from_select(list(fts.c), rows))


def _unindex(kind: SearchKind, row: str) -> str:
    return f"DELETE FROM {TABLES[kind]} WHERE rowid = {row}.id"


@dataclass(frozen=True)
class Trigger:
    """AFTER ``event`` ON ``table``, for each row; ``renamed``: only when its name changed.
    ``statements`` use ``new`` and ``old``, the changed row, as in SQL."""

    event: str
    table: str
    statements: list[str]
    renamed: bool = False

    @property
    def sqlite(self) -> str:
        when = " WHEN old.name IS NOT new.name" if self.renamed else ""
        return f"AFTER {self.event} ON {self.table}{when}"


Indexer = Callable[[SearchKind, ColumnElement[bool]], str]


def trigger_plan(index: Indexer, unindex: Callable[[SearchKind, str], str]) -> dict[str, Trigger]:
    """name -> Trigger: what keeps the index current, in the words of ``index`` (the
    documents matching a condition, written again) and ``unindex`` (one row's gone)."""
    new: ColumnElement[int] = literal_column("new.id", Integer)
    triggers: dict[str, Trigger] = {}
    for kind, ident in IDS.items():
        source = ident.table.name
        table_sql = f'"{source}"'
        triggers[f"{source}_ai"] = Trigger("INSERT", table_sql, [index(kind, ident == new)])
        triggers[f"{source}_au"] = Trigger(
            "UPDATE", table_sql, [unindex(kind, "old"), index(kind, ident == new)]
        )
        triggers[f"{source}_ad"] = Trigger("DELETE", table_sql, [unindex(kind, "old")])
    # Renames change the text of other rows: a name appears in every document that shows it.
    m, mo = _match.c, _moment.c
    triggers["person_au_name"] = Trigger(
        "UPDATE OF name",
        "person",
        [
            index(SearchKind.MOMENT, (mo.player_id == new) | (mo.related_player_id == new)),
            index(SearchKind.QUOTE, _quote.c.speaker_id == new),
            index(SearchKind.MATCH, m.referee_id == new),
        ],
        renamed=True,
    )
    triggers["team_au_name"] = Trigger(
        "UPDATE OF name",
        "team",
        [
            index(SearchKind.MATCH, (m.home_team_id == new) | (m.away_team_id == new)),
            index(SearchKind.MOMENT, mo.team_id == new),
        ],
        renamed=True,
    )
    triggers["venue_au"] = Trigger(
        "UPDATE OF name, city", "venue", [index(SearchKind.MATCH, m.venue_id == new)]
    )
    triggers["season_au"] = Trigger(
        "UPDATE OF name", "season", [index(SearchKind.MATCH, m.season_id == new)]
    )
    in_competition = select(_season.c.id).where(_season.c.competition_id == new)
    triggers["competition_au"] = Trigger(
        "UPDATE OF name",
        "competition",
        [index(SearchKind.MATCH, m.season_id.in_(in_competition.scalar_subquery()))],
        renamed=True,
    )
    return {f"search_index_{name}": trigger for name, trigger in triggers.items()}


def _triggers() -> dict[str, Trigger]:
    return trigger_plan(_index, _unindex)


def _begin(connection: Connection) -> None:
    """Make the DDL below part of the transaction: Python's sqlite3 opens one only before
    INSERT/UPDATE/DELETE, so a failed rebuild would otherwise leave no index behind."""
    raw = connection.connection.dbapi_connection
    if raw is not None and not raw.in_transaction:
        connection.exec_driver_sql("BEGIN")


def install(connection: Connection, progress: Progress | None = None) -> int:
    """(Re)create the index and its triggers and fill it; returns the number of documents."""
    _begin(connection)
    for name in _triggers():  # the old tables are dropped by the rebuild, as it reports
        connection.execute(text(f"DROP TRIGGER IF EXISTS {name}"))
    for name, trigger in _triggers().items():
        body = "".join(f"    {s};\n" for s in trigger.statements)
        connection.execute(text(f"CREATE TRIGGER {name} {trigger.sqlite}\nBEGIN\n{body}END"))
    return rebuild(connection, progress)


@contextmanager
def bulk_insert(connection: Connection, kinds: tuple[SearchKind, ...]) -> Iterator[None]:
    """Rows of ``kinds`` inserted inside are indexed at the end, one statement per kind,
    instead of by a trigger per row (an import of tens of thousands of rows). In the
    caller's transaction: a failure leaves the triggers as they were."""
    if not is_installed(connection):
        yield
        return
    starts = {k: connection.execute(select(func.max(IDS[k]))).scalar() or 0 for k in kinds}
    triggers = _triggers()
    names = [f"search_index_{IDS[k].table.name}_ai" for k in kinds]
    for name in names:
        connection.execute(text(f"DROP TRIGGER IF EXISTS {name}"))
    yield
    for kind, start in starts.items():
        connection.execute(text(_index(kind, IDS[kind] > start)))
    for name in names:
        trigger = triggers[name]
        body = "".join(f"    {s};\n" for s in trigger.statements)
        connection.execute(text(f"CREATE TRIGGER {name} {trigger.sqlite}\nBEGIN\n{body}END"))


def uninstall(connection: Connection) -> None:
    _begin(connection)
    for name in _triggers():
        connection.execute(text(f"DROP TRIGGER IF EXISTS {name}"))
    for table_name in TABLES.values():
        connection.execute(text(f"DROP TABLE IF EXISTS {table_name}"))


def rebuild(connection: Connection, progress: Progress | None = None) -> int:
    """Recreate the index from the tables (dropping is far faster than deleting every row),
    in batches of REBUILD_BATCH records, calling ``progress`` after each."""
    _begin(connection)
    sizes = {kind: id_range(connection, kind) for kind in TABLES}
    total = sum(count for count, _, _ in sizes.values())
    done, reported, indexed_in_all = 0, [0], 0
    if progress is not None:
        progress(0, total)
    for kind, name in TABLES.items():
        connection.execute(text(f"DROP TABLE IF EXISTS {name}"))
        connection.execute(
            text(
                f"CREATE VIRTUAL TABLE {name} USING fts5({LAYOUT}, tokenize = '{TOKENIZE}', "
                f"{_PREFIXES})"
            )
        )
        # No merging while filling (each batch makes one segment), big in-memory batches:
        # a fifth less work. Then the segments are merged into one b-tree (queries on ten
        # segments of a million moments took a fifth longer), in steps that report.
        _configure(connection, name, automerge=0, hashsize=64 << 20)
        count, last, high = sizes[kind]
        ident, indexed = IDS[kind], 0

        def step(share: float, base: int = done, count: int = count) -> None:
            now = min(base + int(count * share), total)  # ``share``: filling, then merging
            if progress is not None and now > reported[0]:  # only news
                reported[0] = now
                progress(now, total)

        while last < high:  # batches of REBUILD_BATCH rows, however sparse the ids
            upper = batch_end(connection, ident, last) or high
            batch = (ident > literal(last)) & (ident <= literal(upper))
            indexed += connection.execute(text(_index(kind, batch, replace=False))).rowcount
            last = upper
            step(_FILLING * min(indexed, count) / max(count, 1))
        _merge(connection, name, lambda part: step(_FILLING + (1 - _FILLING) * part))
        done, indexed_in_all = done + count, indexed_in_all + indexed
        _configure(connection, name, automerge=4, hashsize=1 << 20)  # FTS5's defaults
    return indexed_in_all  # counted while filling: a count(*) reads the whole index again


# Of a kind's rebuild, the share that fills the index (the rest merges its segments), and
# the pages one merge step writes (about 0.3 s of work: the progress never stalls).
_FILLING, _MERGE_PAGES = 0.85, 2000


def _merge(connection: Connection, name: str, report: Callable[[float], None]) -> None:
    """Merge the index's segments into one, as 'optimize' does, but in steps, reporting
    the share done (of the pages there are to write) after each."""
    raw = connection.connection.dbapi_connection
    pages = connection.execute(text(f"SELECT count(*) FROM {name}_data")).scalar_one()
    _configure(connection, name, usermerge=2)  # merge down to one segment per level
    written = 0
    while raw is not None:
        before = raw.total_changes
        connection.execute(
            text(f"INSERT INTO {name}({name}, rank) VALUES ('merge', -{_MERGE_PAGES})")
        )
        if raw.total_changes - before < 2:  # FTS5's sign that there was nothing to merge
            break
        written += _MERGE_PAGES
        report(min(written / max(pages, 1), 0.99))
    # Whatever levels are left (a no-op on one segment).
    connection.execute(text(f"INSERT INTO {name}({name}) VALUES ('optimize')"))
    report(1.0)


def id_range(connection: Connection, kind: SearchKind) -> tuple[int, int, int]:
    """(rows, an id below the lowest, highest id) of the records of ``kind``."""
    ident = IDS[kind]
    found = connection.execute(select(func.count(), func.min(ident), func.max(ident))).one()
    return found[0], (found[1] or 0) - 1, found[2] or 0


def batch_end(connection: Connection, ident: Any, after: int) -> int | None:
    """The id REBUILD_BATCH rows after ``after`` (None: fewer rows are left)."""
    ahead = select(ident).where(ident > after).order_by(ident)
    return connection.execute(ahead.offset(REBUILD_BATCH - 1).limit(1)).scalar()


def _configure(connection: Connection, name: str, **values: int) -> None:
    for key, value in values.items():
        connection.execute(text(f"INSERT INTO {name}({name}, rank) VALUES ('{key}', {value})"))


def is_current(connection: Connection) -> bool:
    """Whether the installed index has this revision's columns (0004's had no ``names``)."""
    sql = connection.execute(
        text("SELECT sql FROM sqlite_master WHERE name = :name"), {"name": TABLES[SearchKind.MATCH]}
    ).scalar()
    return LAYOUT in (sql or "")


def fts5_available(connection: Connection) -> bool:
    """Python builds without FTS5 exist; the app then searches the portable way."""
    options = connection.exec_driver_sql("PRAGMA compile_options").scalars().all()
    return "ENABLE_FTS5" in options


def is_installed(connection: Connection) -> bool:
    if connection.dialect.name != "sqlite":
        return False
    names = set(TABLES.values())
    found = connection.execute(text("SELECT name FROM sqlite_master WHERE type = 'table'"))
    return names <= set(found.scalars())


def add_translate(connection: Connection) -> None:
    """PostgreSQL's translate(), which the portable search uses, on a SQLite connection."""
    raw = connection.connection.dbapi_connection
    if raw is not None:
        raw.create_function("translate", 3, _translate, deterministic=True)


def _translate(text: str | None, sources: str, targets: str) -> str | None:
    table = {ord(ch): targets[i] if i < len(targets) else None for i, ch in enumerate(sources)}
    return None if text is None else text.translate(table)


def include_name(name: str | None, type_: str, parent_names: Any) -> bool:
    """For Alembic's ``include_name``: the FTS tables are not in the models, on purpose."""
    return not (type_ == "table" and name in SHADOW_TABLES)


# --- the FTS5 query (SQLite only) ------------------------------------------------------------


def fts_candidates(kind: SearchKind) -> Select[Any]:
    """``kind``'s documents matching ``:expression`` (``Query.fts``), newest first:
    (ref_id, match_id, person_id, score).

    The score (lower is better) counts the matched names (every hit has all the words).
    Not bm25: its first call counts the documents of every word searched for, a scan of
    the whole index (20 ms for "chance" among a million moments); the hits of the newest
    CANDIDATES, which is all the ranking sees, cost a tenth of that. Add a LIMIT: FTS5
    then stops early and computes the score only for the rows returned.
    """
    fts = _fts(kind)
    match: ColumnElement[Any] = literal_column(TABLES[kind])

    def hits(index: int, name: str) -> ColumnElement[int]:  # matched words in a column
        marked = func.highlight(match, index, func.char(1), "", type_=String)
        return func.length(marked) - func.length(fts.c[name])

    # Names only: re-reading a long quote's words for their hits cost five times the match.
    score = -(hits(3, "names") + hits(4, "alt"))
    return (
        select(fts.c.rowid.label("ref_id"), fts.c.match_id, fts.c.person_id, score.label("score"))
        .where(match.op("MATCH")(bindparam("expression", type_=String)))
        .order_by(fts.c.rowid.desc())
    )


def fts_documents(kind: SearchKind, ids: list[int]) -> Select[Any]:
    """(ref_id, title, body) of some documents of ``kind``, read by rowid."""
    fts = _fts(kind)
    return select(fts.c.rowid, fts.c.title, fts.c.body).where(fts.c.rowid.in_(ids))
