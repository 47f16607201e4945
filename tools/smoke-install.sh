#!/usr/bin/env bash
# Smoke-test an installed Food Hub POS (a wheel in a venv, or the PyInstaller bundle) from
# outside the checkout, so nothing can be read from the source tree by accident:
#   bash tools/smoke-install.sh CMD [PYTHON]
# CMD is the installed command (e.g. /tmp/v/bin/foodhub-pos or dist/foodhub-pos/foodhub-pos);
# PYTHON, when given, is the interpreter of that install: it also opens the window in French
# and checks the menus are French. Exits non-zero with a sentence on the first failure.
set -euo pipefail
CMD="$1"
PY="${2:-}"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
export FOODHUB_POS_DATA_DIR="$work/data" FOODHUB_POS_CONFIG_DIR="$work/config"
export FOODHUB_POS_LOG_DIR="$work/log" QT_QPA_PLATFORM=offscreen
fail() { echo "smoke: $*" >&2; exit 1; }

grep -q "Food Hub POS" <<<"$("$CMD" --version)" || fail "--version printed no version"
# The lists and the report follow the database's language setting: a French one.
"$CMD" demo --out hub.sqlite --orders 60 --seed 3 --language fr || fail "demo failed"
"$CMD" lists --db hub.sqlite --out lists > lists.txt || fail "lists failed"
[ "$(grep -c '\.pdf$' lists.txt)" -ge 5 ] || fail "lists wrote fewer than 5 PDFs: $(cat lists.txt)"
harvest=$(grep -m1 harvest lists.txt || head -n1 lists.txt)
# (text captured first: grep -q closing a pipe early would fail it under pipefail)
text=$(pdftotext "$harvest" -)
grep -q "Liste de récolte" <<<"$text" || fail "the harvest list is not in French"
fonts=$(pdffonts "$harvest")
grep -q DejaVuSans <<<"$fonts" || fail "the bundled font is not embedded"
"$CMD" report --db hub.sqlite --out day.pdf || fail "report (PDF) failed"
text=$(pdftotext day.pdf -)
grep -q "Rapport de fin de journée" <<<"$text" || fail "the report is not in French"
"$CMD" report --db hub.sqlite --out day.csv || fail "report (CSV) failed"
grep -q "section" <<<"$(head -n1 day.csv)" || fail "the CSV has no header row"

if [ -n "$PY" ]; then
  "$PY" - hub.sqlite <<'PY' || fail "the window did not open in French"
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from pos.app import create_window

window = create_window(sys.argv[1])
window.resize(1366, 768)
window.show()
QTimer.singleShot(1500, QApplication.quit)
QApplication.exec()
menus = [a.text().replace("&", "") for a in window.menuBar().actions()]
assert "Fichier" in menus, menus
window.close()
print("window opened in French:", ", ".join(menus))
PY
fi
echo "smoke: $CMD works outside the checkout (version, demo, French lists and report, CSV)"
