#!/usr/bin/env bash
# Quick start 2: install everything the tests need and run the whole suite.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/system-deps.sh
bash scripts/build-package.sh --install-tools  # dpkg-dev, lintian...: for the package test
[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q ".[test,package]"

echo "== installed app runs from another folder"
(cd "$(mktemp -d)" && "$OLDPWD/.venv/bin/rehab-coach" --help >/dev/null \
  && "$OLDPWD/.venv/bin/rehab-coach" --data-dir "$PWD/data" check)

echo "== translations (every string extracted, every catalogue complete, .mo current)"
.venv/bin/python -m coach.tools.catalogues check

echo "== ruff"
.venv/bin/ruff check .
.venv/bin/ruff format --check .
echo "== mypy --strict"
.venv/bin/mypy
echo "== import contracts (pyproject.toml [tool.importlinter])"
.venv/bin/lint-imports
echo "== pytest"
QT_QPA_PLATFORM=offscreen .venv/bin/python -m pytest "$@"
