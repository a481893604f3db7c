"""The launcher entry, icons and metainfo: valid, one ID everywhere, and installable by a pip or
pipx user into their own XDG folders with a command that really opens the app."""

from __future__ import annotations

import os
import shutil
import struct
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from coach.cli import run
from coach.system import desktop_entry as de

ROOT = Path(__file__).resolve().parents[2]
needs_validate = pytest.mark.skipif(
    shutil.which("desktop-file-validate") is None, reason="desktop-file-utils is not installed"
)


def entry_values(path: Path) -> dict[str, str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "[Desktop Entry]"
    return dict(line.split("=", 1) for line in lines[1:] if "=" in line)


def exec_argv(value: str) -> list[str]:
    """An Exec value back to argv, read as the Desktop Entry spec says: first the file
    format's escapes (two backslashes are one), then words split at spaces, where a word in
    double quotes may hold spaces and a backslash escapes a double quote, backtick, dollar
    or backslash."""
    text, i = "", 0
    while i < len(value):
        if value[i] == "\\" and value[i + 1 : i + 2] == "\\":
            text, i = text + "\\", i + 2
        else:
            text, i = text + value[i], i + 1
    words: list[str] = []
    word, quoted, i = None, False, 0
    while i < len(text):
        char = text[i]
        if quoted and char == "\\" and text[i + 1 : i + 2] in ('"', "`", "$", "\\"):
            word, i = (word or "") + text[i + 1], i + 2
            continue
        if char == '"':
            quoted, word = not quoted, word or ""
        elif char == " " and not quoted:
            if word is not None:
                words.append(word)
            word = None
        else:
            word = (word or "") + char
        i += 1
    if word is not None:
        words.append(word)
    return [w.replace("%%", "%") for w in words]


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", path
    width, height = struct.unpack(">II", data[16:24])
    return width, height


# --- the shipped files ------------------------------------------------------------------------


def test_one_id_names_the_entry_the_icon_and_the_metainfo() -> None:
    entry = entry_values(de.desktop_file())
    assert de.desktop_file().name == f"{de.DESKTOP_ID}.desktop"
    assert entry["Icon"] == de.DESKTOP_ID
    assert entry["Exec"] == "rehab-coach"  # what the package puts on PATH
    assert entry["Terminal"] == "false"
    meta = ET.parse(de.metainfo_file()).getroot()
    assert meta.findtext("id") == de.DESKTOP_ID
    assert meta.findtext("launchable") == de.desktop_file().name
    assert meta.findtext("provides/binary") == "rehab-coach"


def test_the_app_tells_the_desktop_that_id_and_uses_the_icon(qapp: QApplication) -> None:
    from coach.ui.app import identify, set_app_icon

    before = (qapp.applicationName(), qapp.organizationName(), qapp.desktopFileName())
    try:
        identify(qapp)
        assert qapp.desktopFileName() == de.DESKTOP_ID
        entry = entry_values(de.desktop_file())
        assert qapp.applicationName() == entry["StartupWMClass"]  # X11's WM_CLASS
        set_app_icon(qapp)
        sizes = {size.width() for size in qapp.windowIcon().availableSizes()}
        assert set(de.HICOLOR_SIZES) <= sizes
    finally:
        qapp.setApplicationName(before[0])
        qapp.setOrganizationName(before[1])
        qapp.setDesktopFileName(before[2])
        qapp.setWindowIcon(QIcon())


@needs_validate
def test_the_shipped_entry_is_valid() -> None:
    result = subprocess.run(
        ["desktop-file-validate", str(de.desktop_file())],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0 and not result.stdout.strip(), result.stdout


@pytest.mark.skipif(shutil.which("appstreamcli") is None, reason="appstream is not installed")
def test_the_metainfo_is_valid() -> None:
    result = subprocess.run(
        ["appstreamcli", "validate", "--no-net", "--explain", str(de.metainfo_file())],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_metainfo_screenshots_are_the_ones_in_docs() -> None:
    meta = ET.parse(de.metainfo_file()).getroot()
    images = [image.text or "" for image in meta.iter("image")]
    assert len(images) >= 3
    for url in images:
        assert url.startswith("https://")
        assert (ROOT / "docs" / "screenshots" / url.rsplit("/", 1)[1]).is_file(), url


def test_every_icon_size_is_drawn_at_its_size() -> None:
    for size in de.HICOLOR_SIZES:
        assert png_size(de.icon_png(size)) == (size, size)
    ico = (de.icon_svg().parent / "app.ico").read_bytes()
    reserved, kind, count = struct.unpack("<HHH", ico[:6])
    assert (reserved, kind) == (0, 1)
    sizes = {ico[6 + 16 * i] or 256 for i in range(count)}
    assert {16, 32, 48, 256} <= sizes
    assert (de.icon_svg().parent / "app.icns").read_bytes()[:4] == b"icns"


def test_the_drawn_icons_match_the_svg(tmp_path: Path) -> None:
    """The committed PNGs are what make_icons draws from app.svg today (redraw after an edit)."""
    from PySide6.QtGui import QImage

    from coach.tools.make_icons import render_png

    for size in (16, 48, 256):
        out = tmp_path / f"{size}.png"
        render_png(de.icon_svg(), size, out)
        assert QImage(str(out)) == QImage(str(de.icon_png(size))), size


# --- the user install ---------------------------------------------------------------------------


def test_exec_line_quotes_what_the_spec_says(tmp_path: Path) -> None:
    awkward = ['/home/a b/$HOME/`x`/"q"/back\\slash/100%', "-m", "coach"]
    line = de.exec_line(awkward)
    assert exec_argv(line) == awkward
    assert de.exec_line(["/usr/bin/rehab-coach-gui"]) == "/usr/bin/rehab-coach-gui"


@needs_validate
def test_install_writes_a_valid_entry_and_every_icon(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    xdg = tmp_path / "xdg"
    monkeypatch.setenv("XDG_DATA_HOME", str(xdg))
    assert run(["--data-dir", str(tmp_path / "data"), "--install-desktop-entry"]) == 0
    out = capsys.readouterr().out
    entry_path = xdg / "applications" / f"{de.DESKTOP_ID}.desktop"
    assert str(entry_path) in out
    result = subprocess.run(
        ["desktop-file-validate", str(entry_path)], capture_output=True, check=False
    )
    assert result.returncode == 0, result.stdout
    entry = entry_values(entry_path)
    program = Path(exec_argv(entry["Exec"])[0])
    assert program.is_absolute() and os.access(program, os.X_OK)
    assert entry["TryExec"] == str(program)
    for size in de.HICOLOR_SIZES:
        icon = xdg / "icons" / "hicolor" / f"{size}x{size}" / "apps" / f"{entry['Icon']}.png"
        assert icon.read_bytes() == de.icon_png(size).read_bytes()
    assert (xdg / "icons" / "hicolor" / "scalable" / "apps" / f"{entry['Icon']}.svg").is_file()


@pytest.mark.slow
def test_the_installed_entry_opens_the_app(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """What a click in the menu runs paints the app's window (offscreen, on demo data)."""
    xdg = tmp_path / "xdg"
    monkeypatch.setenv("XDG_DATA_HOME", str(xdg))
    de.install(de.UserInstall(xdg))
    entry = entry_values(xdg / "applications" / f"{de.DESKTOP_ID}.desktop")
    env = dict(os.environ, COACH_EXIT_AFTER_FIRST_PAINT="1", QT_QPA_PLATFORM="offscreen")
    if not Path(exec_argv(entry["Exec"])[0]).name.startswith("rehab-coach-gui"):
        env["PYTHONPATH"] = str(ROOT)  # `python -m coach` from a checkout that is not installed
    result = subprocess.run(
        [*exec_argv(entry["Exec"]), "--demo"],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        cwd=tmp_path,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("first-paint "), result.stdout + result.stderr


def test_gui_command_prefers_the_gui_script_beside_python(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bin_dir = tmp_path / "venv" / "bin"
    bin_dir.mkdir(parents=True)
    python = bin_dir / "python"
    python.write_text("", encoding="utf-8")
    monkeypatch.setattr(sys, "executable", str(python))
    assert de.gui_command() == [str(python), "-m", "coach"]  # no script: Python runs the app
    script = bin_dir / "rehab-coach-gui"
    script.write_text("#!/bin/sh\n", encoding="utf-8")
    script.chmod(0o755)
    assert de.gui_command() == [str(script)]
    monkeypatch.setattr(sys, "frozen", True, raising=False)  # the packaged program
    assert de.gui_command() == [str(python)]


def test_remove_takes_out_what_install_wrote_and_keeps_the_data(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    xdg = tmp_path / "xdg"
    data = tmp_path / "data"
    monkeypatch.setenv("XDG_DATA_HOME", str(xdg))
    assert run(["--data-dir", str(data), "check"]) == 0
    target = de.UserInstall(xdg)
    written = de.install(target)
    other = xdg / "icons" / "hicolor" / "48x48" / "apps" / "someone-else.png"
    other.write_bytes(b"x")
    capsys.readouterr()
    assert run(["--data-dir", str(data), "--remove-desktop-entry"]) == 0
    assert "Your data is kept" in capsys.readouterr().out
    assert not any(path.exists() for path in written)
    assert other.exists()
    assert (data / "coach.db").is_file()
    assert run(["--data-dir", str(data), "--remove-desktop-entry"]) == 0
    assert "nothing to remove" in capsys.readouterr().out


def test_remove_leaves_an_entry_it_did_not_write(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    xdg = tmp_path / "xdg"
    monkeypatch.setenv("XDG_DATA_HOME", str(xdg))
    entry = de.UserInstall(xdg).entry
    entry.parent.mkdir(parents=True)
    entry.write_text("[Desktop Entry]\nName=Packaged\n", encoding="utf-8")
    assert run(["--data-dir", str(tmp_path / "data"), "--remove-desktop-entry"]) == 1
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "was not written by" in err
    assert entry.read_text(encoding="utf-8") == "[Desktop Entry]\nName=Packaged\n"


def test_xdg_data_home_follows_the_spec(tmp_path: Path) -> None:
    home = Path.home()
    assert de.xdg_data_home({"XDG_DATA_HOME": str(tmp_path)}) == tmp_path
    assert de.xdg_data_home({}) == home / ".local" / "share"
    assert de.xdg_data_home({"XDG_DATA_HOME": "relative/path"}) == home / ".local" / "share"


def test_other_systems_are_told_the_installer_does_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "platform", "win32")
    assert run(["--data-dir", str(tmp_path / "data"), "--install-desktop-entry"]) == 1
    assert "for Linux" in capsys.readouterr().err
    assert not de.UserInstall(de.xdg_data_home()).entry.exists()


def test_a_folder_that_cannot_be_written_is_one_sentence(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    blocked = tmp_path / "file-not-folder"
    blocked.write_text("", encoding="utf-8")
    monkeypatch.setenv("XDG_DATA_HOME", str(blocked))
    assert run(["--data-dir", str(tmp_path / "data"), "--install-desktop-entry"]) == 1
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "Traceback" not in err
