#!/usr/bin/env bash
# Smoke-test a built bundle as a volunteer's laptop would run it, outside the checkout:
#   the checks every install gets (tools/smoke-install.sh: --version, demo, French lists with
#   the bundled font, report PDF and CSV), then print-test to a file (python-escpos's printer
#   profiles), the French window offscreen for a few seconds through the windowed program, and
#   nothing left in the temp folder. Needs pdftotext and pdffonts (poppler-utils).
# Usage: bash packaging/smoke.sh [DIST_DIR]       (default dist/foodhub-pos)
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
dist=$(cd "${1:-dist/foodhub-pos}" && pwd)
cli="$dist/foodhub-pos-cli"
gui="$dist/foodhub-pos"
[ -x "$cli" ] && [ -x "$gui" ] || { echo "smoke: no bundle in $dist (run packaging/build.sh)"; exit 1; }

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

bash "$here/tools/smoke-install.sh" "$cli" || fail "the console program ($cli)"
ok "foodhub-pos-cli: --version, demo, French lists and report, CSV"

"$cli" demo --out "$work/hub.sqlite" --orders 60 --seed 3 >/dev/null || fail "demo"
"$cli" print-test --printer "file://$work/paper.bin" --width 80 --profile TM-T20II >/dev/null \
  || fail "print-test"
[ -s "$work/paper.bin" ] || fail "print-test wrote nothing"
ok "print-test to a file ($(stat -c %s "$work/paper.bin") bytes of ESC/POS)"

rc=0
FOODHUB_POS_LANG=fr "$gui" --db "$work/hub.sqlite" --no-crash-dialog --quit-after 4 \
  >"$work/gui.out" 2>"$work/gui.err" || rc=$?
[ "$rc" -eq 0 ] || { cat "$work/gui.err" >&2; fail "window exited with $rc"; }
if grep -qv "propagateSizeHints" "$work/gui.err"; then cat "$work/gui.err" >&2; fail "window wrote errors"; fi
log="$work/log/foodhub-pos.log"
grep -q "window shown in fr: Fichier" "$log" || fail "window not in French"
if grep -E " (ERROR|CRITICAL) " "$log"; then fail "errors in the log"; fi
ok "window offscreen in French for 4 s: $(grep -o 'window shown in fr: .*' "$log")"

if [ -n "$(ls -A "$work/tmp")" ]; then ls -la "$work/tmp"; fail "litter in the temp folder"; fi
ok "nothing left in the temp folder"
echo "smoke: all passed in $(($(date +%s) - start)) s ($dist)"
