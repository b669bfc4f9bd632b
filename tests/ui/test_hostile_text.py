"""User text is text, never HTML: names, notes and quotes written as markup are shown
as they were typed, in every table, tooltip, label and dialog (issue 14, item 1).

Qt takes a tooltip, a QLabel in AutoText and a QMessageBox text as rich text when
``Qt.mightBeRichText`` says so: an ``<img src="file:///...">`` in a note made the app
open that file. The walk below renders every string the way Qt would and checks that
each hostile text shows up literally, character for character.
"""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6 import QtGui
from PySide6.QtCore import QModelIndex, QPoint, QPointF, Qt
from PySide6.QtGui import QFont, QTextDocument
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHeaderView,
    QLabel,
    QMessageBox,
    QStyledItemDelegate,
    QToolTip,
    QTreeView,
    QWidget,
)

from matchnotes.enums import MomentKind, PersonRole
from matchnotes.minutes import make_minute
from matchnotes.reports import content, person_content, report_html
from matchnotes.services.inputs import MatchInput, MomentInput, PersonInput, QuoteInput
from matchnotes.ui.models.search_model import HTML_ROLE, SearchResultDelegate, SearchResultsModel
from tests.ui.pages import open_match_page


def hostile(word: str, image: str) -> str:
    """A unique word, then markup: an image of a local file, bold, an entity, a tag."""
    return f'{word} <img src="file://{image}"> <b>x</b> &amp; <i>y'


@pytest.fixture
def texts(tmp_path):
    image = tmp_path / "evil.png"
    image.write_bytes(b"not really a png")
    words = ("Zhometeam", "Zawayteam", "Zscorer", "Zassister", "Zspeaker", "Zdescription",
             "Zquotetext", "Znotetext", "Zvenue", "Zcompetition", "Zreferee", "Zclub")  # fmt: skip
    return {w: hostile(w, str(image)) for w in words}


@pytest.fixture
def hostile_match(services, texts):
    t = texts
    match_id = services.matches.create_match(
        MatchInput(home=t["Zhometeam"], away=t["Zawayteam"], date=dt.date(2024, 5, 1),
                   venue=t["Zvenue"], competition=t["Zcompetition"], referee=t["Zreferee"])
    )  # fmt: skip
    home = services.catalog.ensure_team(t["Zhometeam"])
    scorer = services.people.create(PersonInput(t["Zscorer"], club=t["Zclub"]))
    assister = services.people.create(PersonInput(t["Zassister"]))
    services.moments.log(
        match_id,
        MomentInput(make_minute(23), MomentKind.GOAL, scorer, assister, home,
                    t["Zdescription"]),
    )  # fmt: skip
    services.quotes.add(match_id, QuoteInput(t["Zspeaker"], t["Zquotetext"]))
    services.notes.add(t["Znotetext"] + "\nsecond line", match_id=match_id)
    return match_id, scorer


def shown_as(text: str, fmt: Qt.TextFormat = Qt.TextFormat.AutoText, css: str = "") -> str:
    """What a user reads when Qt shows ``text`` in this format; an image is U+FFFC."""
    if fmt == Qt.TextFormat.PlainText or (
        fmt == Qt.TextFormat.AutoText and not QtGui.Qt.mightBeRichText(text)
    ):
        return text
    doc = QTextDocument()
    if css:  # a report: the PDF's style sheet on a font in points, as pdf_render sets
        font = QFont()
        font.setPointSizeF(10)
        doc.setDefaultFont(font)
        doc.setDefaultStyleSheet(css)
    doc.setHtml(text)
    block = doc.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            assert not it.fragment().charFormat().isImageFormat(), f"an image shown: {text}"
            it += 1
        block = block.next()
    return doc.toPlainText().replace("\u2028", "\n").replace("\u2029", "\n")


def check(texts: dict[str, str], text: object, fmt=Qt.TextFormat.AutoText, where="", css="") -> int:
    """Each hostile word in what is shown is followed by its text, literally; returns
    how many were found, so the walk can prove it met them."""
    if not isinstance(text, str):
        return 0
    read = shown_as(text, fmt, css)
    found = 0
    for word, original in texts.items():
        start = read.find(word)
        while start >= 0:
            assert read.startswith(original, start), f"{where}: {original!r} shown as {read!r}"
            found += 1
            start = read.find(word, start + 1)
    return found


def indexes(model, parent=None):
    parent = parent or QModelIndex()
    for row in range(model.rowCount(parent)):
        index = model.index(row, 0, parent)
        yield from indexes(model, index)
        while index.isValid():  # columnCount is private in list models
            yield index
            index = index.siblingAtColumn(index.column() + 1)


# Qt's own delegates of combo-box lists and completer popups: plain text.
PLAIN_DELEGATES = {"QComboBoxDelegate", "QComboMenuDelegate", "QCompleterItemDelegate"}
TOOLTIP_ROLES = (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.WhatsThisRole)


