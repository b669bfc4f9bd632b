"""The search index on PostgreSQL: a tsvector per document, GIN-indexed, kept by triggers.

The same documents as SQLite's FTS5 index (``search.documents()``), one table per kind
with the same names (``search_match``, ``search_moment``…): ``id`` (the record's),
``title`` and ``body`` (what a result shows), ``match_id``, ``person_id`` and
``document``: the names weighted A, the other words weighted B (``search_tsquery``
says how a query reads them). The text is folded as FTS5's unicode61 folds it:
``unaccent`` (the extension, through the IMMUTABLE wrapper ``matchnotes_unaccent``),
lower case, punctuation as spaces, then the 'simple' configuration (no stemming, no
stop words): names stay exact and inflections are what the query spells out.

Triggers (PL/pgSQL, one function each) keep the index in the transaction of every
change, renames included, as the SQLite triggers do; they run the same document selects,
compiled for PostgreSQL. ``install`` fills the tables in batches, then builds the GIN
indexes (faster than growing them row by row), reporting its progress.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, Integer, Select, String, bindparam, cast, column, func
from sqlalchemy import select as sa_select
from sqlalchemy import table as sa_table
from sqlalchemy import text as sql_text
from sqlalchemy.dialects import postgresql
from sqlalchemy.dialects.postgresql import ARRAY, TSQUERY
from sqlalchemy.sql.elements import ColumnElement

from matchnotes.db import search
from matchnotes.db.search import TABLES, Progress, documents
from matchnotes.enums import SearchKind
from matchnotes.errors import DatabaseRefusedError

UNACCENT = "matchnotes_unaccent"
TEXT = "matchnotes_search_text"
VECTOR = "matchnotes_search_vector"
WORDS = "matchnotes_search_words"
HITS = "matchnotes_name_hits"
# What unicode61 (FTS5) splits words on and PostgreSQL's parser might not: its hyphenated
# words, e-mails, file names and decimals would index "al-bayt" as three words.
PUNCTUATION = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~·–—‘’‚‛“”„«»‹›…•′″´¨¡¿§¶°±×÷"
EXTENSION_ADVICE = (
    "Searching on PostgreSQL needs its 'unaccent' extension, and this database does "
    "not have it ({error}). Nothing was changed. Ask the database's administrator to run "
    "CREATE EXTENSION unaccent; in this database (it ships with PostgreSQL's contrib "
    "package, e.g. postgresql-contrib), then open the database again."
)
# The names' hits, as FTS5's highlight() counts them: each place a searched word or a
# typed beginning stands among the names (weight A), and each phrase found there.
_HITS = """
  (SELECT count(*) FROM unnest($1) AS u, unnest(u.weights) AS w(weight)
   WHERE w.weight = 'A' AND (u.lexeme = ANY($2) OR u.lexeme LIKE ANY($3)))
  + (SELECT count(*) FROM unnest($4::tsquery[]) AS p(q) WHERE $1 @@ p.q)"""
_DOCUMENT = ("id", "title", "body", "match_id", "person_id", "document")


def _run(connection: Connection, sql: str) -> Any:
    """Run SQL as written: the driver would read its % signs as placeholders."""
    return connection.exec_driver_sql(sql.replace("%", "%%"))


def _identifier(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _quote(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def create_functions(connection: Connection) -> None:
    """The unaccent extension (refused with advice when it cannot be had) and the
    functions every document and every searched word go through."""
    _run(connection, "SAVEPOINT matchnotes_unaccent")
    try:
        _run(connection, "CREATE EXTENSION IF NOT EXISTS unaccent")
    except Exception as exc:
        _run(connection, "ROLLBACK TO SAVEPOINT matchnotes_unaccent")
        error = str(getattr(exc, "orig", exc)).strip().splitlines()[0]
        raise DatabaseRefusedError(EXTENSION_ADVICE.format(error=error)) from exc
    _run(connection, "RELEASE SAVEPOINT matchnotes_unaccent")
    schema = _run(
        connection,
        "SELECT n.nspname FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace "
        "WHERE e.extname = 'unaccent'",
    ).scalar_one()
    where = _identifier(schema)
    here = _identifier(_run(connection, "SELECT current_schema()").scalar_one())
    # Schema-qualified: an index or a restore may run with another search_path.
    functions = {
        f"{UNACCENT}(text) RETURNS text":
            f"{where}.unaccent({_quote(where + '.unaccent')}::regdictionary, $1)",
        f"{TEXT}(text) RETURNS text": f"translate(lower({here}.{UNACCENT}(coalesce($1, ''))), "
            f"{_quote(PUNCTUATION)}, {_quote(' ' * len(PUNCTUATION))})",
        f"{VECTOR}(names text, words text) RETURNS tsvector":
            f"setweight(to_tsvector('pg_catalog.simple', {here}.{TEXT}($1)), 'A') || "
            f"setweight(to_tsvector('pg_catalog.simple', {here}.{TEXT}($2)), 'B')",
        f"{WORDS}(text) RETURNS text[]":  # a text's words as a document has them, in order
            "(SELECT coalesce(array_agg(u.lexeme ORDER BY p), '{}') FROM unnest(to_tsvector("
            f"'pg_catalog.simple', {here}.{TEXT}($1))) AS u, unnest(u.positions) AS p)",
    }  # fmt: skip
    for signature, body in functions.items():
        _run(
            connection,
            f"CREATE OR REPLACE FUNCTION {signature} LANGUAGE sql IMMUTABLE PARALLEL SAFE "
            f"AS $$ SELECT {body} $$",
        )
    # Costly on purpose: the planner then runs it on the rows kept, after ORDER BY … LIMIT.
    _run(
        connection,
        f"CREATE OR REPLACE FUNCTION {HITS}(document tsvector, words text[], "
        "prefixes text[], phrases text[]) RETURNS integer "
        f"LANGUAGE sql IMMUTABLE PARALLEL SAFE COST 1000 AS $$ SELECT ({_HITS})::integer $$",
    )


# --- documents and triggers ------------------------------------------------------------------


def _sql(statement: Any) -> str:
    dialect = postgresql.dialect()
    return str(statement.compile(dialect=dialect, compile_kwargs={"literal_binds": True}))


def _index(kind: SearchKind, where: ColumnElement[bool] | None = None, upsert: bool = True) -> str:
    """INSERT the documents of ``kind`` (those matching ``where``), replacing old ones."""
    doc = documents()[kind]
    d = (doc if where is None else doc.where(where)).subquery("doc")
    vector = func.matchnotes_search_vector(d.c.names, d.c.words)
    rows = sa_select(d.c.ref_id, d.c.title, d.c.body, d.c.match_id, d.c.person_id, vector)
    target = sa_table(TABLES[kind], *(column(name) for name in _DOCUMENT))
    statement = postgresql.insert(target).from_select(list(target.c), rows)
    if upsert:
        kept = {name: statement.excluded[name] for name in _DOCUMENT[1:]}
        statement = statement.on_conflict_do_update(index_elements=["id"], set_=kept)
    return _sql(statement)


def _unindex(kind: SearchKind, row: str) -> str:
    return f"DELETE FROM {TABLES[kind]} WHERE id = {row}.id"


def _triggers() -> dict[str, search.Trigger]:
    """As SQLite's (same names, same statements), in PostgreSQL's words."""
    return search.trigger_plan(_index, _unindex)


def _create_triggers(connection: Connection) -> None:
    for name, trigger in _triggers().items():
        body = "".join(f"  {s};\n" for s in trigger.statements)
        _run(
            connection,
            f"CREATE OR REPLACE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql "
            f"AS $$\nBEGIN\n{body}  RETURN NULL;\nEND $$",
        )
        when = " WHEN (old.name IS DISTINCT FROM new.name)" if trigger.renamed else ""
        _run(
            connection,
            f"CREATE TRIGGER {name} AFTER {trigger.event} ON {trigger.table} "
            f"FOR EACH ROW{when} EXECUTE FUNCTION {name}()",
        )


def _drop_triggers(connection: Connection) -> None:
    for name, trigger in _triggers().items():
        _run(connection, f"DROP TRIGGER IF EXISTS {name} ON {trigger.table}")
        _run(connection, f"DROP FUNCTION IF EXISTS {name}()")


# --- install, rebuild, uninstall -------------------------------------------------------------


def install(connection: Connection, progress: Progress | None = None) -> int:
    """(Re)create the functions, tables, indexes and triggers; fill the tables from the
    records. Returns the number of documents."""
    create_functions(connection)
    _drop_triggers(connection)
    count = rebuild(connection, progress)
    _create_triggers(connection)
    return count


def uninstall(connection: Connection) -> None:
    """Drop the index (tables, triggers, functions); the unaccent extension stays."""
    _drop_triggers(connection)
    for name in TABLES.values():
        _run(connection, f"DROP TABLE IF EXISTS {name}")
    _run(connection, f"DROP FUNCTION IF EXISTS {VECTOR}(text, text)")
    _run(connection, f"DROP FUNCTION IF EXISTS {WORDS}(text)")
    _run(connection, f"DROP FUNCTION IF EXISTS {TEXT}(text)")
    _run(connection, f"DROP FUNCTION IF EXISTS {HITS}(tsvector, text[], text[], text[])")
    _run(connection, f"DROP FUNCTION IF EXISTS {UNACCENT}(text)")


# Of a kind's rebuild, the share that fills the table (the rest builds its GIN index).
_FILLING = 0.8


def rebuild(connection: Connection, progress: Progress | None = None) -> int:
    """Recreate the tables from the records, in batches of ``search.REBUILD_BATCH``,
    then their GIN indexes, calling ``progress(done, total)`` as it goes."""
    sizes = {kind: search.id_range(connection, kind) for kind in TABLES}
    total = sum(count for count, _, _ in sizes.values())
    done, indexed_in_all = 0, 0
    if progress is not None:
        progress(0, total)
    # Bigger sorts for CREATE INDEX: a tenth of the time on a million moments.
    _run(connection, "SET LOCAL maintenance_work_mem = '256MB'")
    for kind, name in TABLES.items():
        _run(connection, f"DROP TABLE IF EXISTS {name}")
        _run(
            connection,
            f"CREATE TABLE {name} (id integer PRIMARY KEY, title text, body text, "
            "match_id integer, person_id integer, document tsvector NOT NULL)",
        )
        count, last, high = sizes[kind]
        ident, indexed = search.IDS[kind], 0
        while last < high:  # batches of REBUILD_BATCH rows, however sparse the ids
            upper = search.batch_end(connection, ident, last) or high
            batch = (ident > last) & (ident <= upper)
            indexed += _run(connection, _index(kind, batch, upsert=False)).rowcount
            last = upper
            if progress is not None and count:
                progress(done + int(count * _FILLING * min(indexed, count) / count), total)
        _run(connection, f"CREATE INDEX {name}_document ON {name} USING gin (document)")
        _run(connection, f"ANALYZE {name}")  # the planner's word counts
        done, indexed_in_all = done + count, indexed_in_all + indexed
        if progress is not None:
            progress(done, total)
    return indexed_in_all


def is_installed(connection: Connection) -> bool:
    if connection.dialect.name != "postgresql":
        return False
    found = connection.execute(
        sql_text("SELECT count(*) FROM pg_proc WHERE proname = :name"), {"name": VECTOR}
    ).scalar_one()
    tables = connection.execute(
        sql_text("SELECT count(*) FROM pg_tables WHERE schemaname = current_schema() "
                 "AND tablename = ANY(:names)"),
        {"names": list(TABLES.values())},
    ).scalar_one()  # fmt: skip
    return bool(found) and tables == len(TABLES)


# --- the query -------------------------------------------------------------------------------


def _document_table(kind: SearchKind) -> Any:
    return sa_table(TABLES[kind], *(column(name) for name in _DOCUMENT))


def candidates(kind: SearchKind) -> Select[Any]:
    """``kind``'s documents matching ``:tsquery`` (``search_tsquery.tsquery``), newest
    first: (ref_id, match_id, person_id, score), as ``search.fts_candidates``; the score
    counts the names' hits (``:name_words``, ``:name_prefixes``, ``:name_phrases``:
    ``search_tsquery.name_hits``)."""
    t = _document_table(kind)
    query = cast(bindparam("tsquery", type_=String), TSQUERY)
    hits = func.matchnotes_name_hits(
        t.c.document,
        *(bindparam(name, type_=ARRAY(String)) for name in NAME_PARAMETERS),
        type_=Integer,
    )
    return (
        sa_select(t.c.id.label("ref_id"), t.c.match_id, t.c.person_id, (-hits).label("score"))
        .where(t.c.document.op("@@")(query))
        .order_by(t.c.id.desc())
    )


NAME_PARAMETERS = ("name_words", "name_prefixes", "name_phrases")


def plan_for_search(connection: Connection) -> None:
    """For this transaction: tell the planner that the index and tables are in memory
    (random reads cost little) and that matching a tsvector costs more than a plain
    comparison. With the defaults it read a million moments newest first for two words
    found together in one moment of three hundred (270 ms), not the GIN index."""
    _run(connection, "SET LOCAL random_page_cost = 1.1")
    _run(connection, "SET LOCAL cpu_operator_cost = 0.02")


def fold_terms(connection: Connection, texts: list[str]) -> dict[str, tuple[str, ...]]:
    """Each searched text's words as the documents have them (folded by the server, by
    the function that folds the documents: unaccent folds letters Python leaves alone)."""
    found = connection.execute(
        sql_text(f"SELECT t, {WORDS}(t) FROM unnest(CAST(:texts AS text[])) AS t"),
        {"texts": texts},
    )
    return {text: tuple(words) for text, words in found}


def documents_by_id(kind: SearchKind, ids: list[int]) -> Select[Any]:
    """(ref_id, title, body) of some documents of ``kind``."""
    t = _document_table(kind)
    return sa_select(t.c.id, t.c.title, t.c.body).where(t.c.id.in_(ids))
