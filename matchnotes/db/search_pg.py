"""The search index on PostgreSQL: a tsvector per document, GIN-indexed, kept by triggers.

The same documents as SQLite's FTS5 index (``search.documents()``), one table per kind
with the same names (``search_match``, ``search_moment``…): ``id`` (the record's),
``title`` and ``body`` (what a result shows), ``match_id``, ``person_id`` and
``document``: the names weighted A, the other words weighted B (``search_tsquery``
says how a query reads them). The text is folded as FTS5's unicode61 folds it:
``unaccent`` (the extension, through the IMMUTABLE wrapper ``matchnotes_unaccent``),
lower case, punctuation as spaces, then the 'simple' configuration (no stemming, no
stop words): names stay exact and inflections are what the query spells out.

Two things let a search read a few hundred rows, not every match (revision 0016):

- *Slices.* A document also holds one lexeme per level of ``SLICES`` naming the block of
  ids it falls in (``#15-30``: ids 30·2¹⁵ to 31·2¹⁵ - 1; never a searched word, which is
  folded to letters and digits, and counted by no ranking, which reads weight A). A
  search wants a kind's newest hits, so it asks for the newest blocks first
  (``window``): the GIN index then finds the hits in those ids only, and the heap is
  read for them only. Without them, every hit of "kane" among a million moments was
  read and sorted by id to keep the newest 501. The window and each ANDed part of the
  query are separate ``@@`` conditions (``matching``), one GIN key each: the scan leaps
  from one key's next hit to the others', where one tsquery for all of it stepped
  through every document of its rarest word (a first name: 55,000 moments) and tested
  each.
- *Words.* ``search_word`` holds every word a document has ever had (never deleted:
  a word no document has any more finds nothing). A word being typed is looked up
  there and spelled out as those words (``read_terms``) when they are few: GIN
  reads a typed beginning (``'sa':*``) as the union of every word's whole list,
  whatever else the query asks; a list of words it can step through like the others.
  No unique key on purpose: two writers adding one new word must not wait for each
  other (duplicates are harmless: the lookup says DISTINCT).

Triggers (PL/pgSQL, one function each) keep the index in the transaction of every
change, renames included, as the SQLite triggers do; they run the same document selects,
compiled for PostgreSQL. ``install`` fills the tables in batches, then builds the GIN
indexes (faster than growing them row by row), reporting its progress.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from sqlalchemy import (
    Connection,
    Integer,
    Select,
    String,
    Text,
    any_,
    bindparam,
    case,
    cast,
    column,
    func,
    literal_column,
    or_,
    union_all,
)
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
SLICE_LEXEMES = "matchnotes_search_slices"
WORD_TABLE = "search_word"
# Sizes of the id blocks a document names (2**16 and 2**18 ids), and the most blocks one
# window asks for (``window``). Each window is a GIN key of its own, which the scan
# leaps through from one hit of the query's words to the next: its blocks are not
# stepped through (one key for words and blocks stepped through the rarest of them all).
SLICES = (16, 18)
MAX_SLICES = 8
# A typed beginning shared by more words than this stays a prefix query (':*').
MAX_EXPANSION = 64
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
        f"{SLICE_LEXEMES}(integer) RETURNS tsvector":  # the id's blocks, no position
            "array_to_tsvector(ARRAY["
            + ", ".join(f"'#{shift}-' || ($1 >> {shift})" for shift in SLICES) + "])",
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
    """INSERT the documents of ``kind`` (those matching ``where``), replacing old ones;
    with ``upsert`` (the triggers), their new words go into ``search_word`` too."""
    doc = documents()[kind]
    d = (doc if where is None else doc.where(where)).subquery("doc")
    vector = func.matchnotes_search_vector(d.c.names, d.c.words).op("||")(
        func.matchnotes_search_slices(d.c.ref_id)
    )
    rows = sa_select(d.c.ref_id, d.c.title, d.c.body, d.c.match_id, d.c.person_id, vector)
    target = sa_table(TABLES[kind], *(column(name) for name in _DOCUMENT))
    statement = postgresql.insert(target).from_select(list(target.c), rows)
    if not upsert:
        return _sql(statement)
    kept = {name: statement.excluded[name] for name in _DOCUMENT[1:]}
    statement = statement.on_conflict_do_update(index_elements=["id"], set_=kept)
    indexed = _sql(statement.returning(target.c.document))
    return f"WITH indexed AS ({indexed}) " + _new_words("SELECT document FROM indexed")


def _new_words(documents_sql: str) -> str:
    """INSERT into ``search_word`` the words of the documents selected that it lacks."""
    return (
        f"INSERT INTO {WORD_TABLE} (word) SELECT DISTINCT w.word FROM ({documents_sql}) AS d, "
        "unnest(tsvector_to_array(d.document)) AS w(word) WHERE left(w.word, 1) <> '#' "
        f"AND NOT EXISTS (SELECT FROM {WORD_TABLE} AS s WHERE s.word = w.word)"
    )


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
    for name in [*TABLES.values(), WORD_TABLE]:
        _run(connection, f"DROP TABLE IF EXISTS {name}")
    _run(connection, f"DROP FUNCTION IF EXISTS {SLICE_LEXEMES}(integer)")
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
    _run(connection, f"DROP TABLE IF EXISTS {WORD_TABLE}")
    _run(connection, f'CREATE TABLE {WORD_TABLE} (word text COLLATE "C" NOT NULL)')
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
        _run(connection, _new_words(f"SELECT document FROM {name}"))
        _run(connection, f"CREATE INDEX {name}_document ON {name} USING gin (document)")
        _run(connection, f"ANALYZE {name}")  # the planner's word counts
        done, indexed_in_all = done + count, indexed_in_all + indexed
        if progress is not None:
            progress(done, total)
    _run(connection, f"CREATE INDEX {WORD_TABLE}_word ON {WORD_TABLE} (word)")
    _run(connection, f"ANALYZE {WORD_TABLE}")
    return indexed_in_all


def is_installed(connection: Connection) -> bool:
    if connection.dialect.name != "postgresql":
        return False
    return _found(connection, [VECTOR], list(TABLES.values()))


def is_current(connection: Connection) -> bool:
    """Whether the installed index has this revision's slices and words (0016)."""
    return _found(connection, [VECTOR, SLICE_LEXEMES], [*TABLES.values(), WORD_TABLE])


