"""Fuzzing every importer: whatever the bytes, an import either succeeds or raises
ImportFileError (file, place, problem), never another exception (issue 14, item 6).

Random bytes, and files that are nearly right: JSON of the right shape with wrong
values, CSV with the real columns and odd cells, Football.TXT and squads built from
the lines those files use. Each file goes through parsing and, when it parses, the
writing too, into one database shared by the examples.
"""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from matchnotes.db.database import Database, open_database
from matchnotes.io import FORMATS, ImportFileError
from matchnotes.io.csv_files import MATCH_COLUMNS, PEOPLE_COLUMNS
from matchnotes.io.native import TABLES, columns, table_name
from matchnotes.services.imports import ImportService

FUZZ = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@pytest.fixture(scope="module")
def service(tmp_path_factory) -> ImportService:
    database: Database = open_database(tmp_path_factory.mktemp("fuzz") / "fuzz.sqlite")
    yield ImportService(database.engine)
    database.close()


def refused_or_imported(service: ImportService, data: bytes, name: str, **options) -> None:
    try:
        service.import_bytes(data, name, **options)
    except ImportFileError as exc:
        assert str(exc).startswith(name), str(exc)
        str(exc).encode("utf-8")  # printable: no lone surrogate from the file in it


NAMES = st.sampled_from(["f.json", "f.csv", "f.txt", "f", "F.JSON"])
FORMAT = st.sampled_from([None, *FORMATS])
ODD_TEXT = st.lists(
    st.characters(codec="utf-8")
    | st.sampled_from(["\x00", "\r", "\n", '"', ",", ";", "\ufeff", "<b>", "\ud800", "9" * 30]),
    max_size=12,
).map("".join)


@FUZZ
@given(data=st.binary(max_size=2000), name=NAMES, format=FORMAT, skip=st.booleans())
def test_random_bytes(service, data, name, format, skip):
    refused_or_imported(service, data, name, format=format, skip_errors=skip)


# --- JSON of the right shape ----------------------------------------------------------

JSON_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**70), max_value=2**70)
    | st.floats(allow_nan=False)
    | ODD_TEXT
    | st.sampled_from(["2022-11-20", "18:00", "2H", "goal", "player", "45+2", "1H"]),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(ODD_TEXT, inner, max_size=3),
    max_leaves=8,
)
TABLE_FIELDS = {table_name(m): [c.name for c in columns(m)] for m in TABLES}


@st.composite
def native_rows(draw, table: str) -> list[dict]:
    fields = TABLE_FIELDS[table]
    rows = []
    for ident in range(1, draw(st.integers(0, 3)) + 1):
        row = {"id": ident} if "id" in fields else {}
        for field in draw(st.lists(st.sampled_from(fields), max_size=len(fields), unique=True)):
            small_ref = field.endswith("_id") and draw(st.booleans())
            row[field] = draw(st.integers(1, 3) if small_ref else JSON_VALUES)
        rows.append(row)
    return rows


@st.composite
def native_documents(draw) -> dict:
    tables = {t: draw(native_rows(t)) for t in draw(st.sets(st.sampled_from(list(TABLE_FIELDS))))}
    return {"format": "matchnotes", "version": draw(st.sampled_from([1, 1, 1, 2, "1"])),
            "tables": tables}  # fmt: skip


GOAL = st.fixed_dictionaries(
    {}, optional={k: JSON_VALUES for k in ("name", "minute", "offset", "penalty", "owngoal")}
)
FOOTBALL_MATCH = st.fixed_dictionaries(
    {"date": st.sampled_from(["2022-11-20", "2022-02-30"]) | JSON_VALUES},
    optional={
        "team1": ODD_TEXT | JSON_VALUES, "team2": ODD_TEXT, "time": JSON_VALUES,
        "ground": JSON_VALUES, "round": JSON_VALUES, "group": JSON_VALUES,
        "score": st.fixed_dictionaries({}, optional={k: JSON_VALUES for k in ("ft", "et", "p")}),
        "goals1": st.lists(GOAL, max_size=3) | JSON_VALUES, "goals2": st.lists(GOAL, max_size=2),
        "score1": JSON_VALUES, "score2": JSON_VALUES,
    },
)  # fmt: skip


@FUZZ
@given(doc=native_documents())
def test_matchnotes_json_with_wrong_values(service, doc):
    refused_or_imported(service, json.dumps(doc).encode(), "backup.json")


@FUZZ
@given(name=JSON_VALUES, matches=st.lists(FOOTBALL_MATCH, max_size=4), skip=st.booleans())
def test_openfootball_json_with_wrong_values(service, name, matches, skip):
    doc = json.dumps({"name": name, "matches": matches}).encode()
    refused_or_imported(service, doc, "cup.json", skip_errors=skip)


# --- CSV and TXT built from their own pieces ------------------------------------------

CELL = ODD_TEXT | st.sampled_from(
    ["2024-05-01", "18:00", "2", "99", "100", "penalties", "finished", "player", "gk", "1-0"]
)


@FUZZ
@given(
    columns=st.sampled_from([MATCH_COLUMNS, PEOPLE_COLUMNS]).flatmap(
        lambda cols: st.lists(st.sampled_from(cols), min_size=1, unique=True)
    ),
    rows=st.lists(st.lists(CELL, max_size=6), max_size=5),
    delimiter=st.sampled_from([",", ";"]),
    newline=st.sampled_from(["\n", "\r\n", "\r"]),
    skip=st.booleans(),
)
def test_csv_with_odd_cells(service, columns, rows, delimiter, newline, skip):
    lines = [delimiter.join(columns), *(delimiter.join(row) for row in rows)]
    data = newline.join(lines).encode("utf-8", "surrogatepass")
    refused_or_imported(service, data, "fixtures.csv", skip_errors=skip)


TXT_LINES = st.sampled_from([
    "= World Cup 2022", "Sun Nov 20 19:00 @ Al Bayt Stadium, Al Khor", "Mon Nov 21",
    "  Qatar v Ecuador  0-2 (0-2)", "  England v Iran 6-2",
    "  A v B  1-1 a.e.t. (1-1, 1-1) 4-2 pen.",
    "     (Valencia 16' (pen.), 31')", "     (Kane 90+3' og)", "Qatar: Barsham - Khoukhi [Y 20']",
    "Ecuador: Galíndez - Preciado (Plata 83')", "Penalties: 1-0 Messi, 1-1 Kane (missed)",
    "▪ Group A", "== Qatar", "  1, Saad Al Sheeb, GK, b. 1990/02/19", "  two, Back, DF",
    "# comment", "", "Referee: Daniele Orsato (Italy)", "Att: 67372",
])  # fmt: skip


@FUZZ
@given(
    lines=st.lists(TXT_LINES | ODD_TEXT, max_size=12),
    name=st.sampled_from(["cup.txt", "squads.txt"]),
    format=st.sampled_from([None, "football-txt", "squads-txt"]),
    skip=st.booleans(),
)
def test_football_txt_and_squads_built_from_their_lines(service, lines, name, format, skip):
    data = "\n".join(lines).encode("utf-8", "surrogatepass")
    refused_or_imported(service, data, name, format=format, skip_errors=skip)


def test_the_fuzzers_cover_every_format():
    """A new format gets a fuzzer here: this list is the formats above."""
    assert set(FORMATS) == {
        "matchnotes", "openfootball-json", "football-txt", "squads-txt", "csv-matches",
        "csv-people",
    }  # fmt: skip
