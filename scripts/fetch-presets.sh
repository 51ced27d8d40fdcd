#!/usr/bin/env bash
# Fetches the MilkDrop presets of Debian's projectm-data package and the npm package butterchurn-presets
# (the same kind of presets converted to butterchurn's JSON), plus butterchurn to render those, into a cache
# OUTSIDE the repository.
#
#   scripts/fetch-presets.sh
#
# Cache: ${AIVJ_CACHE:-$HOME/.cache/aivj}
#   debs/                       downloaded .deb files (apt-get download, nothing is installed)
#   presets/projectm-data/      the extracted package (dpkg-deb -x); .milk files under usr/share/projectM/presets
#   presets/butterchurn-presets/ the npm package (npm pack), JSON presets under package/presets/converted
#   presets/butterchurn/        the npm package butterchurn (its renderer, package/lib/butterchurn.min.js)
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

# npm_package SPEC DEST: `npm pack` SPEC (name@version) into DEST/package once; a marker names the version.
npm_package() {
  local spec=$1 dest=$2 tmp
  if [ -f "$dest/.aivj-extracted" ] && [ "$(cat "$dest/.aivj-extracted")" = "$spec" ]; then
    log "$spec: already extracted in $dest"
    return 0
  fi
  command -v npm >/dev/null 2>&1 || die "npm not found (needed for $spec)"
  tmp=$(mktemp -d "$PRESETS/.extract-npm.XXXXXX")
  log "$spec: npm pack into $dest"
  (cd "$tmp" && npm pack --silent "$spec" >/dev/null && tar -xzf ./*.tgz && rm -f ./*.tgz) \
    || { rm -rf "$tmp"; die "npm pack $spec failed"; }
  rm -rf "$dest"
  mv "$tmp" "$dest"
  printf '%s\n' "$spec" > "$dest/.aivj-extracted"
}

# The presets, and butterchurn itself: the preset checker renders butterchurn's presets with it.
npm_package butterchurn-presets@2.4.7 "$PRESETS/butterchurn-presets"
log "butterchurn-presets: $(find "$PRESETS/butterchurn-presets/package/presets/converted" -name '*.json' | wc -l) presets"
npm_package butterchurn@2.6.7 "$PRESETS/butterchurn"

fetch_and_extract "$PKG" "$DEST"
count=$(find "$DEST" -type f -name '*.milk' | wc -l)
[ "$count" -gt 0 ] || die "$PKG: $DEST holds no .milk files"
log "$PKG: $count .milk presets in $DEST"
