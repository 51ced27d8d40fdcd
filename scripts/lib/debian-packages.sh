# Shared by the fetch-*.sh scripts: download Debian packages with `apt-get download` (nothing is installed)
# and unpack them with `dpkg-deb -x` into a cache folder. The sourcing script defines log() and die() and the
# variable DEBS (where .deb files are kept).

# Never fetch these: they are kept for an independent evaluation; refused even when named explicitly.
REFUSED_PACKAGES=(wesnoth-1.16-music nexuiz-music fretsonfire-songs-muldjord tecnoballz-data)

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"
  elif command -v sudo >/dev/null 2>&1; then sudo "$@"
  else die "need root to run: $*"
  fi
}

# Installs Debian package $2 with apt-get when command $1 is missing (apt-get update only on failure).
need_tool() { # $1 command, $2 Debian package
  command -v "$1" >/dev/null 2>&1 && return 0
  log "installing $2 (for $1) with apt-get"
  if ! as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$2" >/dev/null; then
    as_root apt-get update -qq || die "apt-get update failed"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$2" >/dev/null || die "could not install $2"
  fi
  command -v "$1" >/dev/null 2>&1 || die "$1 still missing after installing $2"
}

# Refuses a package on the evaluation list or with a malformed name; checks the Debian tools exist.
check_packages() {
  local pkg bad
  for pkg in "$@"; do
    for bad in "${REFUSED_PACKAGES[@]}"; do
      [ "$pkg" = "$bad" ] && die "refusing package '$pkg': it is kept for an independent evaluation (refused: ${REFUSED_PACKAGES[*]})"
    done
    [[ "$pkg" =~ ^[a-z0-9][a-z0-9.+-]+$ ]] || die "invalid package name '$pkg'"
  done
  command -v apt-get >/dev/null 2>&1 || die "apt-get not found (a Debian/Ubuntu system is required)"
  command -v dpkg-deb >/dev/null 2>&1 || die "dpkg-deb not found"
  mkdir -p "$DEBS" || die "cannot create $DEBS"
}

# Packages from Debian's non-free section. The default sources list only `main`; before one of these is
# downloaded, ensure_non_free_sources adds an entry for it.
NON_FREE_PACKAGES=(sauerbraten alien-arena-data)
NON_FREE_SOURCES_DEB822=/etc/apt/sources.list.d/aivj-non-free.sources
NON_FREE_SOURCES_LIST=/etc/apt/sources.list.d/aivj-non-free.list

is_non_free() {
  local p
  for p in "${NON_FREE_PACKAGES[@]}"; do [ "$1" = "$p" ] && return 0; done
  return 1
}

# Ensures an apt sources entry with `non-free` for bookworm exists (written the way the machine's own sources
# are: deb822 in sources.list.d/*.sources, else one-line in a .list), then runs apt-get update once. A no-op when
# some enabled entry for the Debian archive already lists non-free.
ensure_non_free_sources() {
  local f
  for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list /etc/apt/sources.list.d/*.sources; do
    [ -f "$f" ] || continue
    if [[ "$f" == *.sources ]]; then
      # deb822: a stanza with a Debian archive URI, suite bookworm and a Components line naming non-free.
      awk 'BEGIN{RS=""} /URIs:[^\n]*debian\.org\/debian[[:space:]\/]*(\n|$)/ && /Suites:[^\n]*bookworm([[:space:]]|$)/ \
           && /Components:[^\n]*non-free([[:space:]]|$)/ && !/Enabled:[[:space:]]*no/ && /Types:[^\n]*deb([[:space:]]|$)/ {found=1} END{exit !found}' "$f" && return 0
    else
      grep -Eq '^[[:space:]]*deb[[:space:]]+(\[[^]]*\][[:space:]]+)?[^[:space:]]*/debian/?[[:space:]]+bookworm[[:space:]].*[[:space:]]non-free([[:space:]]|$)' "$f" && return 0
    fi
  done
  if ls /etc/apt/sources.list.d/*.sources >/dev/null 2>&1 && ! grep -Eq '^[[:space:]]*deb[[:space:]]' /etc/apt/sources.list 2>/dev/null; then
    log "adding Debian's non-free section (bookworm) to apt: $NON_FREE_SOURCES_DEB822" >&2
    printf '%s\n' 'Types: deb' 'URIs: http://deb.debian.org/debian' 'Suites: bookworm' 'Components: non-free' \
      'Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg' | as_root tee "$NON_FREE_SOURCES_DEB822" >/dev/null \
      || die "cannot write $NON_FREE_SOURCES_DEB822"
  else
    log "adding Debian's non-free section (bookworm) to apt: $NON_FREE_SOURCES_LIST" >&2
    printf '%s\n' 'deb http://deb.debian.org/debian bookworm non-free' | as_root tee "$NON_FREE_SOURCES_LIST" >/dev/null \
      || die "cannot write $NON_FREE_SOURCES_LIST"
  fi
  as_root apt-get update -qq || die "apt-get update failed after adding the non-free section"
}

# Prints the newest cached .deb of package $1, if any.
find_deb() {
  local f
  f=$(ls -1 "$DEBS/$1"_*.deb 2>/dev/null | sort -V | tail -n 1 || true)
  [ -n "$f" ] && printf '%s\n' "$f"
  return 0
}

# Prints the path of package $1's .deb, downloading it first if needed (apt-get update only on failure).
fetch_deb() {
  local pkg=$1 out deb
  deb=$(find_deb "$pkg")
  if [ -z "$deb" ]; then
    if is_non_free "$pkg"; then ensure_non_free_sources; fi
    log "$pkg: downloading with apt-get download into $DEBS" >&2
    if ! out=$(cd "$DEBS" && apt-get download "$pkg" 2>&1); then
      log "apt-get download $pkg failed ($(printf '%s' "$out" | tail -n 1)); running apt-get update and retrying" >&2
      as_root apt-get update -qq || die "apt-get update failed"
      out=$(cd "$DEBS" && apt-get download "$pkg" 2>&1) || die "apt-get download $pkg failed: $(printf '%s' "$out" | tail -n 1)"
    fi
    deb=$(find_deb "$pkg")
    [ -n "$deb" ] || die "$pkg: apt-get download reported success but no .deb is in $DEBS"
  fi
  printf '%s\n' "$deb"
}

# True when $2 holds package $1 extracted from its newest cached .deb.
is_extracted() {
  local deb
  deb=$(find_deb "$1")
  [ -n "$deb" ] && [ -f "$2/.aivj-extracted" ] && [ "$(cat "$2/.aivj-extracted")" = "$(basename "$deb")" ]
}

# Downloads package $1 if needed and extracts it into $2 (atomically, with a marker); a no-op when done.
fetch_and_extract() {
  local pkg=$1 dest=$2 deb tmp
  if is_extracted "$pkg" "$dest"; then
    log "$pkg: already extracted in $dest"
    return 0
  fi
  deb=$(fetch_deb "$pkg")
  log "$pkg: extracting $(basename "$deb") into $dest"
  mkdir -p "$(dirname "$dest")"
  tmp=$(mktemp -d "$(dirname "$dest")/.extract-$pkg.XXXXXX")
  nice dpkg-deb -x "$deb" "$tmp" || { rm -rf "$tmp"; die "$pkg: dpkg-deb -x failed for $deb"; }
  rm -rf "$dest"
  mv "$tmp" "$dest"
  printf '%s\n' "$(basename "$deb")" > "$dest/.aivj-extracted"
}
