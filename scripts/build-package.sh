#!/usr/bin/env bash
# Build the Linux package: Rehab Coach, Python and Qt in one folder (PyInstaller), wrapped as a
# .deb that installs under /opt/rehab-coach with a `rehab-coach` command, the launcher entry,
# the icons and the AppStream metainfo.
#
#   bash scripts/build-package.sh [OUT_DIR]        (default: dist/)
#   bash scripts/build-package.sh --install-tools  (only install the packaging tools)
#
# From a clean clone this one command is enough on Debian or Ubuntu: it installs the tools it
# lacks with apt-get (as root, or with sudo), builds in a private environment
# (build/package/venv, made once) and checks the result with desktop-file-validate,
# appstreamcli and lintian. PYTHON=/path/to/python uses an environment that already has
# `pip install '.[package]'` instead; BUILD_DIR (default build/package) holds the work files.
# Prints the package's path last.
#
# Why PyInstaller: it works offline from the installed wheels (no compiler, nothing fetched
# while it builds), knows PySide6's plugins, and one spec (packaging/rehab-coach.spec) builds on
# Linux, Windows and macOS. The bundle has no Qt networking and makes no network use.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
work=${BUILD_DIR:-$root/build/package}
say() { printf 'build-package: %s\n' "$*"; }

# --- tools --------------------------------------------------------------------------------
missing=()
for tool in dpkg-deb:dpkg dpkg-shlibdeps:dpkg-dev strip:binutils patchelf:patchelf lintian:lintian \
            desktop-file-validate:desktop-file-utils appstreamcli:appstream; do
  command -v "${tool%%:*}" >/dev/null 2>&1 || missing+=("${tool#*:}")
done
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  say "installing the packaging tools: ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
bash scripts/system-deps.sh  # Qt's own libraries: the build looks at what they need
[ "${1:-}" = "--install-tools" ] && exit 0
out=${1:-dist}
mkdir -p "$out" "$work"
out=$(cd "$out" && pwd)
work=$(cd "$work" && pwd)

# --- the bundle -----------------------------------------------------------------------------
python=${PYTHON:-}
if [ -z "$python" ]; then
  python=$work/venv/bin/python
  if [ ! -x "$python" ]; then
    say "making the build environment (once): $work/venv"
    python3 -m venv "$work/venv"
  fi
  say "installing the app's libraries and PyInstaller into the build environment..."
  "$python" -m pip install -q --upgrade pip
  "$python" -m pip install -q ".[package]"
fi
version=$("$python" -c 'import coach; print(coach.__version__)')
arch=$(dpkg --print-architecture)
say "building the bundle (PyInstaller) for rehab-coach $version ($arch)..."
rm -rf "$work/dist" "$work/root" "$work/shlibs"
PYINSTALLER_CONFIG_DIR=${PYINSTALLER_CONFIG_DIR:-$work/pyinstaller-cache} \
"$python" -m PyInstaller --noconfirm --log-level WARN --distpath "$work/dist" \
  --workpath "$work/pyinstaller" packaging/rehab-coach.spec
bundle=$work/dist/rehab-coach
# Strip what came unstripped: Python's own libraries, ICU, numpy's modules. Not numpy.libs:
# auditwheel patched those, and strip breaks them ("ELF load command ... not page-aligned").
internal=$bundle/_internal
find "$internal" -maxdepth 1 -name 'libpython*' -type f -exec strip --strip-unneeded {} +
find "$internal"/python3* "$internal/numpy" -name '*.so' -type f -exec strip --strip-unneeded {} +
find "$internal/PySide6/Qt/lib" -name 'libicu*' -type f -exec strip --strip-unneeded {} +
# Python built elsewhere (pyenv, a CI's toolcache) leaves its own lib folder as RUNPATH in its
# modules: a folder of the build machine. The bundle's loader finds its libraries without it.
find "$internal" -name '*.so*' -type f -print0 | while IFS= read -r -d '' lib; do
  runpath=$(patchelf --print-rpath "$lib" 2>/dev/null || true)
  if [ -n "$runpath" ] && [[ "$runpath" != *'$ORIGIN'* ]]; then
    patchelf --remove-rpath "$lib"
  fi
done

# --- the package tree -----------------------------------------------------------------------
say "laying out the package..."
id=io.github.rehabcoach.RehabCoach
pkg=$work/root
share=$pkg/usr/share
mkdir -p "$pkg/opt" "$pkg/usr/bin" "$share/applications" "$share/metainfo" \
  "$share/doc/rehab-coach" "$share/man/man1" "$share/lintian/overrides"
