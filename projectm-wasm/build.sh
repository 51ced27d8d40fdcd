#!/usr/bin/env bash
# Builds projectM 3.1.12 (LGPL-2.1, Debian source package) to WebAssembly/WebGL2 with
# Debian's Emscripten, plus the thin AIVJ host (host/layer_host.cpp), producing
#   projectm-layer.js + projectm-layer.wasm   (ES module factory: createProjectMModule)
# in ${AIVJ_CACHE:-$HOME/.cache/aivj}/projectm/out/ and copies them to the output dir
# given as $1 (default: projectm-wasm/target/web/projectm/).
#
# Idempotent and cached:
#   - the source package, libprojectM.a and the linked module live in the cache;
#   - libprojectM is rebuilt only when the patches or the library recipe change;
#   - the module is relinked only when this script, the patches or host/ change
#     (stamp = SHA-256 over them); an unchanged second run only copies (seconds).
# Needs root only the first time (apt-get install emscripten, deb-src entry).
#
# Environment: AIVJ_CACHE (cache root), JOBS (make -j, default 2), NICE (default 10).
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
OUT_DIR=${1:-$HERE/target/web/projectm}
CACHE_ROOT=${AIVJ_CACHE:-$HOME/.cache/aivj}
CACHE=$CACHE_ROOT/projectm
JOBS=${JOBS:-2}
NICE=${NICE:-10}

PM_VERSION=3.1.12
PM_SRC_PKG=projectm
PM_ORIG=${PM_SRC_PKG}_${PM_VERSION}.orig.tar.gz
PM_DIR=projectM-${PM_VERSION}

# Library recipe: part of the libprojectM stamp.
CONFIGURE_FLAGS=(--enable-emscripten --disable-qt --disable-pulseaudio --disable-jack
                 --disable-threading --enable-static --disable-shared --disable-sdl)
LIB_CXXFLAGS="-std=c++11 -O2"
# Link recipe.
EXPORTS='["_pmw_create","_pmw_loadPresetText","_pmw_addPcm","_pmw_renderFrame","_pmw_resize","_pmw_setFrameTime","_pmw_destroy","_pmw_lastError","_pmw_lastWarning","_malloc","_free"]'
LINK_FLAGS=(-O2 -sMIN_WEBGL_VERSION=2 -sMAX_WEBGL_VERSION=2 -sALLOW_MEMORY_GROWTH=1
            -sMODULARIZE=1 -sEXPORT_ES6=1 -sENVIRONMENT=web -sEXPORT_NAME=createProjectMModule
            "-sEXPORTED_FUNCTIONS=$EXPORTS"
            '-sEXPORTED_RUNTIME_METHODS=["UTF8ToString","stringToUTF8","lengthBytesUTF8"]'
            -sFILESYSTEM=1)

log() { printf '[projectm-wasm %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

# Debian's emscripten 3.1.6 with NodeSource's node 20: configure's test programs fail
# under node's experimental fetch, and emcc's JS optimizer needs Debian's node modules.
export NODE_OPTIONS=--no-experimental-fetch
export NODE_PATH=/usr/share/nodejs
# Keep Debian's default (frozen, read-only) Emscripten cache: do not set EM_CACHE.
unset EM_CACHE

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else die "need root for: $*"; fi; }

stamp_of() { # sha256 over the named files (sorted, with names), stable
  local f; for f in "$@"; do printf '%s\n' "${f#"$HERE"/}"; cat "$f"; done | sha256sum | cut -d' ' -f1
}

copy_out() {
  mkdir -p "$OUT_DIR"
  local f; for f in projectm-layer.js projectm-layer.wasm; do
    cmp -s "$CACHE/out/$f" "$OUT_DIR/$f" || cp -f "$CACHE/out/$f" "$OUT_DIR/$f"
  done
  log "module in $OUT_DIR: $(cd "$OUT_DIR" && ls -l projectm-layer.js projectm-layer.wasm | awk '{printf "%s %s B; ", $9, $5}')"
}

