#!/usr/bin/env bash
# Build the wheel, install it into a fresh venv outside the checkout, and smoke-test it
# from another folder (scripts/smoke.sh): what `pip install .` or pipx gives a user.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
python3 -m pip wheel -q --no-deps -w "$out/dist" "$repo"
python3 -m venv "$out/venv"
"$out/venv/bin/pip" install -q "$out"/dist/matchnotes-*.whl
echo "wheel: $(basename "$out"/dist/matchnotes-*.whl) installed in a fresh venv"
"$repo/scripts/smoke.sh" "$out/venv/bin/matchnotes"
