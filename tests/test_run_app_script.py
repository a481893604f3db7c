"""scripts/run-app.sh: tells the patient what it is doing, and installs only when needed.

Runs the real script in a copy of the project layout, with a stand-in ``python3`` on PATH (so
nothing is downloaded) that records what it was asked to do.
"""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "run-app.sh"

FAKE_PYTHON3 = """#!/usr/bin/env bash
# stand-in for python3 -m venv .venv: a .venv whose python and rehab-coach only log
set -e
[ "$1 $2" = "-m venv" ] || exit 9
mkdir -p "$3/bin"
cat > "$3/bin/python" <<'PY'
#!/usr/bin/env bash
echo "python $*" >> "$CALLS"
PY
cat > "$3/bin/rehab-coach" <<'APP'
#!/usr/bin/env bash
echo "rehab-coach $*" >> "$CALLS"
APP
chmod +x "$3/bin/python" "$3/bin/rehab-coach"
"""


def _executable(path: Path, text: str) -> None:
    path.write_text(text, encoding="utf-8")
    path.chmod(path.stat().st_mode | stat.S_IXUSR)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    root = tmp_path / "project"
    (root / "scripts").mkdir(parents=True)
    shutil.copy(SCRIPT, root / "scripts" / "run-app.sh")
    (root / "scripts" / "system-deps.sh").write_text("exit 0\n", encoding="utf-8")
    for folder in ("coach", "exercises", "assets"):
        (root / folder).mkdir()
        (root / folder / "file.txt").write_text("x", encoding="utf-8")
    (root / "pyproject.toml").write_text("[project]\n", encoding="utf-8")
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    _executable(bin_dir / "python3", FAKE_PYTHON3)
    return root


def _run(project: Path, *args: str) -> tuple[str, list[str]]:
    calls = project / "calls.log"
    env = dict(os.environ, PATH=f"{project.parent / 'bin'}:{os.environ['PATH']}", CALLS=str(calls))
    result = subprocess.run(
        ["bash", str(project / "scripts" / "run-app.sh"), *args],
        env=env,
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    lines = calls.read_text(encoding="utf-8").splitlines() if calls.exists() else []
    calls.unlink(missing_ok=True)
    return result.stdout, lines


def test_first_run_says_each_step_before_the_slow_install(project: Path) -> None:
    out, calls = _run(project, "--demo")
    said = out.splitlines()
    assert said[0].startswith("run-app: checking the system libraries")
    assert any("making a private Python environment" in line for line in said)
    assert any("installing Rehab Coach" in line for line in said)
    assert said[-1] == "run-app: starting Rehab Coach..."
    assert "python -m pip install -q ." in calls
    assert calls[-1] == "rehab-coach --demo"


def test_a_later_run_starts_without_installing_again(project: Path) -> None:
    _run(project)
    out, calls = _run(project)
    assert "installing" not in out
    assert calls == ["rehab-coach "]


def test_changed_app_files_are_installed_again_and_it_says_so(project: Path) -> None:
    _run(project)
    stamp = project / ".venv" / ".rehab-coach-installed"
    os.utime(stamp, (1_000_000, 1_000_000))  # the install is older than the files
    out, calls = _run(project)
    assert "files changed: installing it again" in out
    assert "python -m pip install -q ." in calls
