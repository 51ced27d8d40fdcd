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
MARKER="$DEST/.aivj-extracted"

log() { printf 'fetch-presets: %s\n' "$*"; }
die() { printf 'fetch-presets: ERROR: %s\n' "$*" >&2; exit 1; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"
  elif command -v sudo >/dev/null 2>&1; then sudo "$@"
  else die "need root to run: $*"
  fi
}

command -v apt-get >/dev/null 2>&1 || die "apt-get not found (a Debian/Ubuntu system is required)"
command -v dpkg-deb >/dev/null 2>&1 || die "dpkg-deb not found"
mkdir -p "$DEBS" "$PRESETS" || die "cannot create cache directories under $CACHE"

find_deb() { # prints the newest cached .deb of the package, if any
  local f
  f=$(ls -1 "$DEBS/${PKG}"_*.deb 2>/dev/null | sort -V | tail -n 1 || true)
  [ -n "$f" ] && printf '%s\n' "$f"
  return 0
}

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

# Fast path: already extracted from the newest cached .deb.
deb=$(find_deb)
if [ -n "$deb" ] && [ -f "$MARKER" ] && [ "$(cat "$MARKER")" = "$(basename "$deb")" ]; then
  log "$PKG: already extracted in $DEST"
  exit 0
fi

if [ -z "$deb" ]; then
  log "$PKG: downloading with apt-get download into $DEBS"
  # apt-get update only when the download fails (package lists missing or stale).
  if ! out=$(cd "$DEBS" && apt-get download "$PKG" 2>&1); then
    log "apt-get download $PKG failed ($(printf '%s' "$out" | tail -n 1)); running apt-get update"
    as_root apt-get update -qq || die "apt-get update failed"
    out=$(cd "$DEBS" && apt-get download "$PKG" 2>&1) \
      || die "apt-get download $PKG failed: $(printf '%s' "$out" | tail -n 1)"
  fi
  deb=$(find_deb)
  [ -n "$deb" ] || die "$PKG: apt-get download reported success but no .deb is in $DEBS"
  log "$PKG: downloaded $(basename "$deb")"
else
  log "$PKG: already downloaded ($(basename "$deb"))"
fi

log "$PKG: extracting $(basename "$deb") into $DEST"
tmp=$(mktemp -d "$PRESETS/.extract-$PKG.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
dpkg-deb -x "$deb" "$tmp" || die "$PKG: dpkg-deb -x failed for $deb"
count=$(find "$tmp" -type f -name '*.milk' | wc -l)
[ "$count" -gt 0 ] || die "$PKG: $(basename "$deb") holds no .milk files"
rm -rf "$DEST"
mv "$tmp" "$DEST"
trap - EXIT
printf '%s\n' "$(basename "$deb")" > "$MARKER"
log "$PKG: extracted $count .milk presets into $DEST"
