#!/usr/bin/env bash
# Finds the same recording listed twice in the corpus manifest, by audio fingerprint: the same piece ships in
# more than one Debian package (e.g. Maxstack's "Through Space" in singularity-music and starfighter-data),
# under other names and in other encodings, so paths and checksums do not catch it.
#
#   scripts/corpus-duplicates.sh [--skip-missing] [MANIFEST]
#       MANIFEST defaults to training-offline/src/main/resources/corpus/music-manifest.csv
#
# Every row's `audio` (relative to ${AIVJ_CACHE:-~/.cache/aivj}/corpus, fetched by scripts/fetch-corpus.sh) is
# fingerprinted with Chromaprint (`fpcalc -raw -length 120`: the first 120 s, one 32-bit sub-fingerprint every
# ~0.124 s). Fingerprints are cached in $AIVJ_CACHE/fingerprints, keyed by file path, size and mtime.
# Two rows match when, at their best alignment, the bit-error rate (differing bits / compared bits) over at least
# 20 s of overlap is below 0.15 (unrelated music sits near 0.5; a re-encode of the same recording below 0.1).
# Candidate alignments come from offset votes of equal sub-fingerprints (top 20 bits), so the comparison stays fast.
#
# Prints one line per matching pair (BER, offset, both rows) and exits 1 when there is any, 0 when none,
# 2 when audio is missing (unless --skip-missing) or a tool fails. fpcalc comes from Debian's
# libchromaprint-tools and is installed with apt-get when missing (needs root or sudo).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CACHE="${AIVJ_CACHE:-$HOME/.cache/aivj}"
SKIP_MISSING=0
MANIFEST="$ROOT/training-offline/src/main/resources/corpus/music-manifest.csv"
while [ "$#" -gt 0 ]; do
  case "$1" in
    --skip-missing) SKIP_MISSING=1 ;;
    -h|--help) sed -n '2,20p' "${BASH_SOURCE[0]}"; exit 0 ;;
    *) MANIFEST=$1 ;;
  esac
  shift
done

log() { printf 'corpus-duplicates: %s\n' "$*" >&2; }
die() { printf 'corpus-duplicates: ERROR: %s\n' "$*" >&2; exit 2; }
source "$ROOT/scripts/lib/debian-packages.sh"

need_tool fpcalc libchromaprint-tools
need_tool python3 python3-minimal
[ -f "$MANIFEST" ] || die "no manifest at $MANIFEST"
mkdir -p "$CACHE/fingerprints"

exec python3 - "$MANIFEST" "$CACHE" "$SKIP_MISSING" <<'PY'
import csv, hashlib, os, subprocess, sys
from collections import Counter, defaultdict

manifest, cache, skip_missing = sys.argv[1], sys.argv[2], sys.argv[3] == "1"
corpus = os.path.join(cache, "corpus")
fpdir = os.path.join(cache, "fingerprints")
SECONDS = 120          # fingerprint the first 120 s
ITEM_S = 0.1238        # seconds per Chromaprint sub-fingerprint
MIN_OVERLAP = int(20 / ITEM_S)
THRESHOLD = 0.15

rows = []
with open(manifest, newline="", encoding="utf-8") as fh:
    lines = [l for l in fh if not l.startswith("#")]
reader = csv.DictReader(lines)
for n, r in enumerate(reader):
    rows.append(r)

