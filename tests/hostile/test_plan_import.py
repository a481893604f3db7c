"""Plan import cannot hang or mislead: every hostile plan file is refused in one sentence with
its field path, from the command line and from the app (read on a worker thread, with progress
and a cancel), and the database is unchanged. With a PIN set, the command line asks for it."""

from __future__ import annotations

import io
import os
import threading
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from coach.cli import run
from coach.domain.pin import hash_pin
from coach.store import open_db
from coach.store.therapist import TherapistStore
from coach.system.paths import DataPaths
from coach.ui.context import AppContext
from coach.ui.therapist import plan_reader
from coach.ui.therapist.import_summary import ImportPreview, ImportSummary
from coach.ui.therapist.plan_editor import PlanEditor
from tests.hostile.databases import NOW, snapshot
from tests.hostile.plan_files import HOSTILE_PLAN_FILES, encode, good_plan_dict
from tests.scripted_dialogs import ScriptedDialogs, scripted

PIN = "4826"


@pytest.mark.parametrize(
    ("build", "phrase"), [pytest.param(b, p, id=n) for n, b, p in HOSTILE_PLAN_FILES]
)
def test_the_command_line_refuses_each_hostile_plan_file(
    live: DataPaths,
    tmp_path: Path,
    one_line: Callable[[], str],
    build: Callable[[], bytes],
    phrase: str,
) -> None:
    source = tmp_path / "hostile.rcplan.json"
    source.write_bytes(build())
    before = snapshot(live.database)
    assert run(["--data-dir", str(live.root), "plan", "import", str(source)]) == 1
    message = one_line()
    assert f"plan file: {phrase}" in message or phrase in message
    assert snapshot(live.database) == before


@pytest.mark.parametrize("kind", ["fifo", "folder"])
def test_only_regular_files_are_read(
    live: DataPaths, tmp_path: Path, one_line: Callable[[], str], kind: str
) -> None:
    """A FIFO with no writer would block a plain open() for ever."""
    source = tmp_path / "plan.rcplan.json"
    if kind == "fifo":
        os.mkfifo(source)
    else:
        source.mkdir()
    before = snapshot(live.database)
    assert run(["--data-dir", str(live.root), "plan", "import", str(source)]) == 1
    assert "is not a regular file" in one_line()
    assert snapshot(live.database) == before


def test_the_good_file_of_these_tests_is_imported(live: DataPaths, tmp_path: Path) -> None:
    """So each hostile file above is refused for its one change, not for something else."""
    source = tmp_path / "good.rcplan.json"
    data = good_plan_dict()
    data["plan"]["note"] = "Walk after lunch."
    source.write_bytes(encode(data))
    assert run(["--data-dir", str(live.root), "plan", "import", str(source)]) == 0


# -- the PIN on the command line -------------------------------------------------------------------
@pytest.fixture
def with_pin(live: DataPaths) -> DataPaths:
    db = open_db(live.database)
    try:
        TherapistStore(db).set_pin_hash(hash_pin(PIN), NOW)
    finally:
        db.close()
    return live


def _changed_plan(tmp_path: Path) -> Path:
    source = tmp_path / "new.rcplan.json"
    data = good_plan_dict()
    data["plan"]["note"] = "A new note."
    source.write_bytes(encode(data))
    return source


def _plan_rows(paths: DataPaths) -> list[str]:
    return [line for line in snapshot(paths.database) if 'INSERT INTO "plans"' in line]


