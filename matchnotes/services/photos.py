"""Photos and ticket scans attached to a match.

The UI hands in a downscaled copy (``ui/photo_scaling.py`` reads the original with Qt);
the copy and its thumbnail are stored in the database, once per content (SHA-256), so
backups and ``matchnotes copy`` carry them while the original stays where it was.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from sqlmodel import col, select

from matchnotes.enums import PhotoKind
from matchnotes.errors import NotFoundError, ValidationError
from matchnotes.models import Match, MatchPhoto, PhotoBlob
from matchnotes.services.base import Service, get_or_404
from matchnotes.services.change_log import say

# The UI downscales to 1600 px on the long side (a few hundred KB as JPEG); a copy far
# bigger than that was not downscaled and would bloat every rotating backup.
MAX_IMAGE_BYTES = 4_000_000
MAX_THUMBNAIL_BYTES = 200_000
LABELS = {PhotoKind.PHOTO: "photo", PhotoKind.TICKET: "ticket scan"}


@dataclass(frozen=True)
class ScaledImage:
    image: bytes  # JPEG
    thumbnail: bytes  # JPEG
    width: int
    height: int


@dataclass(frozen=True)
class PhotoView:
    id: int
    match_id: int
    kind: PhotoKind
    caption: str | None
    original_path: str | None
    width: int
    height: int
    thumbnail: bytes


class PhotoService(Service):
    def add(
        self,
        match_id: int,
        scaled: ScaledImage,
        *,
        kind: PhotoKind = PhotoKind.PHOTO,
        caption: str | None = None,
        original_path: str | None = None,
    ) -> int:
        if len(scaled.image) > MAX_IMAGE_BYTES or len(scaled.thumbnail) > MAX_THUMBNAIL_BYTES:
            raise ValidationError(
                f"This picture is {len(scaled.image) // 1000:,} KB even after downscaling; "
                "save it as a smaller JPEG and add it again."
            )
        if scaled.width <= 0 or scaled.height <= 0 or not scaled.image or not scaled.thumbnail:
            raise ValidationError("This picture is empty; choose another file.")
        digest = hashlib.sha256(scaled.image).hexdigest()
        with self._write() as session:
            get_or_404(session, Match, match_id, "match")
            if session.get(PhotoBlob, digest) is None:
                session.add(PhotoBlob(sha256=digest, image=scaled.image,
                                      thumbnail=scaled.thumbnail, width=scaled.width,
                                      height=scaled.height))  # fmt: skip
                session.flush()  # no ORM relationship orders the two inserts: blob first
            photo = MatchPhoto(match_id=match_id, kind=kind, caption=_clean(caption),
                               original_path=original_path, blob_sha256=digest)  # fmt: skip
            session.add(photo)
            session.flush()
            say(session, f"Added a {LABELS[kind]} to the match")
            assert photo.id is not None
            return photo.id

    def photos(self, match_id: int) -> list[PhotoView]:
        """The match's pictures, in the order they were added, with thumbnails."""
        with self._read() as session:
            rows = session.exec(
                select(MatchPhoto, PhotoBlob)
                .join(PhotoBlob, col(PhotoBlob.sha256) == col(MatchPhoto.blob_sha256))
                .where(MatchPhoto.match_id == match_id)
                .order_by(col(MatchPhoto.added_at), col(MatchPhoto.id))
            ).all()
            return [_view(photo, blob) for photo, blob in rows]

    def image(self, photo_id: int) -> bytes:
        """The downscaled copy itself (JPEG), to show it large."""
        with self._read() as session:
            photo = session.get(MatchPhoto, photo_id)
            if photo is None:
                raise NotFoundError(f"Photo {photo_id} does not exist (removed meanwhile?).")
            blob = session.get(PhotoBlob, photo.blob_sha256)
            assert blob is not None  # RESTRICT: a blob outlives its photos
            return blob.image

    def set_caption(self, photo_id: int, caption: str | None) -> None:
        with self._write() as session:
            photo = get_or_404(session, MatchPhoto, photo_id, "photo")
            photo.caption = _clean(caption)
            session.add(photo)
            say(session, f"Captioned a {LABELS[photo.kind]}")

    def remove(self, photo_id: int) -> None:
        """Detach it from the match (undoable: the stored copy stays in the database)."""
        with self._write() as session:
            photo = get_or_404(session, MatchPhoto, photo_id, "photo")
            session.delete(photo)
            say(session, f"Removed a {LABELS[photo.kind]}")


def _view(photo: MatchPhoto, blob: PhotoBlob) -> PhotoView:
    assert photo.id is not None
    return PhotoView(photo.id, photo.match_id, photo.kind, photo.caption, photo.original_path,
                     blob.width, blob.height, blob.thumbnail)  # fmt: skip


def _clean(caption: str | None) -> str | None:
    text = " ".join((caption or "").split())
    return text or None
