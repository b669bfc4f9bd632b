"""Photos and ticket scans of a match: stored once by content, listed with thumbnails,
captioned, removed and brought back by undo; gone with their match (on both backends)."""

import pytest

from matchnotes.enums import PhotoKind
from matchnotes.errors import ValidationError
from matchnotes.services.photos import MAX_IMAGE_BYTES, ScaledImage

PICTURE = ScaledImage(b"\xff\xd8 a jpeg" * 100, b"\xff\xd8 thumb", 1600, 1200)


def test_add_list_caption_and_view(services, demo_match_id):
    first = services.photos.add(demo_match_id, PICTURE, caption="  The  away end ",
                                original_path="/home/fan/Pictures/IMG_0001.jpg")  # fmt: skip
    ticket = services.photos.add(demo_match_id, PICTURE, kind=PhotoKind.TICKET)
    listed = services.photos.photos(demo_match_id)
    assert [(p.id, p.kind, p.caption) for p in listed] == [
        (first, PhotoKind.PHOTO, "The away end"),
        (ticket, PhotoKind.TICKET, None),
    ]
    assert listed[0].original_path == "/home/fan/Pictures/IMG_0001.jpg"
    assert (listed[0].width, listed[0].height, listed[0].thumbnail) == (
        1600,
        1200,
        b"\xff\xd8 thumb",
    )
    assert services.photos.image(ticket) == PICTURE.image
    services.photos.set_caption(ticket, "Block 112, row F")
    assert services.photos.photos(demo_match_id)[1].caption == "Block 112, row F"
    with services.engine.connect() as conn:  # the same picture twice is stored once
        assert conn.exec_driver_sql("SELECT COUNT(*) FROM photo_blob").scalar() == 1


def test_remove_is_undone_and_a_deleted_match_takes_its_photos(services, demo_match_id):
    ident = services.photos.add(demo_match_id, PICTURE)
    services.photos.remove(ident)
    assert services.photos.photos(demo_match_id) == []
    assert "Removed a photo" in services.history.undo().summary
    assert [p.id for p in services.photos.photos(demo_match_id)] == [ident]
    services.matches.delete_match(demo_match_id)
    with services.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT COUNT(*) FROM match_photo").scalar() == 0
    services.history.undo()  # the match comes back with its photo
    assert services.photos.image(ident) == PICTURE.image


def test_a_picture_not_downscaled_or_empty_is_refused(services, demo_match_id):
    huge = ScaledImage(b"x" * (MAX_IMAGE_BYTES + 1), b"t", 9000, 6000)
    with pytest.raises(ValidationError, match="smaller JPEG"):
        services.photos.add(demo_match_id, huge)
    with pytest.raises(ValidationError, match="empty"):
        services.photos.add(demo_match_id, ScaledImage(b"", b"", 0, 0))
    assert services.photos.photos(demo_match_id) == []
