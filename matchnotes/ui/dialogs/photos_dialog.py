"""A match's photos and ticket scans: thumbnails with captions; add pictures (read and
downscaled on a worker), caption, remove (undoable), and view one large."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QSize, Qt
from PySide6.QtGui import QIcon, QKeyEvent, QKeySequence, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from matchnotes.enums import PhotoKind
from matchnotes.errors import MatchNotesError
from matchnotes.services.photos import PhotoView
from matchnotes.text import counted
from matchnotes.ui.photo_scaling import PICTURE_FILTER, image_from_bytes, scale_picture
from matchnotes.ui.plain_text import as_tooltip

if TYPE_CHECKING:
    from matchnotes.services import Services

ID_ROLE = Qt.ItemDataRole.UserRole + 1
CAPTION_ROLE = Qt.ItemDataRole.UserRole + 2
_KIND_WORDS = {PhotoKind.PHOTO: "Photo", PhotoKind.TICKET: "Ticket"}


class PhotosDialog(QDialog):
    def __init__(self, services: Services, match_id: int, title: str, parent: QWidget) -> None:
        super().__init__(parent)
        self.services = services
        self.match_id = match_id
        self.file_dialog: QFileDialog | None = None
        self.setWindowTitle(f"Photos and tickets — {title}")
        self.resize(760, 520)
        self.list = QListWidget()
        self.list.setViewMode(QListWidget.ViewMode.IconMode)
        self.list.setIconSize(QSize(160, 160))
        self.list.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.list.setWordWrap(True)
        self.list.setSpacing(6)
        self.list.setAccessibleName("Photos")
        self.empty = QLabel(
            "No photos yet. <b>Add photos…</b> or <b>Add ticket scan…</b>: a smaller copy is "
            "kept with your database (and its backups); the original stays where it is."
        )
        self.empty.setWordWrap(True)
        self.status = QLabel()
        self.add_photo = QPushButton("Add &photos…")
        self.add_ticket = QPushButton("Add &ticket scan…")
        self.caption = QPushButton("&Caption…")
        self.remove = QPushButton("&Remove")
        buttons = QHBoxLayout()
        for button in (self.add_photo, self.add_ticket, self.caption, self.remove):
            button.setAutoDefault(False)  # Enter in the list views the picture instead
            buttons.addWidget(button)
        buttons.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.button(QDialogButtonBox.StandardButton.Close).setAutoDefault(False)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.empty)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        layout.addWidget(close)
        self.add_photo.clicked.connect(lambda: self.choose(PhotoKind.PHOTO))
        self.add_ticket.clicked.connect(lambda: self.choose(PhotoKind.TICKET))
        self.caption.clicked.connect(self.edit_caption)
        self.remove.clicked.connect(self.remove_current)
        self.list.itemDoubleClicked.connect(lambda _item: self.view_current())
        self.list.installEventFilter(self)
        self.list.currentItemChanged.connect(lambda *_: self._enable())
        self.finished.connect(lambda _r: parent.window().activateWindow())
        self.reload()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """The list's keys: Enter shows the picture large, Delete removes it. Taken here,
        before the list (which would pass Enter on to press a button of the dialog)."""
        if (
            watched is self.list
            and isinstance(event, QKeyEvent)
            and (event.type() == QEvent.Type.KeyPress)
        ):
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.view_current()
                return True
            if event.matches(QKeySequence.StandardKey.Delete):
                self.remove_current()
                return True
        return super().eventFilter(watched, event)

    # --- what is shown ---

    def reload(self, select: int | None = None) -> None:
        try:
            photos = self.services.photos.photos(self.match_id)
        except MatchNotesError as exc:
            self.status.setText(str(exc))
            return
        self.list.clear()
        for photo in photos:
            self.list.addItem(_item(photo))
        self.empty.setVisible(not photos)
        if select is not None:
            for row in range(self.list.count()):
                if self.list.item(row).data(ID_ROLE) == select:
                    self.list.setCurrentRow(row)
        elif photos:
            self.list.setCurrentRow(0)
        self._enable()

    def _enable(self) -> None:
        chosen = self.list.currentItem() is not None
        self.caption.setEnabled(chosen)
        self.remove.setEnabled(chosen)

    def current_id(self) -> int | None:
        item = self.list.currentItem()
        return None if item is None else int(item.data(ID_ROLE))

    # --- adding ---

    def choose(self, kind: PhotoKind) -> None:
        """Ask for pictures without a nested event loop (open(), not exec())."""
        title = "Add photos" if kind is PhotoKind.PHOTO else "Add a ticket scan"
        dialog = QFileDialog(self, title, str(Path.home()), PICTURE_FILTER)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.setFileMode(QFileDialog.FileMode.ExistingFiles)
        dialog.filesSelected.connect(lambda paths: self.add_files([Path(p) for p in paths], kind))
        dialog.finished.connect(lambda _r: self.activateWindow())  # keys back to this one
        self.file_dialog = dialog
        dialog.open()

    def add_files(self, paths: list[Path], kind: PhotoKind) -> None:
        """Read and downscale on a worker (a phone photo takes a moment), then store."""
        from matchnotes.ui.workers import BackgroundOp

        photos, match_id = self.services.photos, self.match_id
        self.status.setText(f"Adding {counted(len(paths), 'picture')}…")

        def work(progress: object) -> list[int | str]:
            done: list[int | str] = []
            for path in paths:
                try:
                    scaled = scale_picture(path)
                    done.append(photos.add(match_id, scaled, kind=kind, original_path=str(path)))
                except MatchNotesError as exc:  # one bad file does not stop the others
                    done.append(str(exc))
            return done

        def arrived(result: object) -> None:
            added = [r for r in result if isinstance(r, int)]  # type: ignore[attr-defined]
            problems = [r for r in result if isinstance(r, str)]  # type: ignore[attr-defined]
            self.status.setText(f"Added {len(added)}." if added else "")
            self.reload(select=added[-1] if added else None)
            if problems:
                _tell(self, "Some pictures were not added", "\n\n".join(problems))

        BackgroundOp(self, work).on_success(arrived).on_failure(self.status.setText).run()

    # --- the others ---

    def edit_caption(self) -> None:
        """Asked in a window-modal box (open(), not exec(): no nested event loop)."""
        ident = self.current_id()
        if ident is None:
            return
        ask = QInputDialog(self)
        ask.setWindowTitle("Caption")
        ask.setLabelText("Caption (empty for none):")
        ask.setTextValue(self.list.currentItem().data(CAPTION_ROLE) or "")
        ask.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        ask.textValueSelected.connect(
            lambda text: self._try(lambda: self.services.photos.set_caption(ident, text), ident)
        )
        ask.finished.connect(lambda _r: self.activateWindow())
        ask.open()

    def remove_current(self) -> None:
        ident = self.current_id()
        if ident is None:
            return
        ask = QMessageBox(
            QMessageBox.Icon.Question,
            "Remove picture",
            "Remove this picture from the match? Edit ▸ Undo brings it back.",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self,
        )
        ask.setDefaultButton(QMessageBox.StandardButton.No)
        ask.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def answered(button: int) -> None:
            self.activateWindow()
            if button == QMessageBox.StandardButton.Yes:
                self._try(lambda: self.services.photos.remove(ident), None)

        ask.finished.connect(answered)
        ask.open()

    def view_current(self) -> None:
        ident = self.current_id()
        if ident is None:
            return
        try:
            data = self.services.photos.image(ident)
        except MatchNotesError as exc:
            self.status.setText(str(exc))
            return
        viewer = PhotoViewer(QPixmap.fromImage(image_from_bytes(data)), self)
        viewer.setWindowTitle(self.list.currentItem().text() or "Photo")
        viewer.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.viewer = viewer
        viewer.open()

    def _try(self, change: object, select: int | None) -> None:
        try:
            change()  # type: ignore[operator]
        except MatchNotesError as exc:
            _tell(self, "Not saved", str(exc))
        self.reload(select=select)


class PhotoViewer(QDialog):
    def __init__(self, pixmap: QPixmap, parent: QWidget) -> None:
        super().__init__(parent)
        label = QLabel()
        label.setPixmap(pixmap)
        area = QScrollArea()
        area.setWidget(label)
        area.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(self)
        layout.addWidget(area)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout.addWidget(close)
        self.resize(min(1100, pixmap.width() + 40), min(800, pixmap.height() + 80))
        close.button(QDialogButtonBox.StandardButton.Close).setFocus()
        # Keys go back to the dialog below even where no window manager hands them back.
        self.finished.connect(lambda _r: parent.activateWindow())


def _item(photo: PhotoView) -> QListWidgetItem:
    icon = QIcon(QPixmap.fromImage(image_from_bytes(photo.thumbnail)))
    words = photo.caption or _KIND_WORDS[photo.kind]
    item = QListWidgetItem(icon, words)
    item.setData(ID_ROLE, photo.id)
    item.setData(CAPTION_ROLE, photo.caption)
    where = f"\nOriginal: {photo.original_path}" if photo.original_path else ""
    item.setToolTip(as_tooltip(f"{_KIND_WORDS[photo.kind]}, {photo.width}×{photo.height}{where}"))
    return item


def _tell(parent: QDialog, title: str, text: str) -> None:
    box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, parent)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.finished.connect(lambda _r: parent.activateWindow())
    box.open()
