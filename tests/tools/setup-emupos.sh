#!/usr/bin/env bash
# Create (or reuse) the Python 3.13 virtual environment that runs the emupos ESC/POS printer
# emulator for the end-to-end printing tests. emupos needs Python >= 3.13; the app does not.
# Idempotent: a venv that already has the pinned emupos is left alone (takes well under 1 s).
#
#   bash tests/tools/setup-emupos.sh            # creates ./.emupos-venv
#   EMUPOS_VENV=/some/dir bash tests/tools/...  # elsewhere
set -euo pipefail
cd "$(dirname "$0")/../.."
VENV="${EMUPOS_VENV:-.emupos-venv}"
PIN="emupos==0.4.0"

if [ -x "$VENV/bin/python" ] && "$VENV/bin/python" - <<'PY' 2>/dev/null; then
import importlib.metadata as m, sys
sys.exit(0 if m.version("emupos") == "0.4.0" else 1)
PY
  echo "emupos 0.4.0 already in $VENV"
  exit 0
fi

find_python() {
  for candidate in "${EMUPOS_PYTHON:-}" python3.14 python3.13 \
      "$(pyenv root 2>/dev/null)/versions/3.13.0/bin/python3.13" \
      /root/.pyenv/versions/3.13.0/bin/python3.13; do
    [ -n "$candidate" ] || continue
    if command -v "$candidate" >/dev/null 2>&1 && "$candidate" - <<'PY' 2>/dev/null; then
import sys
sys.exit(0 if sys.version_info >= (3, 13) else 1)
PY
      command -v "$candidate"
      return 0
    fi
  done
  return 1
}

PY313="$(find_python)" || {
  echo "setup-emupos: no Python >= 3.13 found (set EMUPOS_PYTHON)" >&2
  exit 1
}
echo "creating $VENV with $PY313"
rm -rf "$VENV"
"$PY313" -m venv "$VENV"
"$VENV/bin/python" -m pip install -q --disable-pip-version-check "$PIN"
"$VENV/bin/python" -c "import emupos; print('emupos', emupos.__file__)"
