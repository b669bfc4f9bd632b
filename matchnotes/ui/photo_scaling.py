"""Read a photo or ticket scan and make the copy the database keeps: turned upright
(EXIF orientation), at most 1600 px on its long side, as JPEG, with a 256 px thumbnail.

Uses QImage only (safe off the GUI thread, unlike QPixmap), so it runs on a worker.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QImage, QImageReader, QPainter

from matchnotes.errors import ValidationError
from matchnotes.services.photos import ScaledImage

LONG_SIDE = 1600
THUMB_SIDE = 256
QUALITY = 82  # a phone photo of ~4 MB becomes ~250 KB: rotating backups stay small
PICTURE_FILTER = "Pictures (*.jpg *.jpeg *.png *.webp *.bmp *.gif *.tif *.tiff)"


def scale_picture(path: Path) -> ScaledImage:
    reader = QImageReader(str(path))
    reader.setAutoTransform(True)  # a portrait phone photo stays upright
    image = reader.read()
    if image.isNull():
        raise ValidationError(
            f"{path.name} could not be read as a picture ({reader.errorString()}). "
            "Choose a JPEG, PNG or WebP file."
        )
    if image.hasAlphaChannel():  # JPEG has none: put transparent parts on white
        flat = QImage(image.size(), QImage.Format.Format_RGB32)
        flat.fill(Qt.GlobalColor.white)

        painter = QPainter(flat)
        painter.drawImage(0, 0, image)
        painter.end()
        image = flat
    large = _fit(image, LONG_SIDE)
    return ScaledImage(_jpeg(large), _jpeg(_fit(image, THUMB_SIDE)), large.width(), large.height())


def image_from_bytes(data: bytes) -> QImage:
    image = QImage()
    image.loadFromData(data)
    return image


def _fit(image: QImage, side: int) -> QImage:
    if max(image.width(), image.height()) <= side:
        return image
    return image.scaled(
        side, side, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
    )


def _jpeg(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "JPEG", QUALITY)
    buffer.close()
    return bytes(data.data())
