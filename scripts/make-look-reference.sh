#!/usr/bin/env bash
# Writes the reference audio the page measures a viewer's own preset on: the same samples the preset checker feeds
# every library preset (clip.wav from 8.0 s, see preset-catalogue/preset-status.json "settings.music"), cut to the
# 100 frames of music its plan renders (20 warm-up + 40 + 40, 735 samples apart, 1,024 samples each: 73,789
# samples; 74,000 kept). FLAC is lossless, so the page decodes the checker's exact samples.
# Usage: scripts/make-look-reference.sh   (needs ./aivj fetch-music's clip.wav and sox; run when the recipe changes)
set -euo pipefail
CACHE="${AIVJ_CACHE:-$HOME/.cache/aivj}"
CLIP="$CACHE/music/derived/clip.wav"
OUT="$(dirname "$0")/../web-frontend/src/main/resources/web/presets/look-reference.flac"
[ -s "$CLIP" ] || { echo "make-look-reference: no $CLIP (run ./aivj fetch-music)" >&2; exit 1; }
sox -q "$CLIP" -b 16 "$OUT" trim 352800s 74000s
soxi "$OUT"
