"""MatchNotes JSON carries a match's photos and ticket scans: each stored copy once (named
by its sha256, its bytes as base64), before the photos that use it; a damaged copy is
refused whole."""

import base64
import hashlib
import json
import re

import pytest
from sqlalchemy import func, select

from matchnotes.db.database import open_database
from matchnotes.enums import PhotoKind
from matchnotes.io import ImportFileError
from matchnotes.models import PhotoBlob
from matchnotes.services import Services
from matchnotes.services.imports import ImportService
from matchnotes.services.photos import ScaledImage
from tests.db_compare import assert_same_tables
from tests.io import importer

PICTURE = ScaledImage(b"\xff\xd8 the away end \x00\x01\xfe" * 50, b"\xff\xd8 thumb", 1600, 1200)
REMOVED = ScaledImage(b"\xff\xd8 a blurred one" * 40, b"\xff\xd8 small", 800, 600)
SHA = hashlib.sha256(PICTURE.image).hexdigest()


@pytest.fixture
def second(tmp_path):
    database = open_database(tmp_path / "second.sqlite")
    yield database
    database.close()


@pytest.fixture
def with_photos(services, demo_match_id):
    """The demo with a photo and a ticket scan of one picture (one stored copy) and a
    removed photo, whose copy stays in the database (undo needs it)."""
    services.photos.add(demo_match_id, PICTURE, caption="The away end",
                        original_path="/home/fan/My  Pictures/IMG_0001.jpg")  # fmt: skip
    services.photos.add(demo_match_id, PICTURE, kind=PhotoKind.TICKET)
    services.photos.remove(services.photos.add(demo_match_id, REMOVED))
    return demo_match_id


def _blob_count(database) -> int:
    with database.engine.connect() as conn:
        return int(conn.execute(select(func.count()).select_from(PhotoBlob)).scalar_one())


def test_photos_round_trip_into_an_empty_database(database, with_photos, second, tmp_path):
    path = tmp_path / "all.json"
    importer(database).export_file(path)
    tables = json.loads(path.read_text(encoding="utf-8"))["tables"]
    names = list(tables)
    assert names.index("photo_blob") + 1 == names.index("match_photo")  # copies first
    assert len(tables["photo_blob"]) == 2  # the removed photo's copy too: a whole database
    assert [(p["id"], p["blob_sha256"]) for p in tables["match_photo"]] == [(1, SHA), (2, SHA)]
    summary = ImportService(second.engine).import_file(path)
    assert summary.tallies["photos and tickets"].added == 2
    assert_same_tables(database.engine, second.engine)
    restored = Services.create(second.engine).photos
    listed = restored.photos(1)
    assert [(p.kind, p.caption) for p in listed] == [
        (PhotoKind.PHOTO, "The away end"),
        (PhotoKind.TICKET, None),
    ]
    assert listed[0].original_path == "/home/fan/My  Pictures/IMG_0001.jpg"
    assert (listed[0].width, listed[0].height, listed[0].thumbnail) == (
        1600,
        1200,
        b"\xff\xd8 thumb",
    )
    assert restored.image(listed[1].id) == PICTURE.image
    assert ImportService(second.engine).export_data() == importer(database).export_data()


def test_a_match_carries_only_the_copies_its_photos_use(database, with_photos, second):
    doc = importer(database).export_data(with_photos)
    blobs = doc["tables"]["photo_blob"]
    assert [b["sha256"] for b in blobs] == [SHA]
    assert base64.b64decode(blobs[0]["image"]) == PICTURE.image
    other = ImportService(second.engine)
    other.import_bytes(json.dumps(doc).encode(), "match.json")
    again = other.import_bytes(json.dumps(importer(database).export_data()).encode(), "all.json")
    assert again.tallies["stored pictures"].unchanged == 1  # found, not stored twice
    assert again.tallies["photos and tickets"].unchanged == 2
    assert _blob_count(second) == 2
    assert len(Services.create(second.engine).photos.photos(1)) == 2


def test_a_file_without_the_photo_tables_still_imports(database, with_photos, second):
    doc = importer(database).export_data()
    for name in ("photo_blob", "match_photo"):
        del doc["tables"][name]
    ImportService(second.engine).import_bytes(json.dumps(doc).encode(), "older.json")
    assert Services.create(second.engine).photos.photos(1) == []


def _flip_a_byte(doc):
    image = bytearray(base64.b64decode(doc["tables"]["photo_blob"][0]["image"]))
    image[-1] ^= 1
    doc["tables"]["photo_blob"][0]["image"] = base64.b64encode(bytes(image)).decode()


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (_flip_a_byte, "photo_blob[0].image: the picture's bytes do not match its sha256 " + SHA),
        (
            lambda d: d["tables"]["photo_blob"][0].update(thumbnail="not base64!"),
            "photo_blob[0].thumbnail: is not valid base64",
        ),
        (
            lambda d: d["tables"]["match_photo"][0].update(blob_sha256="ab" * 32),
            "match_photo[0].blob_sha256: there is no photo_blob with sha256 " + "ab" * 32,
        ),
        (
            lambda d: d["tables"]["photo_blob"].append(d["tables"]["photo_blob"][0]),
            "tables.photo_blob: two rows share one sha256",
        ),
    ],
)
def test_a_damaged_picture_is_refused_and_nothing_is_written(
    database, with_photos, second, change, message
):
    doc = importer(database).export_data(with_photos)
    change(doc)
    with pytest.raises(ImportFileError, match=re.escape(message)):
        ImportService(second.engine).import_bytes(json.dumps(doc).encode(), "backup.json")
    assert ImportService(second.engine).export_data()["tables"]["team"] == []
    assert _blob_count(second) == 0
