#!/usr/bin/env bash
# Resolve the dependency set once for Linux, Windows and macOS (uv.lock), and export the
# hashed requirement files that CI, the README's install and the app bundle install from.
#
#   bash tools/lock.sh              # after editing pyproject.toml: keep locked versions
#   bash tools/lock.sh --upgrade    # take the newest versions the ranges in pyproject allow
#   bash tools/lock.sh --check      # fail if uv.lock or requirements/ lag behind pyproject
#
# pyproject.toml keeps compatible ranges (for anyone using the packages as a library);
# uv.lock and requirements/*.txt hold the exact versions and hashes everything installs.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v uv >/dev/null 2>&1 || python -m pip install -q "uv>=0.5,<1"

export_all() {
  # $1: folder to write into
  local common=(--frozen --no-emit-project --format requirements-txt --no-header)
  uv export "${common[@]}" -o "$1/app.txt" >/dev/null
  uv export "${common[@]}" --extra test -o "$1/test.txt" >/dev/null
  uv export "${common[@]}" --extra build -o "$1/build.txt" >/dev/null
}

if [ "${1:-}" = "--check" ]; then
  uv lock --check
  tmp=$(mktemp -d)
  trap 'rm -rf "$tmp"' EXIT
  export_all "$tmp"
  for f in app test build; do
    cmp -s "$tmp/$f.txt" "requirements/$f.txt" || {
      echo "requirements/$f.txt is not what uv.lock exports: run bash tools/lock.sh" >&2
      exit 1
    }
  done
  echo "uv.lock and requirements/ match pyproject.toml"
  exit 0
fi

uv lock "$@"
mkdir -p requirements
export_all requirements
echo "locked: uv.lock, requirements/{app,test,build}.txt"
