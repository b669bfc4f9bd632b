"""What a wheel, a distribution or a desktop needs from the repository."""

import shutil
import subprocess
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
LINUX = ROOT / "resources" / "linux"
APP_ID = "io.github.matchnotes.MatchNotes"


def test_every_package_of_the_source_is_in_the_wheel_list():
    listed = set(PYPROJECT["tool"]["setuptools"]["packages"])
    found = {
        ".".join(p.parent.relative_to(ROOT).parts)
        for p in (ROOT / "matchnotes").rglob("__init__.py")
        if "__pycache__" not in p.parts
    }
    assert found <= listed
    mapped = PYPROJECT["tool"]["setuptools"]["package-dir"]
    assert mapped == {"matchnotes.resources": "resources", "matchnotes.docs": "docs"}


def test_the_docs_the_app_points_to_are_shipped():
    from matchnotes.paths import doc, resource

    assert doc("quick-entry.md").is_file()
    assert doc("cli.md").is_file()
    assert resource("sample", "england-france-2022.json").is_file()


def test_the_international_archive_ships_compressed_with_its_licence():
    from matchnotes.paths import resource

    folder = resource("international")
    for name in ("results", "goalscorers", "shootouts", "former_names"):
        assert (folder / f"{name}.csv.xz").is_file()
    assert "CC0 1.0 Universal" in (folder / "LICENSE").read_text(encoding="utf-8")
    assert "martj42/international_results" in (folder / "SOURCE.md").read_text(encoding="utf-8")
    size = sum(p.stat().st_size for p in folder.glob("*.xz"))
    assert size < 1_000_000  # about 0.8 MB: the app stays small
    assert PYPROJECT["tool"]["setuptools"]["package-data"]["matchnotes.resources"] == ["**/*"]


def test_the_icon_comes_in_the_sizes_desktops_use():
    icons = ROOT / "resources" / "icons"
    assert (icons / "matchnotes.svg").is_file()
    for size in (16, 32, 48, 64, 128, 256, 512):
        assert (icons / f"matchnotes-{size}.png").is_file()


def test_the_license_is_declared_and_present():
    assert PYPROJECT["project"]["license"] == "MIT"
    assert "MIT License" in (ROOT / "LICENSE").read_text(encoding="utf-8")


@pytest.mark.skipif(not shutil.which("desktop-file-validate"), reason="desktop-file-utils")
def test_the_desktop_file_is_valid():
    result = subprocess.run(
        ["desktop-file-validate", str(LINUX / f"{APP_ID}.desktop")], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "error" not in result.stdout.lower()


@pytest.mark.skipif(not shutil.which("appstreamcli"), reason="appstream")
def test_the_appstream_metainfo_is_valid():
    result = subprocess.run(
        ["appstreamcli", "validate", "--no-net", str(LINUX / f"{APP_ID}.metainfo.xml")],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
