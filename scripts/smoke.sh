#!/usr/bin/env bash
# Smoke test of an installed MatchNotes, run from an empty folder outside the checkout:
#   scripts/smoke.sh /path/to/venv/bin/matchnotes      (a wheel installed in a venv)
#   scripts/smoke.sh dist/MatchNotes/MatchNotes        (the PyInstaller bundle)
# Each step must work with nothing but what was installed; the openfootball file it
# imports is handed in from the checkout, as a user hands in a download.
set -euo pipefail
app="$(realpath "$1")"
repo="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$work"
export QT_QPA_PLATFORM="${QT_QPA_PLATFORM:-offscreen}"
export XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data"
step() { echo "smoke: $*"; }

step "--version";          "$app" --version | grep -q "^MatchNotes "
step "demo";               "$app" demo --db demo.sqlite | grep -q "Demo database written"
step "show";               "$app" show 1 --db demo.sqlite | grep -q "England"
step "export pdf";         "$app" export pdf --match 1 -o match.pdf --db demo.sqlite >/dev/null
head -c 5 match.pdf | grep -q "%PDF-"
tail -c 1024 match.pdf | grep -q "%%EOF"
step "import";             "$app" import "$repo/tests/data/openfootball/worldcup-2022.json" --db wc.sqlite >/dev/null
test "$("$app" matches --json --db wc.sqlite | grep -o '"id"' | wc -l)" -eq 64
step "window (offscreen)"
MATCHNOTES_EXIT_WHEN_OPEN=1 timeout 120 "$app" --demo --db gui.sqlite | tee gui.log
grep -q "MatchNotes window open: .*(1 matches)" gui.log
echo "smoke: all passed for $app"