def fingerprint(audio):
    path = os.path.join(corpus, audio)
    st = os.stat(path)
    key = hashlib.sha1(f"{path}\0{st.st_size}\0{int(st.st_mtime)}\0{SECONDS}".encode()).hexdigest()
    cached = os.path.join(fpdir, key + ".txt")
    if os.path.exists(cached):
        with open(cached) as fh:
            text = fh.read()
    else:
        out = subprocess.run(["fpcalc", "-raw", "-length", str(SECONDS), path],
                             capture_output=True, text=True)
        text = out.stdout
        if out.returncode != 0 and "FINGERPRINT=" not in text:
            # Some files end in a broken frame that fpcalc's decoder stops on: decode with sox to WAV first.
            import tempfile
            with tempfile.TemporaryDirectory() as tmp:
                wav = os.path.join(tmp, "a.wav")
                dec = subprocess.run(["sox", "-q", path, wav, "trim", "0", str(SECONDS)], capture_output=True, text=True)
                out = subprocess.run(["fpcalc", "-raw", "-length", str(SECONDS), wav], capture_output=True, text=True)
            text = out.stdout
            if "FINGERPRINT=" not in text:
                sys.exit(f"corpus-duplicates: ERROR: fpcalc failed on {path}: {out.stderr.strip()} {dec.stderr.strip()}")
        elif out.returncode != 0 and "End of file" not in out.stderr:  # EOF: a file shorter than 120 s
            print(f"corpus-duplicates: warning: {path}: {out.stderr.strip()} (fingerprint kept)", file=sys.stderr)
        with open(cached + ".tmp", "w") as fh:
            fh.write(text)
        os.replace(cached + ".tmp", cached)
    for line in text.splitlines():
        if line.startswith("FINGERPRINT="):
            return [int(x) for x in line[len("FINGERPRINT="):].split(",") if x]
    return []

fps, missing = [], []
for r in rows:
    if not os.path.exists(os.path.join(corpus, r["audio"])):
        missing.append(r["audio"]); fps.append(None); continue
    fps.append(fingerprint(r["audio"]))
if missing:
    for m in missing:
        print(f"corpus-duplicates: missing audio (run scripts/fetch-corpus.sh): {m}", file=sys.stderr)
    if not skip_missing:
        sys.exit(2)

def ber(a, b, off):
    # compares a[i] with b[i - off]
    lo, hi = max(0, off), min(len(a), len(b) + off)
    n = hi - lo
    if n < MIN_OVERLAP:
        return None, n
    errors = sum((a[i] ^ b[i - off]).bit_count() for i in range(lo, hi))
    return errors / (32.0 * n), n

# Inverted index of the top 20 bits of every sub-fingerprint; very common keys (silence) carry no information.
index = defaultdict(list)
for t, fp in enumerate(fps):
    if not fp: continue
    for i, v in enumerate(fp):
        index[v >> 12].append((t, i))
votes = defaultdict(Counter)
for postings in index.values():
    if len(postings) > 400: continue
    for x in range(len(postings)):
        ta, ia = postings[x]
        for y in range(x + 1, len(postings)):
            tb, ib = postings[y]
            if ta == tb: continue
            if ta < tb: votes[(ta, tb)][ia - ib] += 1
            else: votes[(tb, ta)][ib - ia] += 1

NEAR = 0.25           # pairs between NEAR and THRESHOLD are listed for a look (not duplicates)
matches, near = [], []
for (ta, tb), c in votes.items():
    best = None
    for off, v in c.most_common(5):
        if v < 5: break
        for o in (off - 1, off, off + 1):
            e, n = ber(fps[ta], fps[tb], o)
            if e is not None and (best is None or e < best[0]):
                best = (e, o, n)
    if best and best[0] < THRESHOLD:
        matches.append((best[0], best[1], best[2], ta, tb))
    elif best and best[0] < NEAR:
        near.append((best[0], best[1], best[2], ta, tb))

checked = sum(1 for f in fps if f)
print(f"corpus-duplicates: {checked} rows fingerprinted ({len(missing)} missing), "
      f"{len(votes)} candidate pairs, threshold BER < {THRESHOLD} over >= {MIN_OVERLAP * ITEM_S:.0f} s of the first {SECONDS} s")
for e, o, n, ta, tb in sorted(near):
    print(f"near (not a duplicate): ber={e:.3f} offset={o * ITEM_S:+.1f}s overlap={n * ITEM_S:.0f}s "
          f"{rows[ta]['audio']} / {rows[tb]['audio']}")
for e, o, n, ta, tb in sorted(matches):
    a, b = rows[ta], rows[tb]
    print(f"DUPLICATE ber={e:.3f} offset={o * ITEM_S:+.1f}s overlap={n * ITEM_S:.0f}s\n"
          f"  {a['package']} {a['path']} ({a['style']}, {a['split']})\n"
          f"  {b['package']} {b['path']} ({b['style']}, {b['split']})")
sys.exit(1 if matches else 0)
PY
