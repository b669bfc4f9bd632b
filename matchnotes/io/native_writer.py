"""MatchNotes JSON written as the rows come: a whole archive never sits in memory.

The text is byte for byte what ``json.dumps(document, ensure_ascii=False, indent=2)``
plus a newline gives for the same document (tests compare them); only the rows of
one table without ids (match tags) are held, to sort them. Ids are renumbered
1..n per table in id order, references likewise, so two exports of equal data are
equal (docs/json-format.md); a photo's stored copy keeps its sha256 (rows in its order)
and its bytes are base64 text. Pure: rows in, text out.
"""

from __future__ import annotations

import base64
import datetime as dt
import enum
import json
from array import array
from bisect import bisect_left
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from sqlmodel import SQLModel

from matchnotes.draft.model import remap_ids
from matchnotes.io.native import (
    ALIAS_TARGETS,
    FORMAT,
    TABLES,
    VERSION,
    Row,
    columns,
    has_id,
    kept_key,
    renumbered_references,
)
from matchnotes.io.native import table_name as name_of
from matchnotes.models import Alias, MatchDraft

Progress = Callable[[int, int], None]
# A table's rows (anything with its columns as attributes), in id order when it has ids.
RowsOf = Callable[[type[SQLModel]], Iterable[Any]]
_TICK = 500  # rows between progress reports (a cancel is checked there too)
_ROW_INDENT, _FIELD_INDENT = "\n" + " " * 6, "\n" + " " * 8
_SCALARS = frozenset({str, int, bool, float})
_encode_text = json.encoder.encode_basestring  # the C one: non-ASCII kept, as json.dumps


class Ranks:
    """A table's ids and their place in it (1 for the lowest), as a compact array:
    a million moments take 8 MB, not the 100 MB of a dict. Ids are added in order."""

    def __init__(self) -> None:
        self._ids = array("q")

    def add(self, ident: int) -> int:
        if self._ids and ident <= self._ids[-1]:
            raise ValueError("rows must come in id order")
        self._ids.append(ident)
        return len(self._ids)

    def get(self, ident: int, default: int | None = None) -> int | None:
        at = bisect_left(self._ids, ident)
        return at + 1 if at < len(self._ids) and self._ids[at] == ident else default

    def __getitem__(self, ident: int) -> int:
        found = self.get(ident)
        if found is None:
            raise KeyError(ident)
        return found


class NativeRows:
    """Each table's rows as the file's dicts, table after table (TABLES' order, which
    puts a table after the ones it points at); ``progress(done, total)`` every few
    hundred rows."""

    def __init__(self, rows_of: RowsOf, total: int, progress: Progress | None = None) -> None:
        self.rows_of, self.total, self.progress = rows_of, total, progress
        self.refs: dict[str, Ranks] = {}
        self.done = 0

    def table(self, model: type[SQLModel]) -> Iterator[Row]:
        items = self.rows_of(model)
        # Worked out once per table, not per row: a million moments are encoded here.
        fks = renumbered_references(model)  # a photo's blob_sha256 is kept as it is
        plan = [
            (c.name, self.refs[fks[c.name]] if c.name in fks else None,
             model is MatchDraft and c.name == "body")
            for c in columns(model)
        ]  # fmt: skip
        if kept_key(model) is not None:  # photo_blob: in key order, each row once
            for item in items:
                yield self._encode(plan, item, None)
                self._tick()
            return
        if not has_id(model):  # ordered by their values, so refs first: held to sort them
            rows = [self._encode(plan, item, None) for item in items]
            rows.sort(key=lambda r: tuple(r.values()))
            for row in rows:
                yield row
                self._tick()
            return
        ranks = self.refs[name_of(model)] = Ranks()
        if model is Alias:
            yield from self._aliases(plan, items, ranks)
            return
        for item in items:
            yield self._encode(plan, item, ranks.add(item.id))
            self._tick()

    def _aliases(
        self, plan: list[tuple[str, Ranks | None, bool]], items: Iterable[Any], ranks: Ranks
    ) -> Iterator[Row]:
        """Aliases point at a team or a competition by their kind: the reference is
        renumbered like any other, and one whose row is gone is left out."""
        for item in items:
            table = ALIAS_TARGETS.get(item.kind)
            target = None
            if table is not None:
                target = self.refs[table].get(item.target_id) if item.target_id else None
                if target is None:
                    continue
            row = self._encode(plan, item, ranks.add(item.id))
            if table is not None:
                row["target_id"] = target
            yield row
            self._tick()

    def finish(self) -> None:
        if self.progress is not None:
            self.progress(self.total, self.total)

    def _tick(self) -> None:
        self.done += 1
        if self.progress is not None and self.done % _TICK == 0:
            self.progress(self.done, self.total)

    def _encode(
        self, plan: list[tuple[str, Ranks | None, bool]], item: Any, rank: int | None
    ) -> Row:
        row: Row = {}
        for name, target, is_draft in plan:
            value = getattr(item, name)
            if name == "id":
                value = rank
            elif target is not None:
                if value is not None:
                    value = target[value]
            elif is_draft:
                value = remap_ids(value, self.refs)  # type: ignore[arg-type]  # its sources
            row[name] = _plain(value)
        return row


def native_document(rows: NativeRows) -> dict[str, Any]:
    """The document as a dict (a match or a few: small), for callers that want one."""
    tables = {name_of(model): list(rows.table(model)) for model in TABLES}
    rows.finish()
    return {"format": FORMAT, "version": VERSION, "tables": tables}


def native_chunks(rows: NativeRows) -> Iterator[str]:
    """The file's text in pieces, a row at a time."""
    yield "{\n" + f'  "format": {_value(FORMAT)},\n  "version": {VERSION},\n  "tables": {{'
    for index, model in enumerate(TABLES):
        yield ("," if index else "") + f"\n    {_value(name_of(model))}: ["
        first = True
        for row in rows.table(model):
            fields = ",".join(
                f"{_FIELD_INDENT}{_encode_text(k)}: {_value(v)}" for k, v in row.items()
            )
            yield ("" if first else ",") + _ROW_INDENT + "{" + fields + _ROW_INDENT + "}"
            first = False
        yield "]" if first else "\n    ]"
    rows.finish()
    yield "\n  }\n}\n"


def _plain(value: Any) -> Any:
    if value is None or type(value) in _SCALARS:
        return value
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, (dt.date, dt.time)):  # datetime is a date too
        return value.isoformat()
    if isinstance(value, (bytes, memoryview)):  # a photo's JPEG
        return base64.b64encode(value).decode("ascii")
    return value


def _value(value: Any) -> str:
    """One value as json.dumps writes it (text without escaping non-ASCII)."""
    kind = type(value)
    if kind is str:
        return str(_encode_text(value))
    if kind is int:
        return int.__repr__(value)
    if value is None:
        return "null"
    return json.dumps(value)  # true, false, a float, a subclass of str or int
