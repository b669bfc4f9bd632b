"""House-style rules 1 and 2, checked: no Qt below ui/, no database sessions in ui/."""

import ast
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "matchnotes"
QT_ALLOWED = ("ui/", "app.py", "__main__.py")
# Under reports/, only the renderers may paint with Qt (one painter, two surfaces).
QT_RENDERER_WORDS = ("pdf", "render", "qt")


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
            names |= {f"{node.module}.{alias.name}" for alias in node.names}
    return names


def _modules():
    for path in PACKAGE.rglob("*.py"):
        yield path.relative_to(PACKAGE).as_posix(), _imports(path)


def test_no_qt_below_ui():
    offenders = [
        rel
        for rel, names in _modules()
        if not rel.startswith(QT_ALLOWED)
        and not (rel.startswith("reports/") and any(w in rel for w in QT_RENDERER_WORDS))
        and any(n.split(".")[0] == "PySide6" for n in names)
    ]
    assert offenders == []


def test_ui_never_opens_a_database_session():
    offenders = [
        rel
        for rel, names in _modules()
        if rel.startswith("ui/")
        and any(n.startswith(("sqlalchemy", "sqlmodel", "matchnotes.db")) for n in names)
    ]
    assert offenders == []


def test_headless_commands_do_not_load_qt():
    code = "import sys, matchnotes.cli; assert 'PySide6' not in sys.modules, 'Qt was loaded'"
    assert subprocess.run([sys.executable, "-c", code]).returncode == 0
