"""--install-desktop-entry in a folder where links wait under the names it writes: each link is
replaced by our file, and the file it pointed at is left as it was."""

from __future__ import annotations

from pathlib import Path

from coach.system import desktop_entry as de


def test_links_under_our_names_are_replaced_not_followed(tmp_path: Path) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_text("precious\n", encoding="utf-8")
    target = de.UserInstall(tmp_path / "xdg")
    icon = next(iter(target.icons()))
    for path in (target.entry, icon):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.symlink_to(victim)
    de.install(target, ["/usr/bin/rehab-coach-gui"])
    assert victim.read_text(encoding="utf-8") == "precious\n"
    for path in (target.entry, icon):
        assert path.is_file() and not path.is_symlink()
    assert "Exec=/usr/bin/rehab-coach-gui" in target.entry.read_text(encoding="utf-8")
    leftovers = [p.name for p in target.entry.parent.iterdir() if p.name.startswith(".")]
    assert not leftovers


def test_remove_unlinks_a_link_without_touching_what_it_points_at(tmp_path: Path) -> None:
    victim = tmp_path / "victim.png"
    victim.write_bytes(b"not ours")
    target = de.UserInstall(tmp_path / "xdg")
    icon = next(iter(target.icons()))
    icon.parent.mkdir(parents=True)
    icon.symlink_to(victim)
    assert icon in de.remove(target)
    assert victim.read_bytes() == b"not ours"
    assert not icon.is_symlink()
