"""The repository stands alone: nothing in it reads a folder beside the clone."""

import re
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# "../shared", parents[N] / "shared", ROOT.parent / "shared": ways to reach outside.
OUTSIDE = re.compile(r"\.\./shared|parents\[\d\]\s*/\s*\"shared\"|parent\s*/\s*\"shared\"")


def test_no_file_reaches_for_a_folder_beside_the_clone():
    files = subprocess.run(
        ["git", "ls-files", "-co", "--exclude-standard"],
        cwd=ROOT, capture_output=True, text=True, check=True,
    ).stdout.split()  # fmt: skip
    offenders = []
    for name in files:
        path = ROOT / name
        if (
            path.suffix not in {".py", ".md", ".toml", ".spec", ".cfg", ".sh", ""}
            or not path.is_file()
        ):
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        if path.name != "test_standalone.py" and OUTSIDE.search(text):
            offenders.append(name)
    assert offenders == []
