#!/usr/bin/env python3
"""Writes the unlabelled music pool: audio files of at least 45 s in the fetched corpus packages that the labelled
manifest does not use. The teacher pseudo-labels them and the shipped style model learns from its guesses
(training-offline's StyleDistillation); nobody claims a style for them.

Left out: the test-split packages (scripts/corpus-packages/test-split.txt: the test split stays unheard),
fretsonfire-songs-sectoid (its files are the stems of the labelled songs), derived/ (renders of labelled rows)
and every package the corpus does not fetch. Usage: scripts/unlabelled-pool.py [CORPUS_DIR] > unlabelled-pool.csv
"""
import csv
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
MANIFEST = os.path.join(ROOT, "training-offline/src/main/resources/corpus/music-manifest.csv")
TEST_SPLIT = os.path.join(ROOT, "scripts/corpus-packages/test-split.txt")
LEFT_OUT = {"derived", "fretsonfire-songs-sectoid"}
MIN_SECONDS = 45.0
AUDIO = (".ogg", ".wav", ".flac", ".mp3", ".opus")


def main():
    corpus = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
        os.environ.get("AIVJ_CACHE", os.path.expanduser("~/.cache/aivj")), "corpus")
    rows = csv.DictReader(line for line in open(MANIFEST, encoding="utf-8") if not line.startswith("#"))
    labelled = set()
    for r in rows:
        labelled.add(r["audio"])
        labelled.add(r["package"] + "/" + r["path"])
    test = {l.strip() for l in open(TEST_SPLIT) if l.strip() and not l.startswith("#")}
    out = csv.writer(sys.stdout, lineterminator="\n")
    print("# Unlabelled music pool (no style claimed): written by scripts/unlabelled-pool.py; "
          "audio is relative to ${AIVJ_CACHE:-~/.cache/aivj}/corpus, duration_s = soxi -D.")
    out.writerow(["package", "audio", "duration_s"])
    for package in sorted(os.listdir(corpus)):
        if package in LEFT_OUT or package in test or not os.path.isdir(os.path.join(corpus, package)):
            continue
        files = []
        for root, _, names in os.walk(os.path.join(corpus, package)):
            files += [os.path.join(root, n) for n in names if n.lower().endswith(AUDIO)]
        for f in sorted(files):
            rel = os.path.relpath(f, corpus)
            if rel in labelled:
                continue
            seconds = subprocess.run(["soxi", "-D", f], capture_output=True, text=True).stdout.strip()
            if seconds and float(seconds) >= MIN_SECONDS:
                out.writerow([package, rel, f"{float(seconds):.1f}"])


if __name__ == "__main__":
    main()
