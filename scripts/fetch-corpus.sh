#!/usr/bin/env bash
# Fetches the labelled training corpus: freely licensed game/demo soundtracks from Debian
# packages, into a cache OUTSIDE the repository. Nothing is installed from the corpus packages:
# they are downloaded with `apt-get download` and unpacked with `dpkg-deb -x`.
#
#   scripts/fetch-corpus.sh [PACKAGE...]     (default: every package the manifest uses)
#
# Cache: ${AIVJ_CACHE:-$HOME/.cache/aivj}
#   debs/                          downloaded .deb files
#   corpus/<package>/              the extracted package (marker: .aivj-extracted)
#   corpus/derived/<package>/...   audio made for the decoders (FLAC, 44.1 kHz, 16-bit, by sox):
#       <path>.flac                a tracker module (.mod/.xm/.it/.s3m) rendered once through
#                                  with openmpt123 (stereo, no float, no repeat)
#       <song dir>/mix.flac        a Frets on Fire song: song.ogg (backing) mixed with guitar.ogg
#                                  (the lead guitar is a separate stem in those packages)
#       <path>.flac                a Game Boy sound file (.gbs) played by gbsplay (150 s, subsong 1)
#       <path>.chip.flac           SYNTHETIC: a MIDI file played through scripts/chipsynth.py (see the end)
#
# The manifest training-offline/src/main/resources/corpus/music-manifest.csv names every track
# by its path inside the package (provenance) and by its `audio` path relative to corpus/.
#
# Idempotent: finished steps are detected and skipped, so a second run takes seconds.
# `apt-get update` runs only when a download fails. Tools missing for the derived audio
# (openmpt123, sox) are installed with apt-get (needs root or sudo).
set -euo pipefail

CACHE="${AIVJ_CACHE:-$HOME/.cache/aivj}"
DEBS="$CACHE/debs"
CORPUS="$CACHE/corpus"
DERIVED="$CORPUS/derived"
RENDER_RATE=44100
DERIVED_VERSION=1   # bump to force the derived audio to be remade when the recipe changes