def _found(connection: Connection, functions: list[str], tables: list[str]) -> bool:
    """Whether all these functions and tables are in the search path: one statement of
    catalogue look-ups (asked before every search; pg_tables took milliseconds)."""
    checks = [f"to_regproc({_quote(name)}) IS NOT NULL" for name in functions]
    checks += [f"to_regclass({_quote(name)}) IS NOT NULL" for name in tables]
    return bool(_run(connection, "SELECT " + " AND ".join(checks)).scalar_one())


# --- the query -------------------------------------------------------------------------------


def _document_table(kind: SearchKind) -> Any:
    return sa_table(TABLES[kind], *(column(name) for name in _DOCUMENT))


def parameters(parts: list[str]) -> dict[str, str]:
    """The parameters of a statement of ``len(parts)`` tsqueries (``matching``)."""
    return {f"tsquery_{i}": part for i, part in enumerate(parts)}


def matching(document: ColumnElement[Any], parts: int) -> list[ColumnElement[bool]]:
    """``document`` matches each of ``:tsquery_0`` … (``search_tsquery.conjuncts``, then
    a window): one GIN key each, which the scan leaps between (one key for all stepped
    through every document of the rarest word)."""
    return [
        document.op("@@")(cast(bindparam(f"tsquery_{i}", type_=String), TSQUERY))
        for i in range(parts)
    ]


def candidates(kind: SearchKind, parts: int, by_index: bool = True) -> Select[Any]:
    """``kind``'s documents matching ``parts`` tsqueries (``matching``), newest
    first: (ref_id, match_id, person_id, score), as ``search.fts_candidates``, but the
    ``score`` column is the document: ``score`` makes its rank, on the rows kept only.
    ``by_index`` False: ordered by an expression, so that the planner cannot read the
    newest rows first through the primary key and test each (it guessed that for a name
    in long quotes and read 22,000 of them); the GIN index then finds the hits."""
    t = _document_table(kind)
    newest = t.c.id if by_index else t.c.id + 0
    return (
        sa_select(t.c.id.label("ref_id"), t.c.match_id, t.c.person_id, t.c.document.label("score"))
        .where(*matching(t.c.document, parts))
        .order_by(newest.desc())
    )


