"""Layering and offline rules, checked on the source so they cannot quietly erode."""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "coach"
GUI_MODULES = ("PySide6", "pyqtgraph", "shiboken6")
NETWORK_MODULES = (
    "socket",
    "ssl",
    "http",
    "urllib",
    "ftplib",
    "smtplib",
    "poplib",
    "imaplib",
    "telnetlib",
    "xmlrpc",
    "socketserver",
    "asyncio",
    "requests",
    "httpx",
    "aiohttp",
    "websocket",
    "PySide6.QtNetwork",
    "PySide6.QtWebEngineCore",
    "PySide6.QtWebSockets",
)


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return names


def matches(name: str, banned: tuple[str, ...]) -> bool:
    return any(name == b or name.startswith(b + ".") for b in banned)


def modules_under(*parts: str) -> list[Path]:
    return sorted((PACKAGE.joinpath(*parts)).rglob("*.py"))


@pytest.mark.parametrize("layer", ["domain", "store"])
def test_domain_and_store_never_import_qt(layer: str) -> None:
    files = modules_under(layer)
    assert files
    offenders = {
        f"{path.relative_to(PACKAGE)}: {name}"
        for path in files
        for name in imported_modules(path)
        if matches(name, GUI_MODULES)
    }
    assert not offenders


def test_store_is_the_only_layer_using_sqlite_outside_tests() -> None:
    offenders = {
        str(path.relative_to(PACKAGE))
        for path in modules_under("domain") + modules_under("ui")
        if any(matches(n, ("sqlite3",)) for n in imported_modules(path))
    }
    assert not offenders


def test_coach_never_imports_networking_modules() -> None:
    offenders = {
        f"{path.relative_to(PACKAGE)}: {name}"
        for path in modules_under()
        for name in imported_modules(path)
        if matches(name, NETWORK_MODULES)
    }
    assert not offenders


def test_the_scan_would_catch_an_offender(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text("import urllib.request\nfrom PySide6 import QtWidgets\n")
    names = imported_modules(bad)
    assert any(matches(n, NETWORK_MODULES) for n in names)
    assert any(matches(n, GUI_MODULES) for n in names)


def _lint_imports(root: Path) -> subprocess.CompletedProcess[str]:
    """import-linter with the project's contracts (pyproject.toml), on the package in ``root``."""
    return subprocess.run(
        [str(Path(sys.executable).parent / "lint-imports"), "--no-cache"],
        check=False,
        cwd=root,
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(root), "PATH": ""},
    )


@pytest.mark.slow
def test_the_import_contracts_hold() -> None:
    result = _lint_imports(PACKAGE.parent)
    assert result.returncode == 0, result.stdout


@pytest.mark.slow
@pytest.mark.parametrize(
    ("module", "line", "broken"),
    [
        ("store/faults.py", "import coach.ui.app", "The store never imports ui"),
        ("reports/csv_export.py", "import coach.store.sessions", "Reports are handed their data"),
        ("domain/dates.py", "import PySide6.QtCore", "The domain is pure"),
        ("commands/base.py", "import coach.cli", "No import circles"),
    ],
)
def test_the_import_contracts_catch_an_offender(
    tmp_path: Path, module: str, line: str, broken: str
) -> None:
    shutil.copytree(PACKAGE, tmp_path / "coach", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(PACKAGE.parent / "pyproject.toml", tmp_path)
    with (tmp_path / "coach" / module).open("a", encoding="utf-8") as file:
        file.write(f"\n{line}  # an offender\n")
    result = _lint_imports(tmp_path)
    assert result.returncode == 1
    assert f"{broken}" in result.stdout and "BROKEN" in result.stdout
