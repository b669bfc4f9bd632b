#!/usr/bin/env bash
# Build the one-folder app with PyInstaller (build.spec) and smoke-test it
# (scripts/smoke.sh) plus its PostgreSQL driver.  Usage: scripts/build_bundle.sh [DIST]
# Run inside a venv that has the project installed; the build extra is added here.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
dist="$(realpath -m "${1:-$repo/dist}")"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
python3 -m pip install -q -e "$repo[build]"
start=$SECONDS
pyinstaller --noconfirm --log-level WARN --distpath "$dist" --workpath "$work/build" "$repo/build.spec"
echo "bundle: built $dist/MatchNotes in $((SECONDS - start)) s ($(du -sh "$dist/MatchNotes" | cut -f1))"
app="$dist/MatchNotes/MatchNotes"
"$repo/scripts/smoke.sh" "$app"
# The driver is in the bundle: a server that is not there is refused for that reason.
said="$("$app" matches --db "postgresql://nobody@127.0.0.1:9/none" 2>&1 || true)"
echo "bundle: a missing server says: $said"
if grep -qi "driver" <<<"$said"; then echo "bundle: the PostgreSQL driver is missing" >&2; exit 1; fi
