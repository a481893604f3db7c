#!/usr/bin/env bash
# Build the .deb (scripts/build-package.sh) and try it as installed, without installing it:
# unpack it into a temporary root (dpkg-deb -x), then run its `rehab-coach --help`, `check`,
# `routine --json`, a clinic PDF (the charts: Qt, pyqtgraph, numpy), the same in Spanish
# (our catalogue, Babel's data, Qt's catalogue are in) and the app to its first
# painted window (offscreen), with no network when `unshare -n` is allowed; check the launcher
# entry, the icons and that no networking library is in the bundle; report the sizes.
#
#   bash scripts/test-package.sh [PACKAGE.deb]     (default: build one into a temporary folder)
#
# MAX_INSTALLED_MB (default 150) is the size the installed package must stay under.
set -euo pipefail
cd "$(dirname "$0")/.."
say() { printf 'test-package: %s\n' "$*"; }
fail() { printf 'test-package: FAILED: %s\n' "$*" >&2; exit 1; }
max_mb=${MAX_INSTALLED_MB:-150}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

if [ $# -ge 1 ]; then
  deb=$1
else
  bash scripts/build-package.sh "$tmp/out" | tee "$tmp/build.log"
  deb=$(tail -n 1 "$tmp/build.log")
fi
[ -f "$deb" ] || fail "no package at $deb"

root=$tmp/root
dpkg-deb -x "$deb" "$root"
app=$root/opt/rehab-coach/rehab-coach
data=$tmp/data
export COACH_DATA_DIR=$data QT_QPA_PLATFORM=offscreen HOME=$tmp/home XDG_RUNTIME_DIR=$tmp/run
mkdir -p "$HOME" "$XDG_RUNTIME_DIR"
chmod 0700 "$XDG_RUNTIME_DIR"

# Offline: in a network namespace of its own (nothing but loopback, and that down) when allowed.
offline=()
if unshare -n true 2>/dev/null; then
  offline=(unshare -n)
  say "running the package with no network (unshare -n)"
else
  say "unshare -n is not allowed here: running without it"
fi
run() { "${offline[@]}" "$app" "$@"; }

say "rehab-coach --help (through a link, as /usr/bin/rehab-coach is)"
mkdir -p "$tmp/bin"
ln -s "$app" "$tmp/bin/rehab-coach"
"${offline[@]}" "$tmp/bin/rehab-coach" --help >"$tmp/help.txt"
grep -q "routine" "$tmp/help.txt" || fail "--help does not list the commands"
say "rehab-coach check (a new data folder)"
run check | tee "$tmp/check.txt"
grep -q "healthy" "$tmp/check.txt" || fail "check did not say healthy"
say "rehab-coach routine --json"
run routine --surgery fusion --surgery-date 2025-03-03 --date 2025-03-20 --json >"$tmp/routine.json"
python3 - "$tmp/routine.json" <<'PY' || fail "routine --json is not the documented object"
import json, sys
data = json.load(open(sys.argv[1], encoding="utf-8"))
assert data["version"] == 1 and data["week"] == 3 and data["phase"]["number"] == 1, data
assert data["routines"] and data["routines"][0]["exercises"], data
PY
say "a clinic PDF with charts (Qt, pyqtgraph, numpy)"
run seed-demo --weeks 4 >/dev/null
run export pdf --out "$tmp/report.pdf"
[ "$(head -c 5 "$tmp/report.pdf")" = "%PDF-" ] || fail "export pdf wrote no PDF"
say "Spanish: our catalogue, Babel's Spanish dates and a Spanish clinic PDF (--lang es)"
"${offline[@]}" "$app" --lang es --help >"$tmp/help-es.txt"
grep -q "usar este idioma" "$tmp/help-es.txt" || fail "--lang es --help is not in Spanish"
run --lang es export pdf --out "$tmp/report-es.pdf"
[ "$(head -c 5 "$tmp/report-es.pdf")" = "%PDF-" ] || fail "export pdf --lang es wrote no PDF"
internal=$root/opt/rehab-coach/_internal
[ -f "$internal/PySide6/Qt/translations/qtbase_es.qm" ] || fail "Qt's Spanish catalogue is missing"
extra=$(find "$internal" -name '*.qm' ! -name 'qtbase_es.qm' -print)
[ -z "$extra" ] || fail "Qt catalogues of languages we do not ship: $extra"
cldr=$(cd "$internal/babel/locale-data" && ls | sort | tr '\n' ' ')
[ "$cldr" = "en.dat en_001.dat en_GB.dat es.dat root.dat " ] || fail "Babel locale data: $cldr"
say "the app to its first paint (offscreen)"
COACH_EXIT_AFTER_FIRST_PAINT=1 timeout 60 "${offline[@]}" "$app" --demo >"$tmp/paint.txt" \
  || fail "the app did not start"
grep -q "^first-paint " "$tmp/paint.txt" || fail "the window was never painted"
cat "$tmp/paint.txt"

say "the launcher entry, its command and its icon"
id=io.github.rehabcoach.RehabCoach
entry=$root/usr/share/applications/$id.desktop
[ -f "$entry" ] || fail "no launcher entry"
grep -qx "Exec=rehab-coach" "$entry" || fail "the entry does not start rehab-coach"
[ "$(readlink "$root/usr/bin/rehab-coach")" = /opt/rehab-coach/rehab-coach ] \
  || fail "/usr/bin/rehab-coach does not point at the bundle"
icon=$(sed -n 's/^Icon=//p' "$entry")
for size in 16x16 32x32 48x48 64x64 128x128 256x256 512x512; do
  [ -f "$root/usr/share/icons/hicolor/$size/apps/$icon.png" ] || fail "no $size icon"
done
[ -f "$root/usr/share/icons/hicolor/scalable/apps/$icon.svg" ] || fail "no scalable icon"
[ -f "$root/usr/share/metainfo/$id.metainfo.xml" ] || fail "no metainfo"

say "no networking in the bundle"
bad=$(find "$root/opt" \( -name 'libQt6Network*' -o -name 'QtNetwork*' -o -name '_ssl.*' \
  -o -name 'libssl*' -o -name 'QtWebEngine*' \) -print)
[ -z "$bad" ] || fail "networking libraries in the bundle: $bad"

installed_kb=$(du -sk --apparent-size "$root" | cut -f1)
deb_kb=$(( $(stat -c %s "$deb") / 1024 ))
say "sizes: installed $(( installed_kb / 1024 )) MB (limit $max_mb MB), package file $(( deb_kb / 1024 )) MB"
[ "$installed_kb" -le $(( max_mb * 1024 )) ] || fail "installed size is over $max_mb MB"
say "all passed"