def score(document: ColumnElement[Any]) -> ColumnElement[int]:
    """Lower is better, as FTS5's score: minus the names' hits of ``document``
    (``:name_words``, ``:name_prefixes``, ``:name_phrases``: ``search_tsquery.name_hits``),
    as ``matchnotes_name_hits`` counts them. Written out in the statement, not called:
    each call of that SQL function cost 30-40 µs, a third of a search of 500 candidates."""
    # The names' words only (weight A; ts_filter keeps only their positions): unnesting
    # every word of a long quote cost 45 µs a document.
    names = func.ts_filter(document, literal_column("'{a}'"))
    words, prefixes, phrases = (bindparam(name, type_=ARRAY(String)) for name in NAME_PARAMETERS)
    # Without typed beginnings (spelled out as words: nearly always), no set-returning
    # function: the names' searched words are marked B and kept alone, and their places
    # counted from the text ('kane':2B,5B: one per word, one per comma). Folded words
    # hold no comma. 1.3 µs a document, not 4-6 µs.
    searched = func.ts_filter(
        func.setweight(names, literal_column("'b'"), words), literal_column("'{b}'")
    )
    places = (
        func.length(searched)
        + func.length(cast(searched, Text))
        - func.length(func.replace(cast(searched, Text), ",", ""))
    )
    u = func.unnest(names).table_valued("lexeme", "positions").alias("u")
    in_names = func.cardinality(u.c.positions)
    counted = (
        sa_select(func.coalesce(func.sum(in_names), 0))
        .select_from(u)
        .where(or_(u.c.lexeme == any_(words), u.c.lexeme.like(any_(prefixes))))
        .scalar_subquery()
    )
    each = func.unnest(cast(phrases, ARRAY(TSQUERY))).table_valued("q").render_derived("p")
    phrased = (
        sa_select(func.count()).select_from(each).where(document.op("@@")(each.c.q))
    ).scalar_subquery()
    # CASE evaluates only the branch taken: the subqueries only when there is work for them.
    found = case((func.cardinality(prefixes) == 0, places), else_=counted)
    matched = case((func.cardinality(phrases) == 0, 0), else_=phrased)
    return cast(-(found + matched), Integer)


NAME_PARAMETERS = ("name_words", "name_prefixes", "name_phrases")


# For a search's transaction: the planner is told that the index and tables are in memory
# (random reads cost little) and that matching a tsvector costs more than a plain
# comparison (with the defaults it read a million moments newest first for two words found
# together in one moment of three hundred: 270 ms, not the GIN index); to plan each
# statement for its tsquery (the driver prepares a statement run five times, and a plan for
# no tsquery in particular guesses 0.5 % of hits); and to start no workers (for a few
# hundred rows they cost more than they save, on a busy server most of all: a backward
# scan of the newest moments took 28 ms with them, 3 ms without).
SEARCH_SETTINGS = {
    "random_page_cost": "1.1",
    "cpu_operator_cost": "0.02",
    "plan_cache_mode": "force_custom_plan",
    "max_parallel_workers_per_gather": "0",
}


def ready_for_search(connection: Connection) -> bool:
    """SEARCH_SETTINGS for this transaction, and whether the index is installed: one
    statement (each one is a round trip, milliseconds on a busy server)."""
    settings = [f"set_config({_quote(k)}, {_quote(v)}, true)" for k, v in SEARCH_SETTINGS.items()]
    checks = [f"to_regproc({_quote(VECTOR)}) IS NOT NULL"]
    checks += [f"to_regclass({_quote(name)}) IS NOT NULL" for name in TABLES.values()]
    row = _run(connection, f"SELECT {', '.join(settings)}, {' AND '.join(checks)}").one()
    return bool(row[-1])


@dataclass(frozen=True)
class Terms:
    """What ``read_terms`` found: each searched text's words as the documents have them
    (``folded``), each text's last word -> the indexed words it begins, when there are at
    most MAX_EXPANSION (``spelled``), and each kind's highest document id (``newest``)."""

    folded: dict[str, tuple[str, ...]]
    spelled: dict[str, tuple[str, ...]]
    newest: dict[SearchKind, int]


def read_terms(connection: Connection, texts: list[str], kinds: list[SearchKind]) -> Terms:
    """The words of the searched texts, folded by the server with the function that folds
    the documents (unaccent folds letters Python leaves alone); the words that start as
    each text's last word does, from ``search_word`` (a range, which its index reads: in
    bytes (C), every word that starts with w sorts from w to w || U+10FFFF); the kinds'
    highest ids. One statement; ``OFFSET 0`` folds each text once (the function inlined
    was run four times a text: 0.9 ms, not 0.2)."""
    last = "f.w[cardinality(f.w)]"
    beginning = (
        f"array(SELECT DISTINCT s.word FROM {WORD_TABLE} AS s WHERE s.word >= {last} "
        f'COLLATE "C" AND s.word < ({last} || chr(1114111)) COLLATE "C" ORDER BY s.word '
        "LIMIT :most)"
    )
    highest = [f"(SELECT max(id) FROM {TABLES[kind]})" for kind in kinds]
    found = connection.execute(
        sql_text(
            f"SELECT f.t, f.w, CASE WHEN cardinality(f.w) > 0 THEN {beginning} END, "
            f"{', '.join(highest) or 'NULL'} FROM (SELECT t, {WORDS}(t) AS w "
            "FROM unnest(CAST(:texts AS text[])) AS t OFFSET 0) AS f"
        ),
        {"texts": texts, "most": MAX_EXPANSION + 1},
    ).all()
    folded = {row[0]: tuple(row[1]) for row in found}
    spelled = {
        row[1][-1]: tuple(row[2])
        for row in found
        if row[1] and row[2] is not None and len(row[2]) <= MAX_EXPANSION
    }
    newest = {kind: (found[0][3 + i] or 0) if found else 0 for i, kind in enumerate(kinds)}
    return Terms(folded, spelled, newest)


