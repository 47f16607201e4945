#!/usr/bin/env bash
# Build the one-folder app bundle: dist/foodhub-pos/{foodhub-pos,foodhub-pos-cli,_internal/}.
# Uses the active Python (a virtual environment with the app installed); PyInstaller comes
# from the hashed build requirements when they exist, else from the `build` extra.
# Usage: bash packaging/build.sh            (then: bash packaging/smoke.sh dist/foodhub-pos)
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python}

if ! "$PYTHON" -c "import PyInstaller" 2>/dev/null; then
  if [ -f requirements/build.txt ]; then
    "$PYTHON" -m pip install -q --require-hashes -r requirements/build.txt
  else
    "$PYTHON" -m pip install -q ".[build]"
  fi
fi

start=$(date +%s)
"$PYTHON" -m PyInstaller --noconfirm --clean --log-level WARN \
  --distpath dist --workpath build/pyinstaller packaging/foodhub-pos.spec
end=$(date +%s)

out=dist/foodhub-pos
echo "built $out in $((end - start)) s; size $(du -sh "$out" | cut -f1)" \
  "($(find "$out" -type f | wc -l) files)"