cp -a "$bundle" "$pkg/opt/rehab-coach"
ln -s /opt/rehab-coach/rehab-coach "$pkg/usr/bin/rehab-coach"
cp "assets/desktop/$id.desktop" "$share/applications/"
cp "assets/desktop/$id.metainfo.xml" "$share/metainfo/"
for png in assets/icons/hicolor/*/apps/"$id".png; do
  size=$(basename "$(dirname "$(dirname "$png")")")
  mkdir -p "$share/icons/hicolor/$size/apps"
  cp "$png" "$share/icons/hicolor/$size/apps/"
done
mkdir -p "$share/icons/hicolor/scalable/apps"
cp assets/icons/app.svg "$share/icons/hicolor/scalable/apps/$id.svg"
cp packaging/debian/copyright "$share/doc/rehab-coach/copyright"
gzip -9n <packaging/debian/changelog >"$share/doc/rehab-coach/changelog.gz"
gzip -9n <packaging/debian/rehab-coach.1 >"$share/man/man1/rehab-coach.1.gz"
cp packaging/debian/lintian-overrides "$share/lintian/overrides/rehab-coach"
# Files 0644 (shared libraries need no execute bit), folders and the program 0755.
find "$pkg" -type d -exec chmod 0755 {} +
find "$pkg" -type f -exec chmod 0644 {} +
chmod 0755 "$pkg/opt/rehab-coach/rehab-coach"

# --- what it needs from the system ------------------------------------------------------------
# dpkg-shlibdeps reads every ELF file in the bundle and names the Debian packages (with their
# lowest versions) of the libraries the bundle does not carry itself.
say "working out the system libraries it needs (dpkg-shlibdeps)..."
mkdir -p "$work/shlibs/debian"
printf 'Source: rehab-coach\n\nPackage: rehab-coach\nArchitecture: any\n' \
  >"$work/shlibs/debian/control"
mapfile -t elves < <(find "$pkg/opt" -type f \( -name '*.so*' -o -name rehab-coach \) \
  -exec sh -c 'head -c4 "$1" | grep -q ELF && echo "$1"' _ {} \;)
private=$(find "$pkg/opt/rehab-coach/_internal" -type f -name '*.so*' -printf '%h\n' | sort -u \
  | sed 's/^/-l/')
# shellcheck disable=SC2086
shlibs=$(cd "$work/shlibs" && dpkg-shlibdeps -O --ignore-missing-info $private "${elves[@]}" \
  2>"$work/shlibdeps.log" | sed -n 's/^shlibs:Depends=//p')
[ -n "$shlibs" ] || { cat "$work/shlibdeps.log" >&2; say "dpkg-shlibdeps found nothing"; exit 1; }
# Qt draws text with the system's fonts: without one, every label is blank.
depends="$shlibs, fonts-dejavu-core | fonts-freefont-ttf"

size=$(du -sk --apparent-size "$pkg" | cut -f1)
mkdir -p "$pkg/DEBIAN"
sed -e "s/@VERSION@/$version/" -e "s/@ARCH@/$arch/" -e "s/@SIZE@/$size/" \
    -e "s/@DEPENDS@/$depends/" packaging/debian/control.in >"$pkg/DEBIAN/control"
(cd "$pkg" && find . -path ./DEBIAN -prune -o -type f -printf '%P\0' | sort -z \
  | xargs -0 md5sum >DEBIAN/md5sums)
chmod 0644 "$pkg/DEBIAN/control" "$pkg/DEBIAN/md5sums"

deb=$out/rehab-coach_${version}_${arch}.deb
say "packing $deb (dpkg-deb)..."
dpkg-deb --root-owner-group -Zxz -z6 --build "$pkg" "$deb" >/dev/null

# --- checks -----------------------------------------------------------------------------------
say "checking the launcher entry, the metainfo and the package..."
desktop-file-validate "$share/applications/$id.desktop"
appstreamcli validate --no-net --explain "$share/metainfo/$id.metainfo.xml" >"$work/appstream.log" \
  || { cat "$work/appstream.log" >&2; exit 1; }
# lintian fails on errors; the warnings left are each explained in
# packaging/debian/lintian-overrides (overridden) or README "Install" (shown here).
lintian --fail-on error --suppress-tags-from-file /dev/null "$deb" | tee "$work/lintian.log" >&2
installed_mb=$(( size / 1024 ))
deb_mb=$(( $(stat -c %s "$deb") / 1024 / 1024 ))
say "installed size ${installed_mb} MB, package file ${deb_mb} MB"
say "Depends: $depends"
echo "$deb"
