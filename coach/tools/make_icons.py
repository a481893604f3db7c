"""Draw the app icon from assets/icons/app.svg at every size the desktops ask for.

Run ``python -m coach.tools.make_icons`` after changing the SVG; the results are committed and
shipped in the wheel and the packages:

- ``assets/icons/hicolor/<N>x<N>/apps/<id>.png`` for Linux launchers (hicolor theme sizes);
- ``assets/icons/app.ico`` (Windows: the .exe and the window) and ``app.icns`` (macOS).

Qt draws the PNGs (QtSvg is in PySide6-Essentials); Pillow writes the .ico and .icns, so it is
needed only here and in the package build (the ``package`` extra), not by the app.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from coach.system.desktop_entry import DESKTOP_ID, HICOLOR_SIZES, icon_svg

ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
ICNS_SIZE = 1024  # Pillow makes the smaller icns sizes from the largest


def render_png(svg: Path, size: int, out: Path) -> None:
    """Draw ``svg`` into a transparent ``size`` x ``size`` PNG."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication([sys.argv[0], "-platform", "offscreen"])
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise ValueError(f"{svg} is not an SVG picture Qt can draw.")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    out.parent.mkdir(parents=True, exist_ok=True)
    if not image.save(str(out)):
        raise OSError(f"could not write {out}")


def make_icons(svg: Path, icons: Path) -> list[Path]:
    """Every PNG, then the .ico and .icns; returns the files written. Each size is drawn from
    the SVG, not scaled down from one big bitmap, so the small ones stay sharp."""
    from PIL import Image

    written = []
    with tempfile.TemporaryDirectory() as tmp:
        drawn: dict[int, Path] = {}
        for size in sorted({*HICOLOR_SIZES, *ICO_SIZES, ICNS_SIZE}):
            if size in HICOLOR_SIZES:
                out = icons / "hicolor" / f"{size}x{size}" / "apps" / f"{DESKTOP_ID}.png"
                written.append(out)
            else:
                out = Path(tmp) / f"{size}.png"
            render_png(svg, size, out)
            drawn[size] = out
        frames = [Image.open(drawn[size]).convert("RGBA") for size in ICO_SIZES]
        ico = icons / "app.ico"
        frames[-1].save(
            ico, format="ICO", sizes=[(s, s) for s in ICO_SIZES], append_images=frames[:-1]
        )
        icns = icons / "app.icns"
        Image.open(drawn[ICNS_SIZE]).convert("RGBA").save(icns, format="ICNS")
    return [*written, ico, icns]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m coach.tools.make_icons", description=__doc__)
    parser.add_argument("--svg", type=Path, default=icon_svg(), help="the icon to draw")
    parser.add_argument(
        "--out", type=Path, default=icon_svg().parent, help="folder (default assets/icons)"
    )
    args = parser.parse_args(argv)
    try:
        written = make_icons(args.svg, args.out)
    except ImportError:
        print("make_icons needs Pillow: pip install '.[package]'", file=sys.stderr)
        return 1
    except (OSError, ValueError) as error:
        print(error, file=sys.stderr)
        return 1
    for path in written:
        print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
