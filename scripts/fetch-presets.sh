#!/usr/bin/env bash
# Fetches the MilkDrop presets of Debian's projectm-data package and the npm package butterchurn-presets
# (the same kind of presets converted to butterchurn's JSON) into a cache OUTSIDE the repository.
#
#   scripts/fetch-presets.sh
#
# Cache: ${AIVJ_CACHE:-$HOME/.cache/aivj}
#   debs/                       downloaded .deb files (apt-get download, nothing is installed)
#   presets/projectm-data/      the extracted package (dpkg-deb -x); .milk files under usr/share/projectM/presets
#   presets/butterchurn-presets/ the npm package (npm pack), JSON presets under package/presets/converted
#
# Idempotent: a finished extraction is detected by a marker file, so a second run is instant.
set -euo pipefail

CACHE="${AIVJ_CACHE:-$HOME/.cache/aivj}"
DEBS="$CACHE/debs"
PRESETS="$CACHE/presets"
PKG=projectm-data
DEST="$PRESETS/$PKG"

log() { printf 'fetch-presets: %s\n' "$*"; }
die() { printf 'fetch-presets: ERROR: %s\n' "$*" >&2; exit 1; }

source "$(dirname "${BASH_SOURCE[0]}")/lib/debian-packages.sh"
check_packages "$PKG"
mkdir -p "$PRESETS" || die "cannot create $PRESETS"

BUTTERCHURN_PRESETS=butterchurn-presets@2.4.7
BC_DEST="$PRESETS/butterchurn-presets"

fetch_butterchurn_presets() {
  if [ -f "$BC_DEST/.aivj-extracted" ] && [ "$(cat "$BC_DEST/.aivj-extracted")" = "$BUTTERCHURN_PRESETS" ]; then
    log "$BUTTERCHURN_PRESETS: already extracted in $BC_DEST"
    return 0
  fi
  command -v npm >/dev/null 2>&1 || die "npm not found (needed for $BUTTERCHURN_PRESETS)"
  local tmp
  tmp=$(mktemp -d "$PRESETS/.extract-bc.XXXXXX")
  log "$BUTTERCHURN_PRESETS: npm pack into $BC_DEST"
  (cd "$tmp" && npm pack --silent "$BUTTERCHURN_PRESETS" >/dev/null && tar -xzf ./*.tgz && rm -f ./*.tgz) \
    || { rm -rf "$tmp"; die "npm pack $BUTTERCHURN_PRESETS failed"; }
  rm -rf "$BC_DEST"
  mv "$tmp" "$BC_DEST"
  printf '%s\n' "$BUTTERCHURN_PRESETS" > "$BC_DEST/.aivj-extracted"
  log "$BUTTERCHURN_PRESETS: $(find "$BC_DEST/package/presets/converted" -name '*.json' | wc -l) presets"
}
fetch_butterchurn_presets

fetch_and_extract "$PKG" "$DEST"
count=$(find "$DEST" -type f -name '*.milk' | wc -l)
[ "$count" -gt 0 ] || die "$PKG: $DEST holds no .milk files"
log "$PKG: $count .milk presets in $DEST"
