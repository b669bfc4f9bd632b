"""ReadModelTable.update_rows: a few rows added, changed or taken out are told to the
view row by row (what others logged, put in place on a live page); anything else resets."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt

from matchnotes.ui.models.table_model import Column, ReadModelTable


@dataclass(frozen=True)
class Row:
    id: int
    text: str


def model_of(*rows: Row) -> ReadModelTable[Row]:
    model: ReadModelTable[Row] = ReadModelTable([Column("Text", lambda r: r.text)])
    model.set_rows(rows)
    return model


def shown(model: ReadModelTable[Row]) -> list[str]:
    return [model.index(r, 0).data() for r in range(model.rowCount())]


def test_rows_added_changed_and_taken_out_are_told_one_by_one(qtbot) -> None:
    a, b, c = Row(1, "a"), Row(2, "b"), Row(3, "c")
    model = model_of(a, b, c)
    told: list[str] = []
    model.rowsInserted.connect(lambda _p, first, _last: told.append(f"+{first}"))
    model.rowsRemoved.connect(lambda _p, first, _last: told.append(f"-{first}"))
    model.dataChanged.connect(lambda top, bottom: told.append(f"~{top.row()}-{bottom.row()}"))
    with qtbot.assertNotEmitted(model.modelReset):
        model.update_rows([a, Row(4, "new"), Row(3, "c changed")])
    assert shown(model) == ["a", "new", "c changed"]
    assert told == ["-1", "+1", "~2-2"]


def test_a_row_moved_or_a_sorted_list_is_reset(qtbot) -> None:
    a, b = Row(1, "a"), Row(2, "b")
    model = model_of(a, b)
    with qtbot.waitSignal(model.modelReset, timeout=0):
        model.update_rows([b, a])
    assert shown(model) == ["b", "a"]
    model.sort(0, Qt.SortOrder.DescendingOrder)
    with qtbot.waitSignal(model.modelReset, timeout=0):
        model.update_rows([a, b, Row(3, "c")])
    assert shown(model) == ["c", "b", "a"]