def walk(root: QWidget, texts: dict[str, str]) -> int:
    """Every item view (its delegate and roles), label and tooltip under ``root``."""
    found = 0
    views = root.findChildren(QAbstractItemView)
    for view in [root, *views] if isinstance(root, QAbstractItemView) else views:
        model = view.model()
        if model is None or isinstance(view, QHeaderView):  # headers: the app's words
            continue
        for index in indexes(model):
            delegate = view.itemDelegateForIndex(index) or view.itemDelegate()
            for role in TOOLTIP_ROLES:
                found += check(texts, index.data(role), where=f"{view} role {role}")
            if type(delegate) is QStyledItemDelegate or (
                delegate.metaObject().className() in PLAIN_DELEGATES
            ):  # these draw the display text as plain text
                display = Qt.TextFormat.PlainText
                found += check(texts, index.data(), display, f"{view} display")
            elif isinstance(delegate, SearchResultDelegate):  # draws HTML_ROLE as HTML
                found += check(texts, index.data(HTML_ROLE), Qt.TextFormat.RichText, str(view))
            else:
                raise AssertionError(f"{view}: a delegate this test does not know: {delegate}")
    for label in root.findChildren(QLabel):
        found += check(texts, label.text(), label.textFormat(), f"label {label}")
    for widget in [root, *root.findChildren(QWidget)]:
        found += check(texts, widget.toolTip(), where=f"tooltip of {widget}")
    return found


def test_tables_tooltips_and_labels_show_user_text_literally(
    qtbot, window, services, texts, hostile_match
):
    match_id, scorer = hostile_match
    window.refresh()
    assert walk(window, texts) > 0  # the matches list
    for tab in range(window.tabs.count()):  # every browse tab, the Quotes tab too
        window.tabs.setCurrentIndex(tab)
        assert walk(window, texts) >= 0
    page = open_match_page(qtbot, window, match_id)
    qtbot.waitExposed(page)
    for tab in range(page.tabs.count()):
        page.tabs.setCurrentIndex(tab)
    found = walk(page, texts)
    for word in ("Zhometeam", "Zscorer", "Zdescription", "Zquotetext", "Znotetext", "Zvenue"):
        assert word in page.header.text() or walk(page, {word: texts[word]}) > 0
    assert found >= 8
    person = window.open_person(scorer)
    qtbot.waitUntil(lambda: person.page is not None)  # read on a worker
    assert walk(person, texts) > 0


def test_the_quotes_and_notes_tooltips_render_the_words(qtbot, window, texts, hostile_match):
    match_id, _ = hostile_match
    page = open_match_page(qtbot, window, match_id)
    note = page.notes.model().index(0, 1).data(Qt.ItemDataRole.ToolTipRole)
    assert shown_as(note) == texts["Znotetext"] + "\nsecond line"  # line breaks kept
    quote = page.quotes.model().index(0, 1).data(Qt.ItemDataRole.ToolTipRole)
    assert shown_as(quote) == texts["Zquotetext"]


def _point_of(timeline, moment_id):
    for y in range(0, timeline.height(), 3):
        for x in range(0, timeline.width(), 3):
            if timeline.moment_at(QPointF(x, y)) == moment_id:
                return QPoint(x, y)
    raise AssertionError("moment not drawn")


def test_the_timeline_hover_shows_the_moment_as_text(qtbot, window, services, texts,
                                                    hostile_match):  # fmt: skip
    match_id, _ = hostile_match
    page = open_match_page(qtbot, window, match_id)
    qtbot.waitExposed(page)
    # Tooltips show in the active window only; a window manager activates the window a
    # user points at, offscreen has none.
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    goal = services.moments.moments(match_id)[0]
    qtbot.mouseMove(page.timeline, QPoint(1, 1))  # the window settles its size on the first event
    qtbot.mouseMove(page.timeline, _point_of(page.timeline, goal.id))
    qtbot.waitUntil(lambda: QToolTip.isVisible())
    tip = QToolTip.text()
    assert check(texts, tip, where="timeline tooltip") == 2  # the scorer and the description


def test_search_results_show_user_text_literally(qtbot, services, texts, hostile_match):
    # The search view's own widgets (a worker thread per query) are tested in
    # test_search_view; here its model and delegate show what the service found.
    model = SearchResultsModel()
    tree = QTreeView(headerHidden=True, rootIsDecorated=False)
    qtbot.addWidget(tree)
    tree.setItemDelegate(SearchResultDelegate(tree))
    tree.setModel(model)
    tree.show()
    for word in ("Znotetext", "Zquotetext", "Zscorer", "Zhometeam", "Zdescription"):
        model.set_results(services.search.search(text=word))
        assert model.rowCount() > 0, word
        assert walk(tree, {word: texts[word]}) >= 2, word  # painted and tooltip
    qtbot.waitExposed(tree)
    assert not tree.grab().isNull()  # the delegate paints the hostile rows


def test_a_confirmation_names_the_person_literally(qtbot, window, services, texts,
                                                   hostile_match):  # fmt: skip
    _, scorer = hostile_match
    window.actions_.delete_person(scorer)
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), QMessageBox))
    box = QApplication.activeModalWidget()
    assert check(texts, box.text(), box.textFormat(), "confirmation") == 1
    qtbot.keyClick(box, Qt.Key.Key_Escape)
    assert services.people.get(scorer).role is PersonRole.PLAYER  # nothing deleted


def test_the_printed_reports_show_user_text_literally(services, texts, hostile_match):
    """The PDF is drawn from this HTML by QTextDocument: user text must stay text."""
    match_id, scorer = hostile_match
    services.notes.add(texts["Znotetext"], person_id=scorer)
    detail = services.matches.get_match(match_id)
    person = person_content.person_report(
        services.people.page(scorer), [n.text for n in services.notes.for_person(scorer)]
    )
    pages = {
        "match": report_html.match_html(content.match_report(detail), timeline_px=80),
        "person": report_html.person_html(person),
        "season": report_html.season_html(content.season_report([detail], texts["Zcompetition"])),
    }
    for name, page in pages.items():
        assert check(texts, page, Qt.TextFormat.RichText, name, report_html.CSS) >= 3, name
