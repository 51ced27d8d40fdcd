#!/usr/bin/env bash
# Fetches freely licensed music from Debian packages into a cache OUTSIDE the
# repository and derives format variants (WAV/FLAC/MP3/OGG clips) for decoder tests.
#
#   scripts/fetch-music.sh [PACKAGE...]      (default: the packages listed below)
#
# Cache: ${AIVJ_CACHE:-$HOME/.cache/aivj}
#   debs/                 downloaded .deb files (apt-get download, nothing is installed)
#   music/<package>/      the extracted package (dpkg-deb -x)
#   music/derived/        30-second clips of one song in several formats + README.txt
#
# Idempotent: finished steps are detected and skipped, so a second run is instant.
set -euo pipefail

CACHE="${AIVJ_CACHE:-$HOME/.cache/aivj}"
DEBS="$CACHE/debs"
MUSIC="$CACHE/music"
DERIVED="$MUSIC/derived"

DEFAULT_PACKAGES=(fretsonfire-songs-sectoid)
# Never fetch these: they are kept for an independent evaluation; refused even when named explicitly.
REFUSED_PACKAGES=(wesnoth-1.16-music nexuiz-music fretsonfire-songs-muldjord tecnoballz-data)

# Source of the derived clips (MIT licence, from fretsonfire-songs-sectoid).
CLIP_PACKAGE=fretsonfire-songs-sectoid
CLIP_SONG_REL="usr/share/games/fretsonfire/data/songs/sectoid/Metal madness/song.ogg"
CLIP_START=30      # seconds into the song (skips the intro)
CLIP_LENGTH=30     # seconds
DERIVED_VERSION=1  # bump to force regeneration when the recipe changes

log() { printf 'fetch-music: %s\n' "$*"; }
die() { printf 'fetch-music: ERROR: %s\n' "$*" >&2; exit 1; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"
  elif command -v sudo >/dev/null 2>&1; then sudo "$@"
  else die "need root to run: $*"
  fi
}

if [ "$#" -gt 0 ]; then PACKAGES=("$@"); else PACKAGES=("${DEFAULT_PACKAGES[@]}"); fi
for pkg in "${PACKAGES[@]}"; do
  for bad in "${REFUSED_PACKAGES[@]}"; do
    [ "$pkg" = "$bad" ] && die "refusing package '$pkg': it is on the do-not-use list (${REFUSED_PACKAGES[*]})"
  done
  [[ "$pkg" =~ ^[a-z0-9][a-z0-9.+-]+$ ]] || die "invalid package name '$pkg'"
done

command -v apt-get >/dev/null 2>&1 || die "apt-get not found (a Debian/Ubuntu system is required)"
command -v dpkg-deb >/dev/null 2>&1 || die "dpkg-deb not found"
mkdir -p "$DEBS" "$MUSIC" || die "cannot create cache directories under $CACHE"

# ---------------------------------------------------------------- download + extract
find_deb() { # prints the newest cached .deb of package $1, if any
  local f
  f=$(ls -1 "$DEBS/$1"_*.deb 2>/dev/null | sort -V | tail -n 1 || true)
  [ -n "$f" ] && printf '%s\n' "$f"
  return 0
}

download_deb() {
  local pkg=$1 out
  if out=$(cd "$DEBS" && apt-get download "$pkg" 2>&1); then return 0; fi
  if printf '%s' "$out" | grep -qiE 'unable to locate|no candidate|has no installation candidate|404|not found'; then
    log "apt-get download $pkg failed (package lists missing or stale); running apt-get update"
    as_root apt-get update -qq || die "apt-get update failed"
    out=$(cd "$DEBS" && apt-get download "$pkg" 2>&1) || die "apt-get download $pkg failed: $(printf '%s' "$out" | tail -n 1)"
    return 0
  fi
  die "apt-get download $pkg failed: $(printf '%s' "$out" | tail -n 1)"
}

