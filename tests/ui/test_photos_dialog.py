"""Photos and ticket scans from the Match menu, as a fan adds them: the chooser, the
downscaled copy, a file that is not a picture, the large view, remove and undo."""

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QInputDialog, QMessageBox

from matchnotes.ui.dialogs.photos_dialog import PhotosDialog, PhotoViewer
from tests.ui.keys import CTRL, SHIFT, modal, question


def _choose_files(qtbot, dialog, button, *paths):
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    chooser = modal(qtbot, QFileDialog)
    name = QApplication.focusWidget()
    qtbot.keyClick(name, Qt.Key.Key_A, CTRL)
    qtbot.keyClicks(name, " ".join(f'"{p}"' for p in paths))
    qtbot.keyClick(name, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not chooser.isVisible())


def _open_photos(qtbot, window, match_id):
    window.refresh()
    window.open_match(match_id)
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_G, CTRL | SHIFT)
    return modal(qtbot, PhotosDialog)


def test_add_view_remove_and_undo_a_photo(qtbot, window, services, demo_match_id, tmp_path):
    big = QImage(4000, 3000, QImage.Format.Format_ARGB32)
    big.fill(QColor(20, 120, 40, 200))
    original = tmp_path / "IMG_2210.png"
    assert big.save(str(original))
    dialog = _open_photos(qtbot, window, demo_match_id)
    assert dialog.empty.isVisible() and not dialog.remove.isEnabled()
    _choose_files(qtbot, dialog, dialog.add_photo, original)
    qtbot.waitUntil(lambda: dialog.list.count() == 1)
    (photo,) = services.photos.photos(demo_match_id)
    assert (photo.width, photo.height, photo.original_path) == (1600, 1200, str(original))
    assert original.stat().st_size > len(services.photos.image(photo.id))  # kept smaller
    assert original.exists()  # the original stays where it was
    dialog.list.setFocus()
    qtbot.keyClick(dialog.list, Qt.Key.Key_Return)  # view it large
    viewer = modal(qtbot, PhotoViewer)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not viewer.isVisible())
    qtbot.mouseClick(dialog.caption, Qt.MouseButton.LeftButton)
    ask = modal(qtbot, QInputDialog)
    qtbot.keyClicks(QApplication.focusWidget(), "Kane's penalty, from the away end")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not ask.isVisible())
    qtbot.waitUntil(lambda: dialog.list.item(0).text() == "Kane's penalty, from the away end")
    dialog.list.setFocus()
    qtbot.keyClick(dialog.list, Qt.Key.Key_Delete)
    box = question(qtbot)
    qtbot.keyClick(box, Qt.Key.Key_Y, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: dialog.list.count() == 0)
    assert services.photos.photos(demo_match_id) == []
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_Z, CTRL)  # Edit ▸ Undo brings it back
    qtbot.waitUntil(lambda: len(services.photos.photos(demo_match_id)) == 1)


def test_a_ticket_and_a_file_that_is_not_a_picture(
    qtbot, window, services, demo_match_id, tmp_path
):
    ticket = tmp_path / "ticket.jpg"
    assert QImage(800, 400, QImage.Format.Format_RGB32).save(str(ticket))
    fake = tmp_path / "notes.jpg"
    fake.write_text("not a picture")
    dialog = _open_photos(qtbot, window, demo_match_id)
    _choose_files(qtbot, dialog, dialog.add_ticket, ticket, fake)
    box = modal(qtbot, QMessageBox)
    assert "notes.jpg could not be read as a picture" in box.text()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not box.isVisible())
    assert dialog.list.count() == 1 and dialog.list.item(0).text() == "Ticket"
    (photo,) = services.photos.photos(demo_match_id)
    assert (photo.kind.value, photo.width, photo.height) == ("ticket", 800, 400)
    assert isinstance(dialog, QDialog)
