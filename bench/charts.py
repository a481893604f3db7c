"""Progress charts benchmark: 10 years of history against 12 weeks, measured in one run.

For each history (made by ``coach.demo.history``, the same code as ``seed-demo``; it includes
the pain journal and medicines log, whose sizes are printed first; all of it is read, turned
into series and drawn with the sessions):
- open: build the Progress screen (read the store, analytics, arrays, charts) and paint it once;
- redraw: hand the series to every chart again and draw all six charts (range 'All').
Prints the medians, the ratios (10 years / 12 weeks), and on its last line the 10-year redraw
time. Targets: opening 10 years <= 2x the 12-week case; redrawing 10 years <= 16 ms.

    python bench/charts.py [--runs N]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QWidget

from coach.demo.history import seed_history
from coach.domain.clock import SystemClock
from coach.store import open_db
from coach.system.paths import DataPaths
from coach.ui.app import build_context, make_application
from coach.ui.common.appearance import apply_appearance
from coach.ui.context import AppContext

SIZE = (1060, 760)  # the screen's area beside the rail in a 1280 x 800 window


def seeded_context(root: Path, weeks: int) -> AppContext:
    paths = DataPaths(root / f"w{weeks}")
    db = open_db(paths.database)
    content = build_context(paths).content
    stats = seed_history(db, content, SystemClock().now(), weeks=weeks)
    db.close()
    ctx = build_context(paths)
    ctx.active.set(stats.profile)
    return ctx


def journal_counts(ctx: AppContext) -> str:
    """How much journal the history has (the figures the report quotes)."""
    entries = ctx.db.execute("SELECT count(*) FROM journal_entries").fetchone()[0]
    regions = ctx.db.execute("SELECT count(*) FROM journal_regions").fetchone()[0]
    medicines = ctx.db.execute("SELECT count(*) FROM medicines_taken").fetchone()[0]
    return f"{entries} journal entries ({regions} body parts marked), {medicines} medicines"


def time_open(app: QApplication, ctx: AppContext, runs: int) -> list[float]:
    from coach.ui.progress.screen import ProgressScreen

    times = []
    for _ in range(runs):
        start = time.perf_counter()
        screen = ProgressScreen(ctx)
        screen.resize(*SIZE)
        screen.show()
        screen.grab()  # layout and a full paint, synchronously
        times.append(time.perf_counter() - start)
        screen.close()
        screen.deleteLater()
        app.processEvents()
    return times


def time_redraw(app: QApplication, ctx: AppContext, runs: int) -> list[float]:
    from coach.ui.progress.chart_data import chart_series
    from coach.ui.progress.screen import ProgressScreen

    screen = ProgressScreen(ctx)
    screen.resize(*SIZE)
    screen.show()
    screen.range_buttons[None].click()  # 'All': every day of the history on screen
    app.processEvents()
    assert screen._progress is not None
    series = chart_series(screen._progress)
    charts = screen.charts
    canvases = [QImage(p.size(), QImage.Format.Format_RGB32) for p in charts.plots]
    for plot, canvas in zip(charts.plots, canvases, strict=True):
        QWidget.render(plot, canvas)  # warm caches (glyphs, pens) and size the axes
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        charts.set_series(series)
        for plot, canvas in zip(charts.plots, canvases, strict=True):
            QWidget.render(plot, canvas)
        times.append(time.perf_counter() - start)
    screen.close()
    screen.deleteLater()
    app.processEvents()
    return times


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    app = make_application()
    apply_appearance(app, 100, "light")
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        short, long = seeded_context(root, 12), seeded_context(root, 520)
        for weeks, ctx in ((12, short), (520, long)):
            print(f"{weeks} weeks: {journal_counts(ctx)}")
        time_open(app, short, 2)  # import pyqtgraph and warm the caches for both
        opens: dict[int, list[float]] = {12: [], 520: []}
        redraws: dict[int, list[float]] = {12: [], 520: []}
        for _ in range(3):  # interleaved, so that drift hits both alike
            for weeks, ctx in ((12, short), (520, long)):
                opens[weeks] += time_open(app, ctx, max(1, args.runs // 3))
                redraws[weeks] += time_redraw(app, ctx, args.runs)
        for ctx in (short, long):
            ctx.db.close()
    med = {f"open{k}": statistics.median(v) * 1000 for k, v in opens.items()}
    med |= {f"redraw{k}": statistics.median(v) * 1000 for k, v in redraws.items()}
    print(f"open 12 weeks:     median {med['open12']:.1f} ms")
    print(f"open 10 years:     median {med['open520']:.1f} ms")
    print(f"redraw 12 weeks:   median {med['redraw12']:.1f} ms")
    print(f"redraw 10 years:   median {med['redraw520']:.1f} ms")
    open_ratio = med["open520"] / med["open12"]
    print(f"open ratio 10 years / 12 weeks:   {open_ratio:.2f}x (target <= 2.00x)")
    print(f"redraw ratio 10 years / 12 weeks: {med['redraw520'] / med['redraw12']:.2f}x")
    print(f"10-year redraw of all charts: {med['redraw520']:.1f} ms (target <= 16 ms)")
    ok = med["redraw520"] <= 16 and med["open520"] <= 2 * med["open12"]
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