for pkg in "${PACKAGES[@]}"; do
  deb=$(find_deb "$pkg")
  if [ -n "$deb" ]; then
    log "$pkg: already downloaded ($(basename "$deb"))"
  else
    log "$pkg: downloading with apt-get download into $DEBS"
    download_deb "$pkg"
    deb=$(find_deb "$pkg")
    [ -n "$deb" ] || die "$pkg: apt-get download reported success but no .deb is in $DEBS"
    log "$pkg: downloaded $(basename "$deb")"
  fi

  dest="$MUSIC/$pkg"
  marker="$dest/.aivj-extracted"
  if [ -f "$marker" ] && [ "$(cat "$marker")" = "$(basename "$deb")" ]; then
    log "$pkg: already extracted in $dest"
  elif [ -d "$dest" ] && [ ! -f "$marker" ] && [ -n "$(ls -A "$dest" 2>/dev/null)" ] \
       && dpkg-deb -c "$deb" >/dev/null 2>&1 && [ -e "$dest/usr" ]; then
    # Extracted by an older run that did not write a marker: adopt it.
    printf '%s\n' "$(basename "$deb")" > "$marker"
    log "$pkg: already extracted in $dest (marker added)"
  else
    log "$pkg: extracting $(basename "$deb") into $dest"
    tmp=$(mktemp -d "$MUSIC/.extract-$pkg.XXXXXX")
    dpkg-deb -x "$deb" "$tmp" || { rm -rf "$tmp"; die "$pkg: dpkg-deb -x failed for $deb"; }
    rm -rf "$dest"
    mv "$tmp" "$dest"
    printf '%s\n' "$(basename "$deb")" > "$marker"
    log "$pkg: extracted"
  fi
done

# ---------------------------------------------------------------- derived clips
src="$MUSIC/$CLIP_PACKAGE/$CLIP_SONG_REL"
if [ ! -f "$src" ]; then
  log "derived clips: skipped ($CLIP_PACKAGE not fetched in this run)"
  exit 0
fi

stamp="$DERIVED/.aivj-derived-v$DERIVED_VERSION"
if [ -f "$stamp" ] && [ -s "$DERIVED/clip.wav" ] && [ -s "$DERIVED/clip.flac" ] \
   && [ -s "$DERIVED/clip.mp3" ] && [ -s "$DERIVED/clip.ogg" ]; then
  log "derived clips: already made in $DERIVED"
  exit 0
fi

sox_has() { sox --help 2>/dev/null | grep -i 'AUDIO FILE FORMATS' | grep -qw "$1"; }
if ! command -v sox >/dev/null 2>&1 || ! sox_has mp3 || ! sox_has flac || ! sox_has vorbis; then
  log "installing sox, libsox-fmt-base and libsox-fmt-mp3 with apt-get"
  if ! as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq sox libsox-fmt-base libsox-fmt-mp3 >/dev/null; then
    log "apt-get install failed; running apt-get update and retrying"
    as_root apt-get update -qq || die "apt-get update failed"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq sox libsox-fmt-base libsox-fmt-mp3 >/dev/null \
      || die "could not install sox libsox-fmt-base libsox-fmt-mp3"
  fi
  command -v sox >/dev/null 2>&1 || die "sox still missing after apt-get install"
  sox_has mp3 || die "sox cannot write mp3 (libsox-fmt-mp3 missing?)"
fi

log "derived clips: making ${CLIP_LENGTH}s clips of '$CLIP_SONG_REL' in $DERIVED"
mkdir -p "$DERIVED"
rm -f "$stamp"
tmpd=$(mktemp -d "$MUSIC/.derived.XXXXXX")
trap 'rm -rf "$tmpd"' EXIT
sox -q "$src" -b 16 -e signed-integer "$tmpd/clip.wav" trim "$CLIP_START" "$CLIP_LENGTH" \
  || die "sox failed to write clip.wav"
sox -q "$tmpd/clip.wav" -C 5 "$tmpd/clip.flac" || die "sox failed to write clip.flac"
sox -q "$tmpd/clip.wav" -C 192 "$tmpd/clip.mp3" || die "sox failed to write clip.mp3"
sox -q "$tmpd/clip.wav" -C 6 "$tmpd/clip.ogg" || die "sox failed to write clip.ogg"
for f in clip.wav clip.flac clip.mp3 clip.ogg; do
  [ -s "$tmpd/$f" ] || die "sox produced an empty $f"
  mv -f "$tmpd/$f" "$DERIVED/$f"
done

cat > "$DERIVED/README.txt" <<EOF
Derived test clips for AIVJ decoder tests (generated by scripts/fetch-music.sh).

All four files are the same ${CLIP_LENGTH}-second excerpt (from ${CLIP_START}s to $((CLIP_START + CLIP_LENGTH))s) of
  "Metal madness" by Sectoid, file: $CLIP_SONG_REL
  from the Debian package $CLIP_PACKAGE ($(basename "$(find_deb "$CLIP_PACKAGE")")), MIT licence.

  clip.wav   16-bit signed PCM WAV (decoded from the original Ogg Vorbis with sox)
  clip.flac  FLAC (lossless copy of clip.wav)
  clip.mp3   MP3 192 kbit/s (LAME via sox, from clip.wav)
  clip.ogg   Ogg Vorbis quality 6 (from clip.wav)

sox: $(sox --version 2>&1 | head -n 1)
EOF
touch "$stamp"
log "derived clips: wrote clip.wav clip.flac clip.mp3 clip.ogg and README.txt"
log "done. Music cache: $MUSIC"
