#!/usr/bin/env bash
# Set up (if needed) and run the test suite. Extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --no-lint
# the HTML reports are tested in a real headless browser
if ! command -v chromium >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1; then
    SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
    echo "test: installing Debian's chromium for the browser tests" >&2
    ($SUDO apt-get update -qq && $SUDO apt-get install -y -qq chromium >/dev/null) || echo "test: chromium could not be installed; browser tests will be skipped" >&2
fi
exec .venv/bin/python -m pytest "$@"
