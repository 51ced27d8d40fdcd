#!/usr/bin/env bash
# Fetches the tracker-module packages that the tempo evaluation's reference list uses and renders each module
# once to audio, into the music cache next to the test music:
#
#   $AIVJ_CACHE/music/<package>/                  the extracted package (dpkg-deb -x)
#   $AIVJ_CACHE/music/derived/modules/<package>/<path>.flac
#                                                 the module rendered once with openmpt123 (mono, 22,050 Hz)
#
# The Frets on Fire charts come from scripts/fetch-music.sh. Idempotent: a second run takes a second.
set -euo pipefail

CACHE="${AIVJ_CACHE:-$HOME/.cache/aivj}"
DEBS="$CACHE/debs"
MUSIC="$CACHE/music"
RENDERED="$MUSIC/derived/modules"
PACKAGES=(bomberclone-data pingus-data biniax2-data)  # 7 + 12 + 2 MB of .debs

log() { printf 'fetch-tempo-refs: %s\n' "$*"; }
die() { printf 'fetch-tempo-refs: ERROR: %s\n' "$*" >&2; exit 1; }
source "$(dirname "${BASH_SOURCE[0]}")/lib/debian-packages.sh"

check_packages "${PACKAGES[@]}"
for pkg in "${PACKAGES[@]}"; do fetch_and_extract "$pkg" "$MUSIC/$pkg"; done

if ! command -v openmpt123 >/dev/null 2>&1; then
  log "installing openmpt123 with apt-get"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq openmpt123 >/dev/null \
    || { as_root apt-get update -qq && as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq openmpt123 >/dev/null; } \
    || die "could not install openmpt123"
fi

for pkg in "${PACKAGES[@]}"; do
  root="$MUSIC/$pkg"
  while IFS= read -r -d '' f; do
    rel="${f#"$root"/}"
    out="$RENDERED/$pkg/$rel.flac"
    [ -s "$out" ] && continue
    mkdir -p "$(dirname "$out")"
    # --repeat 0: the song once; its own end (or loop point) ends the render.
    openmpt123 --quiet --batch --repeat 0 --samplerate 22050 --channels 1 --no-float --end-time 900 --force \
      -o "$out.tmp.flac" "$f" </dev/null >/dev/null 2>&1 || die "openmpt123 failed on $f"
    mv -f "$out.tmp.flac" "$out"
    log "rendered $pkg/$rel"
  done < <(find "$root/usr" -type f \( -iname '*.mod' -o -iname '*.xm' -o -iname '*.it' -o -iname '*.s3m' \) -print0 | sort -z)
done
log "done. Modules and renders under $MUSIC"
