"""The app's identity on the desktop, and the launcher entry for pip and pipx users on Linux.

One ID names everything the desktop matches up: the ``.desktop`` file, the icon in the hicolor
theme, the AppStream metainfo and ``QGuiApplication.setDesktopFileName`` (Wayland's app id), so
the launcher, the task bar and the software centre all show the same icon and name. A package
(.deb) installs these files system-wide; ``rehab-coach --install-desktop-entry`` writes the same
ones into the user's XDG folders, pointing at the program that was installed with pip or pipx.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

from coach.domain.errors import UserError
from coach.domain.i18n import _, ngettext
from coach.system.paths import assets_dir

DESKTOP_ID = "io.github.rehabcoach.RehabCoach"
HICOLOR_SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)
INSTALLED_BY_KEY = "X-Rehab-Coach-Installed-By"  # marks a user entry as ours, so remove is safe


class DesktopEntryError(UserError, ValueError):
    """The desktop entry cannot be added or removed, said in one sentence."""


def desktop_file() -> Path:
    """The shipped launcher entry (its Exec is ``rehab-coach``, as the package installs it)."""
    return assets_dir() / "desktop" / f"{DESKTOP_ID}.desktop"


def metainfo_file() -> Path:
    return assets_dir() / "desktop" / f"{DESKTOP_ID}.metainfo.xml"


def icon_svg() -> Path:
    return assets_dir() / "icons" / "app.svg"


def icon_png(size: int) -> Path:
    """The icon drawn at ``size`` pixels (written by ``python -m coach.tools.make_icons``)."""
    return assets_dir() / "icons" / "hicolor" / f"{size}x{size}" / "apps" / f"{DESKTOP_ID}.png"


def hicolor_files() -> dict[str, Path]:
    """Where each icon goes in a hicolor theme (relative path -> shipped file)."""
    files = {f"{s}x{s}/apps/{DESKTOP_ID}.png": icon_png(s) for s in HICOLOR_SIZES}
    files[f"scalable/apps/{DESKTOP_ID}.svg"] = icon_svg()
    return files


def xdg_data_home(environ: dict[str, str] | None = None) -> Path:
    """$XDG_DATA_HOME, or ~/.local/share when it is unset, empty or not absolute (the spec)."""
    env = os.environ if environ is None else environ
    value = env.get("XDG_DATA_HOME", "")
    if value and Path(value).is_absolute():
        return Path(value)
    return Path.home() / ".local" / "share"


def gui_command() -> list[str]:
    """The command that opens the app from this installation: the ``rehab-coach-gui`` script
    beside this Python (pip and pipx put it there), else this Python running ``-m coach``;
    in a packaged (frozen) build, the program itself."""
    if getattr(sys, "frozen", False):
        return [str(Path(sys.executable).absolute())]
    scripts = Path(sys.executable).parent
    for name in ("rehab-coach-gui", "rehab-coach-gui.exe"):
        script = scripts / name
        if script.is_file() and os.access(script, os.X_OK):
            return [str(script.absolute())]
    return [str(Path(sys.executable).absolute()), "-m", "coach"]


def exec_line(argv: list[str]) -> str:
    """A desktop-entry Exec value: each argument quoted when it needs to be (the spec's rules)."""
    reserved = set(" \t\n\"'\\><~|&;$*?#()`=%")
    quoted = []
    for arg in argv:
        if arg and not reserved.intersection(arg):
            quoted.append(arg)
            continue
        escaped = "".join("\\" + c if c in '"`$\\' else c for c in arg).replace("%", "%%")
        quoted.append(f'"{escaped}"')
    # The file format escapes backslashes once more.
    return " ".join(quoted).replace("\\", "\\\\")


def user_entry_text(command: list[str]) -> str:
    """The shipped entry with Exec and TryExec set to ``command`` and our marker added."""
    lines = []
    for shipped in desktop_file().read_text(encoding="utf-8").splitlines():
        if shipped.startswith("TryExec="):
            continue
        line = f"Exec={exec_line(command)}" if shipped.startswith("Exec=") else shipped
        lines.append(line)
        if line == "[Desktop Entry]":
            lines.append(f"TryExec={exec_line(command[:1])}")
            lines.append(f"{INSTALLED_BY_KEY}=rehab-coach --install-desktop-entry")
    return "\n".join(lines) + "\n"


@dataclass(frozen=True)
class UserInstall:
    """The files a user install writes under one XDG data folder."""

    data_home: Path

    @property
    def entry(self) -> Path:
        return self.data_home / "applications" / f"{DESKTOP_ID}.desktop"

    def icons(self) -> dict[Path, Path]:
        """Target -> shipped file."""
        theme = self.data_home / "icons" / "hicolor"
        return {theme / rel: source for rel, source in hicolor_files().items()}


def install(target: UserInstall, command: list[str] | None = None) -> list[Path]:
    """Write the launcher entry and the icons; returns what was written. An entry someone
    else wrote with our name is replaced too: it is ours to own. Each file is written beside
    its place and renamed over it, so a link found there is replaced, never followed."""
    written: list[Path] = []
    for path, source in target.icons().items():
        _write_atomically(path, source.read_bytes())
        written.append(path)
    _write_atomically(target.entry, user_entry_text(command or gui_command()).encode("utf-8"))
    written.append(target.entry)
    _touch_theme(target)
    return written


def remove(target: UserInstall) -> list[Path]:
    """Delete the entry (only one this command wrote) and our icons; returns what went."""
    removed: list[Path] = []
    entry = target.entry
    if entry.is_file() and not entry.is_symlink():
        if f"\n{INSTALLED_BY_KEY}=" not in entry.read_text(encoding="utf-8", errors="replace"):
            raise DesktopEntryError(
                f"{entry} was not written by rehab-coach --install-desktop-entry; "
                "it is left as it is."
            )
        entry.unlink()
        removed.append(entry)
    for path in target.icons():
        if path.is_file() or path.is_symlink():
            path.unlink()
            removed.append(path)
    _touch_theme(target)
    return removed


def _write_atomically(path: Path, data: bytes) -> None:
    import tempfile

    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")  # a new file
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        Path(temp).chmod(0o644)
        Path(temp).replace(path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def _touch_theme(target: UserInstall) -> None:
    """Desktops notice new icons when the theme folder's time changes (the icon theme spec)."""
    theme = target.data_home / "icons" / "hicolor"
    if theme.is_dir():
        os.utime(theme)


def run_flag(*, install_entry: bool) -> int:
    """``--install-desktop-entry`` / ``--remove-desktop-entry``: do it and say what changed.
    Errors are raised (OSError, DesktopEntryError) for the command line to put in one sentence."""
    if not sys.platform.startswith("linux"):
        raise DesktopEntryError(
            _(
                "The desktop entry is for Linux; on Windows and macOS the installer adds the app "
                "to the start menu or Applications."
            )
        )
    target = UserInstall(xdg_data_home())
    if install_entry:
        install(target)
        print(_("Added Rehab Coach to the applications menu: {entry}").format(entry=target.entry))
        print(_("It starts: {command}").format(command=exec_line(gui_command())))
        return 0
    removed = remove(target)
    if removed:
        print(
            ngettext(
                "Removed Rehab Coach from the applications menu ({count} file).",
                "Removed Rehab Coach from the applications menu ({count} files).",
                len(removed),
            ).format(count=len(removed))
        )
    else:
        print(_("Rehab Coach was not in the applications menu; nothing to remove."))
    print(_("Your data is kept; this only removes the menu entry and its icons."))
    return 0