mapfile -t PATCHES < <(ls "$HERE"/patches/*.patch 2>/dev/null | LC_ALL=C sort)
mapfile -t HOST_SRCS < <(ls "$HERE"/host/* | LC_ALL=C sort)
FULL_STAMP=$(stamp_of "$HERE/build.sh" "${PATCHES[@]}" "${HOST_SRCS[@]}")

if [ -f "$CACHE/out/.stamp" ] && [ "$(cat "$CACHE/out/.stamp")" = "$FULL_STAMP" ] \
   && [ -s "$CACHE/out/projectm-layer.js" ] && [ -s "$CACHE/out/projectm-layer.wasm" ]; then
  log "up to date (stamp ${FULL_STAMP:0:12})"
  copy_out
  exit 0
fi

# ---------------------------------------------------------------- tools
ensure_emscripten() {
  command -v emcc >/dev/null && return 0
  log "emcc missing: installing Debian's emscripten"
  if ! apt-cache policy emscripten 2>/dev/null | grep >/dev/null 'Candidate: [0-9]'; then
    as_root apt-get update
  fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y emscripten
  command -v emcc >/dev/null || die "emcc still missing after apt-get install emscripten"
}

# Adds a deb-src entry mirroring the existing Debian 'deb' entry (suite bookworm,
# component main) unless one exists. Returns 0 if sources changed.
ensure_deb_src() {
  if apt-get source --print-uris "$PM_SRC_PKG" >/dev/null 2>&1; then return 1; fi
  if grep -rqsE '^(deb-src[[:space:]].*bookworm|Types:.*deb-src)' /etc/apt/sources.list /etc/apt/sources.list.d/; then
    return 0 # an entry exists but is not indexed yet: apt-get update
  fi
  local uri="" signed=""
  # deb822 (.sources) first: the stanza whose Suites contain plain 'bookworm'.
  local f
  for f in /etc/apt/sources.list.d/*.sources; do
    [ -f "$f" ] || continue
    read -r uri signed < <(awk '
      function flush() { if (deb && bw && uri != "") { print uri, (signed == "" ? "-" : signed); found=1; exit } deb=bw=0; uri=signed="" }
      /^[[:space:]]*$/ { flush(); next }
      /^Types:/      { deb = ($0 ~ /(^|[ \t])deb([ \t]|$)/) }
      /^URIs:/       { uri = $2 }
      /^Suites:/     { for (i = 2; i <= NF; i++) if ($i == "bookworm") bw = 1 }
      /^Signed-By:/  { signed = $2 }
      END { if (!found) flush() }' "$f") || true
    [ -n "$uri" ] && break
  done
  if [ -z "$uri" ]; then # one-line format
    uri=$(grep -hsE '^deb\s' /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null \
          | sed -E 's/\[[^]]*\]//' | awk '$3 == "bookworm" { print $2; exit }')
    signed="-"
  fi
  [ -n "$uri" ] || die "no Debian 'deb' entry for bookworm found to mirror as deb-src"
  log "adding deb-src entry: $uri bookworm main"
  {
    echo "Types: deb-src"; echo "URIs: $uri"; echo "Suites: bookworm"; echo "Components: main"
    [ "$signed" != "-" ] && echo "Signed-By: $signed"
  } | as_root tee /etc/apt/sources.list.d/aivj-projectm-src.sources >/dev/null
  return 0
}

verify_orig() { # verify $PM_ORIG against the .dsc's Checksums-Sha256
  local dsc; dsc=$(ls "$CACHE"/src/${PM_SRC_PKG}_${PM_VERSION}-*.dsc 2>/dev/null | sort | tail -1)
  [ -n "$dsc" ] && [ -f "$CACHE/src/$PM_ORIG" ] || return 1
  local want; want=$(awk -v f="$PM_ORIG" '/^Checksums-Sha256:/ {s=1; next} /^[^ ]/ {s=0} s && $3 == f {print $1}' "$dsc")
  [ -n "$want" ] || die "no SHA-256 for $PM_ORIG in $dsc"
  local got; got=$(sha256sum "$CACHE/src/$PM_ORIG" | cut -d' ' -f1)
  if [ "$got" != "$want" ]; then
    die "SHA-256 MISMATCH for $CACHE/src/$PM_ORIG: got $got, $dsc says $want (delete it to refetch)"
  fi
  log "verified $PM_ORIG sha256 $got against $(basename "$dsc")"
}

fetch_source() {
  mkdir -p "$CACHE/src"
  if ls "$CACHE"/src/${PM_SRC_PKG}_${PM_VERSION}-*.dsc >/dev/null 2>&1 && [ -f "$CACHE/src/$PM_ORIG" ]; then
    verify_orig; return
  fi
  if ensure_deb_src || ! apt-get source --print-uris "$PM_SRC_PKG" 2>/dev/null | grep >/dev/null "$PM_ORIG"; then
    as_root apt-get update
  fi
  local uris; uris=$(apt-get source --print-uris "$PM_SRC_PKG" 2>/dev/null | grep "^'" || true)
  echo "$uris" | grep >/dev/null "_${PM_VERSION}-" || die "apt offers no $PM_SRC_PKG $PM_VERSION source package: $uris"
  log "fetching $PM_SRC_PKG $PM_VERSION source package"
  # apt-get exits non-zero when the .debian.tar.xz answers 404; the .dsc and orig suffice.
  (cd "$CACHE/src" && apt-get source --download-only "$PM_SRC_PKG" >/dev/null 2>&1) || \
    log "apt-get source exited non-zero (the .debian.tar.xz may 404); checking what arrived"
  # Fallback for the two files we need: the URIs apt printed.
  local u f
  while read -r u f _; do
    u=${u//\'/}
    case "$f" in *.dsc|"$PM_ORIG") ;; *) continue ;; esac
    if [ ! -s "$CACHE/src/$f" ]; then
      log "apt did not leave $f; fetching $u"
      curl -fsSL -o "$CACHE/src/$f.part" "$u" && mv -f "$CACHE/src/$f.part" "$CACHE/src/$f" || rm -f "$CACHE/src/$f.part"
    fi
  done <<< "$uris"
  verify_orig || die "could not fetch .dsc and $PM_ORIG into $CACHE/src"
}

# ---------------------------------------------------------------- libprojectM
build_lib() {
  local lib_stamp; lib_stamp=$( { stamp_of "${PATCHES[@]}"; echo "${CONFIGURE_FLAGS[*]} $LIB_CXXFLAGS"; emcc --version 2>/dev/null | sed -n 1p; } | sha256sum | cut -d' ' -f1)
  local bdir=$CACHE/build/$PM_DIR
  if [ -f "$CACHE/build/.lib-stamp" ] && [ "$(cat "$CACHE/build/.lib-stamp")" = "$lib_stamp" ] \
     && [ -f "$bdir/src/libprojectM/.libs/libprojectM.a" ]; then
    log "libprojectM.a up to date"; return
  fi
  log "unpacking and patching $PM_DIR"
  rm -rf "$CACHE/build"; mkdir -p "$CACHE/build"
  tar -xzf "$CACHE/src/$PM_ORIG" -C "$CACHE/build" 2>/dev/null || tar -xzf "$CACHE/src/$PM_ORIG" -C "$CACHE/build"
  [ -d "$bdir" ] || die "tarball did not unpack to $PM_DIR"
  local p
  for p in "${PATCHES[@]}"; do
    log "patch $(basename "$p")"
    patch -d "$bdir" -p1 --forward --batch --quiet < "$p" || die "patch failed: $p"
  done
  log "configuring (emconfigure)"
  (cd "$bdir" && CXXFLAGS="$LIB_CXXFLAGS" CFLAGS="-O2" \
     nice -n "$NICE" emconfigure ./configure "${CONFIGURE_FLAGS[@]}" > "$CACHE/build/configure.log" 2>&1) \
     || { tail -30 "$CACHE/build/configure.log" >&2; die "configure failed (log: $CACHE/build/configure.log)"; }
  log "building src/libprojectM (make -j$JOBS)"
  (cd "$bdir" && nice -n "$NICE" emmake make -C src/libprojectM -j"$JOBS" > "$CACHE/build/make.log" 2>&1) \
     || { grep -E 'error|Error' "$CACHE/build/make.log" | head -30 >&2; die "make failed (log: $CACHE/build/make.log)"; }
  [ -f "$bdir/src/libprojectM/.libs/libprojectM.a" ] || die "libprojectM.a not produced"
  echo "$lib_stamp" > "$CACHE/build/.lib-stamp"
  log "libprojectM.a: $(stat -c %s "$bdir/src/libprojectM/.libs/libprojectM.a") B"
}

# ---------------------------------------------------------------- host + link
link_module() {
  local bdir=$CACHE/build/$PM_DIR
  mkdir -p "$CACHE/out"
  rm -f "$CACHE/out/.stamp"
  log "compiling host and linking projectm-layer.js/.wasm"
  nice -n "$NICE" em++ -std=c++14 -O2 -Wall -Wno-macro-redefined \
    -DPMW_VERSION="\"${PM_VERSION}\"" \
    -I"$bdir/src/libprojectM" -I"$bdir/src/libprojectM/Renderer" -I"$bdir/vendor" \
    "$HERE/host/layer_host.cpp" "$bdir/src/libprojectM/.libs/libprojectM.a" \
    "${LINK_FLAGS[@]}" -o "$CACHE/out/projectm-layer.js"
  [ -s "$CACHE/out/projectm-layer.wasm" ] || die "link produced no wasm"
  echo "$FULL_STAMP" > "$CACHE/out/.stamp"
}

ensure_emscripten
fetch_source
build_lib
[ "${PMW_ONLY_LIB:-0}" = 1 ] && exit 0
link_module
copy_out
log "done"