# The packages the manifest uses: every scripts/corpus-packages/*.list file, one package per line ('#' comments).
mapfile -t DEFAULT_PACKAGES < <(sed -e 's/#.*//' -e 's/[[:space:]]//g' "$(dirname "${BASH_SOURCE[0]}")"/corpus-packages/*.list \
  | grep -v '^$' | awk '!seen[$0]++')

log() { printf 'fetch-corpus: %s\n' "$*"; }
die() { printf 'fetch-corpus: ERROR: %s\n' "$*" >&2; exit 1; }
source "$(dirname "${BASH_SOURCE[0]}")/lib/debian-packages.sh"

if [ "$#" -gt 0 ]; then PACKAGES=("$@"); else PACKAGES=("${DEFAULT_PACKAGES[@]}"); fi
check_packages "${PACKAGES[@]}"
mkdir -p "$CORPUS" "$DERIVED" || die "cannot create cache directories under $CACHE"
for pkg in "${PACKAGES[@]}"; do
  # Audio derived from an older extraction of the package is stale.
  is_extracted "$pkg" "$CORPUS/$pkg" || rm -rf "${DERIVED:?}/$pkg"
  fetch_and_extract "$pkg" "$CORPUS/$pkg"
done


# ---------------------------------------------------------------- derived audio

TMPD=$(mktemp -d "$CORPUS/.derive.XXXXXX")
trap 'rm -rf "$TMPD"' EXIT

render_module() { # $1 package, $2 path inside the package; writes DERIVED/<pkg>/<path>.flac
  local pkg=$1 rel=$2 src out wav
  src="$CORPUS/$pkg/$rel"
  out="$DERIVED/$pkg/$rel.flac"
  [ -s "$out" ] && return 0
  need_tool openmpt123 openmpt123
  need_tool sox sox
  mkdir -p "$(dirname "$out")"
  wav="$TMPD/render.wav"
  rm -f "$wav"
  # --repeat 0: play the song once; the module's own end (or loop point) ends the render.
  nice openmpt123 --quiet --batch --repeat 0 --samplerate "$RENDER_RATE" --channels 2 --no-float \
    --end-time 1200 --force -o "$wav" "$src" </dev/null >/dev/null 2>&1 || die "openmpt123 failed on $src"
  [ -s "$wav" ] || die "no audio rendered from $src"
  nice sox -q "$wav" -b 16 -r "$RENDER_RATE" "$TMPD/out.flac" || die "sox failed to write FLAC for $src"
  mv -f "$TMPD/out.flac" "$out"
}

mix_fof_song() { # $1 package, $2 song directory inside the package; writes DERIVED/<pkg>/<dir>/mix.flac
  local pkg=$1 rel=$2 dir out
  dir="$CORPUS/$pkg/$rel"
  out="$DERIVED/$pkg/$rel/mix.flac"
  [ -s "$out" ] && return 0
  need_tool sox sox
  mkdir -p "$(dirname "$out")"
  nice sox -q -m "$dir/song.ogg" "$dir/guitar.ogg" -b 16 -r "$RENDER_RATE" "$TMPD/out.flac" \
    || die "sox failed to mix $dir"
  mv -f "$TMPD/out.flac" "$out"
}

for pkg in "${PACKAGES[@]}"; do
  root="$CORPUS/$pkg"
  stamp="$DERIVED/$pkg/.aivj-derived-v$DERIVED_VERSION"
  if [ -f "$stamp" ]; then
    log "$pkg: derived audio already made"
    continue
  fi
  count=0
  while IFS= read -r -d '' f; do
    render_module "$pkg" "${f#"$root"/}"
    count=$((count + 1))
  done < <(find "$root/usr" -type f \( -iname '*.mod' -o -iname '*.xm' -o -iname '*.it' -o -iname '*.s3m' \) \
             -print0 2>/dev/null | sort -z)
  while IFS= read -r -d '' f; do
    d=$(dirname "$f")
    [ -f "$d/guitar.ogg" ] || continue
    mix_fof_song "$pkg" "${d#"$root"/}"
    count=$((count + 1))
  done < <(find "$root/usr" -type f -path '*/fretsonfire/*' -name song.ogg -print0 2>/dev/null | sort -z)
  mkdir -p "$DERIVED/$pkg"
  touch "$stamp"
  [ "$count" -gt 0 ] && log "$pkg: derived audio made from $count source(s) in $DERIVED/$pkg"
done

# ---------------------------------------------------------------- music inside archives (issue 14)
# Some packages ship their music inside a zip archive (0ad-data: mods/public/public.zip). The manifest's `path`
# is then "<archive inside the package>!<member>" and its `audio` is the member extracted here, unchanged, to
# derived/<package>/<archive>.d/<member>. unzip is installed with apt-get when missing. Idempotent (a stamp per
# archive; the folder goes when the package is re-extracted, see above).
ARCHIVED_MUSIC=( # package|archive inside the package|member pattern (unzip syntax)
  "0ad-data|usr/share/games/0ad/mods/public/public.zip|audio/music/*"
)
extract_archived_music() {
  local entry pkg zip pattern dest stamp
  for entry in "${ARCHIVED_MUSIC[@]}"; do
    IFS='|' read -r pkg zip pattern <<<"$entry"
    case " ${PACKAGES[*]} " in *" $pkg "*) ;; *) continue ;; esac
    dest="$DERIVED/$pkg/$zip.d"
    stamp="$dest/.aivj-unzipped"
    [ -f "$stamp" ] && { log "$pkg: music already extracted from $(basename "$zip")"; continue; }
    [ -f "$CORPUS/$pkg/$zip" ] || die "$pkg: no archive $zip in the package"
    need_tool unzip unzip
    rm -rf "$dest" "$dest.tmp"
    mkdir -p "$dest.tmp"
    nice unzip -q -o "$CORPUS/$pkg/$zip" "$pattern" -d "$dest.tmp" || die "$pkg: unzip failed on $zip"
    mv "$dest.tmp" "$dest"
    touch "$stamp"
    log "$pkg: music extracted from $(basename "$zip") into $dest"
  done
}
extract_archived_music
# ---------------------------------------------------------------- Game Boy sound files (real chip audio)
# A .gbs file (e.g. gbsplay's examples/nightmode.gbs, a Game Boy tune by Laxity) is played by gbsplay's emulated
# Game Boy sound chip: subsong 1, 150 s, 5 s fade-out, written as DERIVED/<pkg>/<path>.flac.
render_gbs() { # $1 package, $2 path inside the package
  local pkg=$1 rel=$2 out
  out="$DERIVED/$pkg/$rel.flac"
  [ -s "$out" ] && return 0
  need_tool gbsplay gbsplay
  need_tool sox sox
  mkdir -p "$(dirname "$out")"
  nice gbsplay -q -o stdout -E l -r "$RENDER_RATE" -t 150 -f 5 -g 0 -T 2 "$CORPUS/$pkg/$rel" 1 1 </dev/null \
    > "$TMPD/gbs.raw" 2>/dev/null || die "gbsplay failed on $rel"
  [ -s "$TMPD/gbs.raw" ] || die "no audio rendered from $rel"
  nice sox -q -t raw -r "$RENDER_RATE" -e signed -b 16 -c 2 "$TMPD/gbs.raw" -b 16 "$TMPD/out.flac" \
    || die "sox failed to write FLAC for $rel"
  mv -f "$TMPD/out.flac" "$out"
}
for pkg in "${PACKAGES[@]}"; do
  root="$CORPUS/$pkg"
  while IFS= read -r -d '' f; do
    render_gbs "$pkg" "${f#"$root"/}"
  done < <(find "$root/usr" -type f -iname '*.gbs' -print0 2>/dev/null | sort -z)
done

# ---------------------------------------------------------------- SYNTHETIC chiptune (labelled by construction)
# SYNTHETIC: the MIDI files of the packages below are played through this project's own chip synthesiser,
# scripts/chipsynth.py (pulse 25/50/12.5 %, stepped triangle bass, LFSR noise drums; Python 3 stdlib only), and
# written as DERIVED/<pkg>/<path>.chip.flac (44.1 kHz, 16-bit). The manifest marks these rows grade `synthetic`;
# report results with and without them. Idempotent: existing renders are kept (bump SYNTH_VERSION to remake them).
SYNTH_PACKAGES=(openttd-openmsx simutrans-data)
SYNTH_VERSION=1
for pkg in "${PACKAGES[@]}"; do
  [[ " ${SYNTH_PACKAGES[*]} " == *" $pkg "* ]] || continue
  root="$CORPUS/$pkg"
  stamp="$DERIVED/$pkg/.aivj-chipsynth-v$SYNTH_VERSION"
  if [ -f "$stamp" ]; then
    log "$pkg: SYNTHETIC chip renders already made"
    continue
  fi
  need_tool python3 python3
  need_tool sox sox
  count=0
  while IFS= read -r -d '' f; do
    rel="${f#"$root"/}"
    out="$DERIVED/$pkg/$rel.chip.flac"
    if [ ! -s "$out" ]; then
      mkdir -p "$(dirname "$out")"
      nice python3 "$(dirname "${BASH_SOURCE[0]}")/chipsynth.py" "$f" "$TMPD/chip.wav" >/dev/null \
        || die "chipsynth failed on $f"
      nice sox -q "$TMPD/chip.wav" -b 16 -r "$RENDER_RATE" "$TMPD/out.flac" || die "sox failed on $f"
      mv -f "$TMPD/out.flac" "$out"
    fi
    count=$((count + 1))
  done < <(find "$root/usr" -type f -iname '*.mid' -print0 2>/dev/null | sort -z)
  touch "$stamp"
  log "$pkg: SYNTHETIC chip renders made from $count MIDI file(s) in $DERIVED/$pkg"
done


# ---------------------------------------------------------------- SYNTHETIC ambient (issue 14)
# NOT real music: the corpus is short of real ambient, so the manifest's rows of package `synthetic-ambient`
# (grade `synthetic`, train only) are tracks GENERATED by scripts/ambient-synth.py (Python stdlib + sox): a drone,
# slow overlapping pad chords, soft high tones, optional filtered noise, reverb; no percussion. The seed is in the
# row's path (ambient-synth/seed-<N>.flac); the audio goes to derived/synthetic-ambient/ambient-synth/seed-<N>.flac.
# Rendered only on a full fetch (no package arguments). Idempotent: an existing file is kept.
render_synthetic_ambient() {
  local manifest here seed out count=0
  here="$(dirname "${BASH_SOURCE[0]}")"
  manifest="$here/../training-offline/src/main/resources/corpus/music-manifest.csv"
  need_tool sox sox
  need_tool python3 python3
  while IFS= read -r seed; do
    out="$DERIVED/synthetic-ambient/ambient-synth/seed-$seed.flac"
    [ -f "$out" ] && continue
    mkdir -p "$(dirname "$out")"
    nice python3 "$here/ambient-synth.py" --seed "$seed" "$out" >/dev/null || die "ambient-synth.py failed for seed $seed"
    count=$((count + 1))
  done < <(grep -E '^synthetic-ambient,' "$manifest" | grep -oE 'ambient-synth/seed-[0-9]+\.flac' | grep -oE '[0-9]+' \
    | awk '!seen[$0]++')
  log "synthetic-ambient: $count track(s) generated (others already there) in $DERIVED/synthetic-ambient"
}
if [ "$#" -eq 0 ]; then render_synthetic_ambient; fi

log "done. Corpus cache: $CORPUS"
