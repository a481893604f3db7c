#!/usr/bin/env bash
# Quick start 1: install Rehab Coach into .venv and open it.
# Says what it is doing: the first run installs for a minute or so, later runs start at once
# (the app is installed again only when its files changed since the last install).
set -euo pipefail
cd "$(dirname "$0")/.."
say() { printf 'run-app: %s\n' "$*"; }

say "checking the system libraries Qt needs..."
bash scripts/system-deps.sh
if [ ! -x .venv/bin/python ]; then
  say "first run: making a private Python environment in .venv..."
  python3 -m venv .venv
fi
stamp=.venv/.rehab-coach-installed
if [ ! -e "$stamp" ] || [ -n "$(find pyproject.toml coach exercises assets -newer "$stamp" \
    -print -quit 2>/dev/null)" ]; then
  if [ -e "$stamp" ]; then
    say "the app's files changed: installing it again into .venv (about 10 s)..."
  else
    say "installing Rehab Coach and its libraries into .venv (a minute or two the first time)..."
  fi
  .venv/bin/python -m pip install -q --upgrade pip
  .venv/bin/python -m pip install -q .
  touch "$stamp"
  say "installed."
fi
say "starting Rehab Coach..."
exec .venv/bin/rehab-coach "$@"
