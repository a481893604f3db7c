#!/usr/bin/env bash
# Installs the system libraries Qt needs (Debian/Ubuntu), only those that are missing.
set -euo pipefail
packages=(libegl1 libgl1 libglib2.0-0 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libfreetype6
          libdbus-1-3 fonts-dejavu-core libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0
          libxcb-xinerama0 libxcb-randr0 libxcb-render-util0 libxcb-image0)
command -v dpkg-query >/dev/null 2>&1 || { echo "Not Debian/Ubuntu: install Qt's libraries yourself." >&2; exit 0; }
missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed"; then
    # libglib2.0-0 is libglib2.0-0t64 on newer releases
    apt-cache show "$p" >/dev/null 2>&1 && missing+=("$p") || missing+=("${p}t64")
  fi
done
[ ${#missing[@]} -eq 0 ] && exit 0
sudo=""
[ "$(id -u)" -ne 0 ] && sudo="sudo"
echo "Installing system libraries for Qt: ${missing[*]}"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