def test_with_a_pin_import_needs_it(
    with_pin: DataPaths,
    tmp_path: Path,
    one_line: Callable[[], str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    source = _changed_plan(tmp_path)
    before = _plan_rows(with_pin)
    monkeypatch.setattr("sys.stdin", io.StringIO(""))  # not a terminal, no --pin-from-stdin
    assert run(["--data-dir", str(with_pin.root), "plan", "import", str(source)]) == 1
    assert "--pin-from-stdin" in one_line()

    monkeypatch.setattr("sys.stdin", io.StringIO("0000\n"))
    argv = ["--data-dir", str(with_pin.root), "plan", "import", "--pin-from-stdin", str(source)]
    assert run(argv) == 1
    assert "That PIN is not right. Nothing was changed." in one_line()
    assert _plan_rows(with_pin) == before

    monkeypatch.setattr("sys.stdin", io.StringIO(f"{PIN}\n"))
    assert run(argv) == 0
    assert len(_plan_rows(with_pin)) == len(before) + 1


def test_wrong_pins_on_the_command_line_wait_like_the_app(
    with_pin: DataPaths,
    tmp_path: Path,
    one_line: Callable[[], str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    source = _changed_plan(tmp_path)
    argv = ["--data-dir", str(with_pin.root), "plan", "import", "--pin-from-stdin", str(source)]
    for _ in range(3):  # after two wrong tries, each further one waits
        monkeypatch.setattr("sys.stdin", io.StringIO("0000\n"))
        assert run(argv) == 1
        one_line()
    monkeypatch.setattr("sys.stdin", io.StringIO(f"{PIN}\n"))  # right, but it must wait now
    assert run(argv) == 1
    assert "Please wait" in one_line()


# -- the app: off the GUI thread, with progress and a cancel ------------------------------------
class Scripted:
    """The therapist accepts every import preview; what they saw is kept."""

    previews: list[ImportPreview] = []  # noqa: RUF012
    dialogs = ScriptedDialogs()  # the editor's context's, set by the fixture

    @staticmethod
    def confirm_import(dialog: ImportSummary) -> bool:
        Scripted.previews.append(dialog.preview)
        return True


@pytest.fixture
def editor(qtbot: QtBot, ctx: AppContext) -> PlanEditor:
    from coach.domain.plan import plan_from_protocol
    from coach.domain.profile import Profile, Surgery

    surgery = ctx.clock.now().date() - timedelta(weeks=7)
    plan = plan_from_protocol(ctx.content.protocols[Surgery.FUSION])
    profile = ctx.repo.add_profile(Profile("Sam", Surgery.FUSION, surgery), ctx.clock.now(), plan)
    ctx.active.set(profile)
    Scripted.previews = []
    Scripted.dialogs = scripted(ctx)
    Scripted.dialogs.on(ImportSummary, Scripted.confirm_import)
    widget = PlanEditor(ctx, TherapistStore(ctx.db))
    qtbot.addWidget(widget)
    widget.show()
    return widget


def _db(ctx: AppContext) -> list[str]:
    return list(ctx.db.conn.iterdump())


@pytest.mark.parametrize(
    ("build", "phrase"),
    [pytest.param(b, p, id=n) for n, b, p in HOSTILE_PLAN_FILES if "start" not in n],
)
def test_the_app_refuses_each_hostile_file_off_the_gui_thread(
    *,
    qtbot: QtBot,
    editor: PlanEditor,
    ctx: AppContext,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    build: Callable[[], bytes],
    phrase: str,
) -> None:
    readers: list[threading.Thread] = []
    real = plan_reader.read_plan_bytes

    def watched(*args: Any, **kwargs: Any) -> bytes | None:
        readers.append(threading.current_thread())
        return real(*args, **kwargs)

    monkeypatch.setattr(plan_reader, "read_plan_bytes", watched)
    Scripted.dialogs.path = tmp_path / "hostile.rcplan.json"
    Scripted.dialogs.path.write_bytes(build())
    before = _db(ctx)
    with qtbot.waitSignal(editor.files.import_finished, timeout=20_000) as done:
        editor.import_button.click()
    assert done.args == [False]
    assert readers and readers[0] is not threading.main_thread()
    title, text = Scripted.dialogs.informed[-1]
    assert title == "Nothing was changed"
    assert phrase in text
    assert _db(ctx) == before


def _offer_a_good_file(tmp_path: Path) -> None:
    data = good_plan_dict()
    data["plan"]["note"] = "Walk after lunch."
    Scripted.dialogs.path = tmp_path / "good.rcplan.json"
    Scripted.dialogs.path.write_bytes(encode(data))


def test_the_app_shows_progress_and_imports_a_good_file(
    qtbot: QtBot, editor: PlanEditor, ctx: AppContext, tmp_path: Path
) -> None:
    _offer_a_good_file(tmp_path)
    seen: list[int] = []
    with qtbot.waitSignal(editor.files.import_finished, timeout=20_000) as done:
        editor.import_button.click()
        task = editor.files.reading
        assert task is not None
        task.progressed.connect(seen.append)
    assert done.args == [True]
    assert seen and seen[-1] == 100
    assert "Whole plan: New note from the therapist: Walk after lunch." in [
        f"{c.section}: {c.text}" for c in Scripted.previews[-1].changes
    ]


def test_cancel_stops_the_import_and_changes_nothing(
    qtbot: QtBot, editor: PlanEditor, ctx: AppContext, tmp_path: Path
) -> None:
    _offer_a_good_file(tmp_path)
    before = _db(ctx)
    with qtbot.waitSignal(editor.files.import_finished, timeout=20_000) as done:
        editor.import_button.click()
        task = editor.files.reading
        assert task is not None
        task.cancel()  # what the progress dialog's Cancel button does
    assert done.args == [False]
    assert "cancelled" in editor.message.text()
    qtbot.waitUntil(lambda: not task.running, timeout=20_000)
    assert Scripted.previews == []
    assert _db(ctx) == before


def test_a_fifo_does_not_hang_the_app(
    qtbot: QtBot, editor: PlanEditor, ctx: AppContext, tmp_path: Path
) -> None:
    Scripted.dialogs.path = tmp_path / "pipe.rcplan.json"
    os.mkfifo(Scripted.dialogs.path)
    with qtbot.waitSignal(editor.files.import_finished, timeout=20_000):
        editor.import_button.click()
    assert "is not a regular file" in Scripted.dialogs.informed[-1][1]
