#!/usr/bin/env bash
# Smoke-test a built bundle as a volunteer's laptop would run it, outside the checkout:
#   --version, demo, lists (French PDFs with our fonts), report (PDF and CSV), print-test to a
#   file (python-escpos profiles), then the French window offscreen for a few seconds.
# Nothing may be left in the temp folder. Needs pdftotext and pdffonts (poppler-utils).
# Usage: bash packaging/smoke.sh [DIST_DIR]       (default dist/foodhub-pos)
set -euo pipefail
dist=$(cd "${1:-dist/foodhub-pos}" && pwd)
cli="$dist/foodhub-pos-cli"
gui="$dist/foodhub-pos"
[ -x "$cli" ] && [ -x "$gui" ] || { echo "smoke: no bundle in $dist (run packaging/build.sh)"; exit 1; }
for tool in pdftotext pdffonts; do
  command -v "$tool" >/dev/null || { echo "smoke: $tool missing (apt install poppler-utils)"; exit 1; }
done

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/tmp" "$work/runtime"
chmod 700 "$work/runtime"
cd "$work"  # not the checkout: the bundle must not read the repository
export FOODHUB_POS_DATA_DIR="$work/data" FOODHUB_POS_CONFIG_DIR="$work/config"
export FOODHUB_POS_LOG_DIR="$work/log" TMPDIR="$work/tmp" XDG_RUNTIME_DIR="$work/runtime"
export QT_QPA_PLATFORM=offscreen
unset FOODHUB_POS_PRINTER FOODHUB_POS_CACHE_DIR PYTHONPATH PYTHONHOME

ok() { printf 'smoke: ok  %s\n' "$*"; }
fail() { printf 'smoke: FAIL %s\n' "$*" >&2; exit 1; }
start=$(date +%s)

version=$("$cli" --version) || fail "--version"
[[ "$version" == "Food Hub POS "* ]] || fail "--version said: $version"
ok "--version: $version"

"$cli" demo --out "$work/hub.sqlite" --orders 60 --seed 3 >/dev/null || fail "demo"
[ -s "$work/hub.sqlite" ] || fail "demo wrote nothing"
ok "demo --out"
# Print in French: the hub's language setting (the PDFs follow it).
python3 - "$work/hub.sqlite" <<'PY'
import sqlite3, sys
with sqlite3.connect(sys.argv[1]) as db:
    db.execute("INSERT INTO settings(key, value) VALUES ('language', '\"fr\"') "
               "ON CONFLICT(key) DO UPDATE SET value = excluded.value")
PY

"$cli" lists --db "$work/hub.sqlite" --out "$work/lists" >"$work/lists.txt" || fail "lists"
count=$(find "$work/lists" -name '*.pdf' | wc -l)
[ "$count" -ge 5 ] || fail "lists wrote $count PDFs"
harvest=$(find "$work/lists" -name '*harvest*.pdf' | head -1)
# (text to files first: grep -q closing a pipe early would fail the pipeline under pipefail)
pdftotext "$harvest" "$work/harvest.txt" && pdffonts "$harvest" >"$work/harvest.fonts"
grep -q "Liste de récolte" "$work/harvest.txt" || fail "lists are not in French"
grep -q DejaVu "$work/harvest.fonts" || fail "lists do not embed the DejaVu fonts"
ok "lists: $count PDFs, French, DejaVu embedded"

"$cli" report --db "$work/hub.sqlite" --out "$work/report.pdf" >/dev/null || fail "report pdf"
pdftotext "$work/report.pdf" "$work/report.txt"
grep -q "Rapport de fin de journée" "$work/report.txt" || fail "report is not in French"
"$cli" report --db "$work/hub.sqlite" --out "$work/report.csv" >/dev/null || fail "report csv"
[[ "$(head -1 "$work/report.csv")" == *section,* ]] || fail "report csv has no header"
ok "report: PDF (French) and CSV"

"$cli" print-test --printer "file://$work/paper.bin" --width 80 --profile TM-T20II >/dev/null \
  || fail "print-test"
[ -s "$work/paper.bin" ] || fail "print-test wrote nothing"
ok "print-test to a file ($(stat -c %s "$work/paper.bin") bytes of ESC/POS)"

rc=0
FOODHUB_POS_LANG=fr "$gui" --db "$work/hub.sqlite" --no-crash-dialog --quit-after 4 \
  >"$work/gui.out" 2>"$work/gui.err" || rc=$?
[ "$rc" -eq 0 ] || { cat "$work/gui.err" >&2; fail "window exited with $rc"; }
if grep -qv "propagateSizeHints" "$work/gui.err"; then cat "$work/gui.err" >&2; fail "window wrote errors"; fi
grep -q "window shown in fr: Fichier" "$work/log/foodhub-pos.log" || fail "window not in French"
grep -E " (ERROR|CRITICAL) " "$work/log/foodhub-pos.log" && fail "errors in the log"
ok "window offscreen in French for 4 s: $(grep -o 'window shown in fr: .*' "$work/log/foodhub-pos.log")"

[ -z "$(ls -A "$work/tmp")" ] || { ls -la "$work/tmp"; fail "litter in the temp folder"; }
ok "nothing left in the temp folder"
echo "smoke: all passed in $(($(date +%s) - start)) s ($dist)"
