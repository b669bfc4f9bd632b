"""The search screen on the demo database, driven by keys like a user."""

import threading
import time

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QApplication

from matchnotes.enums import SearchKind
from matchnotes.services.search_results import SearchResult, SearchResults
from matchnotes.ui.models.search_model import HTML_ROLE, RESULT_ROLE, group_label
from matchnotes.ui.views.search_view import SearchView

HOSTILE = [
    '"', '""', '"kane', 'kane"', 'NEAR(', 'NEAR(kane', 'NEAR(kane penalty, 3)', 'NOT kane',
    '-kane', '*', 'kane*', '**', 'AND', 'OR', 'kane OR', 'OR OR', '(((', ')', ':', '^kane',
    "' OR 1=1 --", '%', '_', '\\', 'kane:penalty', '{col}', '<script>', 'kane ' * 30, 'k' * 600,
]  # fmt: skip


@pytest.fixture
def view(qtbot, services, demo_match_id):
    widget = SearchView(services)
    # A search still running when the widget goes would report to a deleted object.
    qtbot.addWidget(widget, before_close_func=lambda w: qtbot.waitUntil(lambda: not w.searching))
    widget.resize(900, 560)
    widget.show()
    widget.focus_search()
    return widget


def type_query(qtbot, view, text):
    """Clear the box and type ``text``; returns once its outcome is on screen."""
    with qtbot.waitSignal(view.searched, timeout=5000) as blocker:
        qtbot.keyClick(view.search_edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        qtbot.keyClick(view.search_edit, Qt.Key.Key_Delete)
        qtbot.keyClicks(view.search_edit, text)
    return blocker.args[0]


def shown(view):
    """[(group header, [result titles])] as the tree shows them."""
    model = view.model
    groups = []
    for g in range(model.rowCount()):
        header = model.index(g, 0)
        titles = [model.index(r, 0, header).data(RESULT_ROLE).title
                  for r in range(model.rowCount(header))]  # fmt: skip
        groups.append((header.data(), titles))
    return groups


def result_index(view, title):
    model = view.model
    for g in range(model.rowCount()):
        header = model.index(g, 0)
        for r in range(model.rowCount(header)):
            index = model.index(r, 0, header)
            if index.data(RESULT_ROLE).title == title:
                return index
    raise AssertionError(f"{title!r} is not shown: {shown(view)}")


def test_an_empty_box_says_what_can_be_searched(view):
    assert view.stack.currentWidget() is view.hint_label
    for example in ("Kane penalty", "&quot;over the bar&quot;", "special person"):
        assert example in view.hint_label.text()


def test_accents_do_not_matter(qtbot, view):
    assert type_query(qtbot, view, "tchouameni") == 2
    assert shown(view) == [
        ("People (1)", ["Aurélien Tchouaméni"]),
        ("Moments (1)", ["17' Goal · Aurélien Tchouaméni"]),
    ]
    assert view.stack.currentWidget() is view.results_view


def test_the_start_of_the_word_being_typed_is_enough(qtbot, view):
    type_query(qtbot, view, "kane pen")
    moments = dict(shown(view))["Moments (2)"]
    assert "84' Penalty missed · Harry Kane" in moments
    assert "54' Penalty goal · Harry Kane" in moments


def test_finished_words_are_whole_words_with_their_inflections(qtbot, view):
    """Typed key by key into the focused box, as a user types (issue 16)."""
    box = QApplication.focusWidget()
    assert box is view.search_edit
    with qtbot.waitSignal(view.searched, timeout=5000):
        qtbot.keyClicks(box, "kan")  # still typing: Kane's name starts so
    assert dict(shown(view))["People (1)"] == ["Harry Kane"]
    with qtbot.waitSignal(view.searched, timeout=5000):
        qtbot.keyClick(box, Qt.Key.Key_Space)  # finished: "kan" is no word of the demo
    assert shown(view) == []
    with qtbot.waitSignal(view.searched, timeout=5000):
        qtbot.keyClick(box, Qt.Key.Key_Backspace)
        qtbot.keyClicks(box, "e penalty")
    quotes = dict(shown(view))["Quotes (2)"]  # one says "penalties"
    assert quotes == ["Harry Kane", "Harry Kane"]
    html = [view.model.index(r, 0, view.model.index(1, 0)).data(HTML_ROLE) for r in range(2)]
    assert any("<b>penalties</b>" in h for h in html)
    type_query(qtbot, view, "over the bar")  # "the" is a word: not Theo Hernández
    assert shown(view) == [("Moments (1)", ["84' Penalty missed · Harry Kane"])]


def test_a_phrase_in_quotes(qtbot, view):
    assert type_query(qtbot, view, '"over the bar"') == 1
    assert shown(view) == [("Moments (1)", ["84' Penalty missed · Harry Kane"])]
    html = result_index(view, "84' Penalty missed · Harry Kane").data(HTML_ROLE)
    assert "<b>over</b> <b>the</b> <b>bar</b>" in html


def test_finds_a_quote(qtbot, view):
    assert type_query(qtbot, view, "special person") == 1
    [(header, titles)] = shown(view)
    assert (header, titles) == ("Quotes (1)", ["Harry Kane"])
    quote = view.model.first_result()
    assert quote.data(RESULT_ROLE).kind is SearchKind.QUOTE
    assert "<b>special</b> <b>person</b>" in quote.data(HTML_ROLE)


def test_matched_words_are_bold_and_user_text_is_never_html(qtbot, view, services, demo_match_id):
    services.notes.add("Zebra tactics: <b>x</b> & <i>y</i>", match_id=demo_match_id)
    assert type_query(qtbot, view, "zebra") == 1
    note = view.model.first_result()
    assert "<b>x</b> & <i>y</i>" in note.data()  # the display text is the plain text
    html = note.data(HTML_ROLE)
    assert "<b>Zebra</b>" in html  # the highlight is markup...
    assert "&lt;b&gt;x&lt;/b&gt; &amp; &lt;i&gt;y&lt;/i&gt;" in html  # ...the note's text is not
    painted = QTextDocument()
    painted.setHtml(html)
    assert "<b>x</b> & <i>y</i>" in painted.toPlainText()


def test_nothing_found_names_the_query_literally(qtbot, view):
    assert type_query(qtbot, view, "<i>zzzz") == 0
    assert view.stack.currentWidget() is view.empty_label
    assert "Nothing found for “&lt;i&gt;zzzz”" in view.empty_label.text()


def test_hostile_strings_show_results_or_a_message(qtbot, view):
    refused, searched = [], []
    for text in HOSTILE:  # one view for all: an exception in a slot would fail the test
        type_query(qtbot, view, text)
        if view.message_label.isVisible():
            refused.append(text)
            assert view.stack.currentWidget() is view.hint_label, text
            assert view.model.rowCount() == 0, text
        else:
            searched.append(text)
            assert view.stack.currentWidget() in (view.results_view, view.empty_label), text
    assert {"NOT kane", "-kane", "k" * 600} <= set(refused)
    assert {'"kane', "kane*", "NEAR(kane penalty, 3)", "<script>"} <= set(searched)


def test_a_refused_query_is_shown_in_red_and_clears_the_results(qtbot, view):
    assert type_query(qtbot, view, "kane") > 0
    assert type_query(qtbot, view, "NOT kane") == 0
    assert view.message_label.isVisible()
    assert "leaves words out" in view.message_label.text()
    assert "#d7263d" in view.message_label.styleSheet()
    assert view.model.rowCount() == 0
    type_query(qtbot, view, "kane")
    assert not view.message_label.isVisible()


def test_the_last_of_a_fast_sequence_wins(qtbot, view, services, monkeypatch):
    real, threads = services.search.search, []

    def slow(text, **filters):  # the first queries finish long after the last was asked
        threads.append(threading.current_thread())
        time.sleep(0.2 if text != "tchouameni" else 0)
        return real(text, **filters)

    monkeypatch.setattr(services.search, "search", slow)
    counts = []
    view.searched.connect(counts.append)
    with qtbot.waitSignal(view.searched, timeout=5000):
        for text in ("kane", "special person", "over", "tchouameni"):
            view.set_query(text)
            view.refresh()  # no pause: each one supersedes the one before
    qtbot.wait(500)  # anything still running would arrive now
    assert counts == [2]
    assert [titles for _, titles in shown(view)] == [
        ["Aurélien Tchouaméni"],
        ["17' Goal · Aurélien Tchouaméni"],
    ]
    assert threading.main_thread() not in threads


def test_typing_fast_searches_once_after_the_pause(qtbot, view, services, monkeypatch):
    asked = []
    real = services.search.search
    monkeypatch.setattr(
        services.search, "search", lambda text, **f: asked.append(text) or real(text, **f)
    )
    type_query(qtbot, view, "kane")
    assert asked == ["kane"]


def test_down_then_enter_opens_the_moment(qtbot, view, demo_match_id):
    type_query(qtbot, view, '"over the bar"')
    qtbot.keyClick(view.search_edit, Qt.Key.Key_Down)
    assert view.results_view.hasFocus()
    assert view.results_view.currentIndex() == view.model.first_result()
    with qtbot.waitSignal(view.result_activated) as blocker:
        qtbot.keyClick(view.results_view, Qt.Key.Key_Return)
    assert blocker.args == ["match", demo_match_id]


def test_arrows_skip_the_group_headers_and_up_returns_to_the_box(qtbot, view):
    type_query(qtbot, view, "tchouamen")
    qtbot.keyClick(view.search_edit, Qt.Key.Key_Down)
    assert view.results_view.hasFocus()
    qtbot.keyClick(view.results_view, Qt.Key.Key_Down)  # over "Moments (1)"
    assert view.results_view.currentIndex().data(RESULT_ROLE).kind is SearchKind.MOMENT
    qtbot.keyClick(view.results_view, Qt.Key.Key_Up)
    qtbot.keyClick(view.results_view, Qt.Key.Key_Up)
    assert view.search_edit.hasFocus()


def test_typing_in_the_list_goes_on_in_the_box(qtbot, view):
    type_query(qtbot, view, "tchouamen")
    qtbot.keyClick(view.search_edit, Qt.Key.Key_Down)
    with qtbot.waitSignal(view.searched, timeout=5000):
        qtbot.keyClicks(view.results_view, "i")
    assert view.search_edit.hasFocus()
    assert view.search_edit.text() == "tchouameni"
    qtbot.keyClick(view.search_edit, Qt.Key.Key_Down)
    assert view.results_view.hasFocus()
    with qtbot.waitSignal(view.searched, timeout=5000):
        qtbot.keyClick(view.results_view, Qt.Key.Key_Backspace)
    assert view.search_edit.text() == "tchouamen"


def test_enter_in_the_box_opens_the_best_result(qtbot, view):
    type_query(qtbot, view, "tchouameni")
    person = view.model.first_result().data(RESULT_ROLE)
    with qtbot.waitSignal(view.result_activated) as blocker:
        qtbot.keyClick(view.search_edit, Qt.Key.Key_Return)
    assert blocker.args == ["person", person.person_id]


def test_double_click_opens_a_team(qtbot, view, services):
    view.kind_combo.setCurrentIndex(view.kind_combo.findText("Teams"))
    type_query(qtbot, view, "england")
    index = view.model.first_result()
    rect = view.results_view.visualRect(index)
    with qtbot.waitSignal(view.result_activated) as blocker:
        qtbot.mouseClick(view.results_view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseDClick(
            view.results_view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center()
        )
    assert blocker.args == ["team", services.catalog.ensure_team("England")]


def choose(qtbot, view, combo, text):
    with qtbot.waitSignal(view.searched, timeout=5000):
        combo.setCurrentIndex(combo.findText(text))


def test_filters_narrow_the_results(qtbot, view):
    type_query(qtbot, view, "kane")
    assert len(shown(view)) > 1
    choose(qtbot, view, view.kind_combo, "Quotes")
    assert [header for header, _ in shown(view)] == ["Quotes (3)"]

    choose(qtbot, view, view.kind_combo, "All kinds")
    type_query(qtbot, view, "tchouameni")
    choose(qtbot, view, view.team_combo, "England")  # he played for France
    assert [header for header, _ in shown(view)] == ["Moments (1)"]
    choose(qtbot, view, view.competition_combo, "FIFA World Cup")
    assert [header for header, _ in shown(view)] == ["Moments (1)"]


def test_date_filters(qtbot, view):
    type_query(qtbot, view, "kane")
    with qtbot.waitSignal(view.searched, timeout=5000):
        qtbot.keyClicks(view.date_to_edit, "2021")  # a year is the whole year
    assert view.stack.currentWidget() is view.empty_label
    assert "fewer filters" in view.empty_label.text()
    with qtbot.waitSignal(view.searched, timeout=5000):
        view.date_to_edit.clear()
        qtbot.keyClicks(view.date_from_edit, "2022-12")
    assert view.model.rowCount() > 0
    with qtbot.waitSignal(view.searched, timeout=5000):
        qtbot.keyClicks(view.date_from_edit, "-32")
    assert "not a date" in view.message_label.text()
    assert view.model.rowCount() == 0
    with qtbot.waitSignal(view.searched, timeout=5000):
        view.date_from_edit.setText("2022-12-10")
        view.date_to_edit.setText("2022-01-01")
    assert "after it ends" in view.message_label.text()


def test_clearing_the_box_brings_back_the_hint(qtbot, view):
    type_query(qtbot, view, "kane")
    type_query(qtbot, view, "")
    assert view.stack.currentWidget() is view.hint_label
    assert view.model.rowCount() == 0


def test_screenshot(qtbot, view, tmp_path):
    type_query(qtbot, view, "kane")
    qtbot.keyClick(view.search_edit, Qt.Key.Key_Down)
    path = tmp_path / "search.png"
    assert view.grab().save(str(path))
    assert path.stat().st_size > 0


def test_refilling_the_filters_keeps_the_choice(qtbot, view, services):
    view.team_combo.setCurrentIndex(view.team_combo.findText("France"))
    services.catalog.ensure_team("Brazil")
    view.refresh_filters()
    assert view.team_combo.currentText() == "France"
    assert view.team_combo.findText("Brazil") > 0


def test_group_headers_say_when_not_every_hit_is_listed():
    hit = SearchResult(1, SearchKind.MOMENT, "t", "t", "s", 1, None, None)
    results = SearchResults(
        "x",
        {SearchKind.MOMENT: [hit] * 50, SearchKind.QUOTE: [hit] * 3},
        {SearchKind.MOMENT: 500, SearchKind.QUOTE: 3},
        frozenset({SearchKind.MOMENT}),
    )
    assert group_label(results, SearchKind.MOMENT) == "Moments (500+ · best 50 shown)"
    assert group_label(results, SearchKind.QUOTE) == "Quotes (3)"