def fold_terms(connection: Connection, texts: list[str]) -> dict[str, tuple[str, ...]]:
    """Each searched text's words as the documents have them (folded by the server, by
    the function that folds the documents: unaccent folds letters Python leaves alone)."""
    found = connection.execute(
        sql_text(f"SELECT t, {WORDS}(t) FROM unnest(CAST(:texts AS text[])) AS t"),
        {"texts": texts},
    )
    return {text: tuple(words) for text, words in found}


@lru_cache(maxsize=64)
def documents_by_id(kinds: tuple[SearchKind, ...]) -> Any:
    """(kind, ref_id, title, body) of the documents of ``kinds`` whose ids are in the
    arrays ``:ids_<kind>``: one statement, the same text whatever the ids (an IN list
    made a new statement for the driver to parse, 2-3 ms a search)."""
    parts = []
    for kind in kinds:
        t = _document_table(kind)
        tag = literal_column(_quote(kind.value), String).label("kind")
        wanted = bindparam(f"ids_{kind.value}", type_=ARRAY(Integer))
        parts.append(sa_select(tag, t.c.id, t.c.title, t.c.body).where(t.c.id == any_(wanted)))
    return union_all(*parts)


def window(low: int, high: int) -> str | None:
    """A tsquery that holds for documents with ids from ``low`` (rounded down to a block
    of the smallest size) up, ``high`` being the highest id when the search began: small
    blocks up to the first whole large one, then large blocks up to the one past
    ``high``'s (rows added since). None when that is every id (``low`` in the first
    small block) or would take more than MAX_SLICES blocks."""
    small, large = SLICES
    first = low >> small if low > 0 else 0
    if not first:  # from id 0: every id
        return None
    per = 1 << (large - small)  # small blocks in a large one
    whole = -(-first // per)  # the first large block that starts at or after ``low``
    blocks = [f"'#{small}-{n}'" for n in range(first, whole * per)]
    blocks += [f"'#{large}-{n}'" for n in range(whole, (high >> large) + 2)]
    if len(blocks) > MAX_SLICES:
        return None
    return "(" + " | ".join(blocks) + ")"


# A phrase's next word (``<->``, ``<2>``), a lexeme or a parenthesised phrase: what
# ``estimates`` leaves out. Folded words hold no '<' nor parenthesis.
_NEXT_IN_PHRASE = re.compile(r"\s*<(?:-|\d+)>\s*(?:'(?:[^']|'')*'(?::[*AB]+)?|\([^()]*\))")


def _first_words(query: str) -> str:
    """``query`` with each phrase (or NEAR) cut to its first word: more hits, never fewer."""
    while (shorter := _NEXT_IN_PHRASE.sub("", query)) != query:
        query = shorter
    return query


def estimates(
    connection: Connection, kinds: list[SearchKind], parts: list[str]
) -> dict[SearchKind, int]:
    """The planner's guess of how many documents of each kind match all ``parts``
    (tsquery texts), from the index's word statistics, without reading a row: one EXPLAIN.
    A phrase counts as its first word: the planner multiplies its words' shares, as if
    "heung" and "min" stood side by side by chance (280 moments guessed of 16,000), and
    a guess too low has every hit read, where one too high only asks for a wider window."""
    parts = [_first_words(part) for part in parts]
    where = " AND ".join(f"document @@ CAST(:tsquery_{i} AS tsquery)" for i in range(len(parts)))
    each = [f"SELECT 1 FROM {TABLES[kind]} WHERE {where}" for kind in kinds]
    plan = connection.execute(
        sql_text("EXPLAIN (FORMAT JSON) " + " UNION ALL ".join(each)), parameters(parts)
    ).scalar_one()[0]["Plan"]
    scans = plan["Plans"] if len(kinds) > 1 else [plan]  # an Append of one scan per kind
    return {kind: int(scan["Plan Rows"]) for kind, scan in zip(kinds, scans, strict=True)}
