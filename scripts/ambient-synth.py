#!/usr/bin/env python3
"""SYNTHETIC ambient music for the corpus (issue 14): generated, not real music.

The labelled corpus has too little real ambient music. This generator writes tracks that are ambient by
construction: a sustained low drone (root and fifth), slowly changing pad chords with long (6-12 s) fades that
overlap, a few soft high sustained tones, optional quiet filtered noise ("air"), heavy reverb, and nothing else:
no percussion, no rhythm, no melody with note onsets faster than a few seconds. Each seed picks the key, the mode,
the pad timbre (sine, triangle, low-passed saw or square), the detune (chorus), the chord length and the duration.

Python 3 standard library only; the audio is made by SoX (`sox` and its `synth`, `reverb`, `lowpass`, `tremolo`,
`fade` effects). Deterministic for a given seed and sox version (sox runs with -R: fixed random numbers for the
noise and the dither). Output: FLAC, 44.1 kHz, 16-bit, stereo.

    scripts/ambient-synth.py --seed 101 OUT.flac          render one track
    scripts/ambient-synth.py --describe --seed 101        print the parameters chosen for that seed
"""
import argparse
import os
import random
import shutil
import subprocess
import sys
import tempfile

RATE = 44100
NOTE_NAMES = ["C", "C#", "D", "D#", "E", "F", "F#", "G", "G#", "A", "A#", "B"]
MODES = {  # semitone steps of the scale from the root
    "major": [0, 2, 4, 5, 7, 9, 11],
    "minor": [0, 2, 3, 5, 7, 8, 10],
    "dorian": [0, 2, 3, 5, 7, 9, 10],
    "lydian": [0, 2, 4, 6, 7, 9, 11],
    "mixolydian": [0, 2, 4, 5, 7, 9, 10],
}
TIMBRES = ["sine", "triangle", "sawtooth-lp", "square-lp"]


def freq(midi):
    return 440.0 * 2 ** ((midi - 69) / 12.0)


def params(seed):
    """Everything a track is made of, chosen from the seed."""
    r = random.Random(seed)
    root = r.randrange(12)
    mode = r.choice(sorted(MODES))
    timbre = TIMBRES[seed % len(TIMBRES)] if r.random() < 0.7 else r.choice(TIMBRES)
    p = {
        "seed": seed,
        "key": NOTE_NAMES[root],
        "root_midi": 36 + root,  # drone octave C2..B2
        "mode": mode,
        "timbre": timbre,
        "detune_cents": round(r.uniform(3, 12), 1),
        "duration_s": r.randrange(150, 241, 5),
        "chord_s": r.choice([16, 20, 24, 28, 32]),
        "fade_s": r.choice([6, 8, 10, 12]),
        "reverb": r.choice([70, 80, 90, 100]),
        "noise": r.random() < 0.5,
        "shimmer": r.randrange(2, 7),
        "tremolo_hz": round(r.uniform(0.05, 0.25), 3),
        "lowpass_hz": r.choice([900, 1200, 1600, 2200]),
    }
    scale = MODES[mode]
    degrees = []
    d = 0
    n = p["duration_s"] // p["chord_s"] + 2
    for _ in range(n):
        degrees.append(d)
        d = (d + r.choice([1, 2, 3, 3, 4, 5, 6])) % 7  # slow, mostly stepwise/third motion
    p["degrees"] = degrees
    chords = []
    for deg in degrees:
        size = r.choice([3, 4, 4, 5])  # triad, seventh, ninth (stacked thirds)
        notes = []
        for k in range(size):
            idx = deg + 2 * k
            notes.append(p["root_midi"] + 12 + scale[idx % 7] + 12 * (idx // 7))
        if r.random() < 0.4:  # open voicing: lift the third an octave
            notes[1] += 12
        chords.append(notes)
    p["chords"] = chords
    p["shimmer_notes"] = [
        (round(r.uniform(10, p["duration_s"] - 30), 1), p["root_midi"] + 36 + r.choice(scale), r.choice([12, 16, 20]))
        for _ in range(p["shimmer"])
    ]
    return p


def sox(*args):
    subprocess.run(["sox", "-R", "-q", "-V1", *map(str, args)], check=True)


def tone_args(timbre, freqs):
    kind = {"sine": "sine", "triangle": "triangle", "sawtooth-lp": "sawtooth", "square-lp": "square"}[timbre]
    out = []
    for f in freqs:
        out += [kind, "%.3f" % f]
    return out


def render_layer(path, timbre, freqs, length, fade, tremolo_hz, lowpass_hz, detune_cents, gain_db):
    """A chord of sustained tones, the left and right channels detuned against each other (chorus)."""
    ratio = 2 ** (detune_cents / 1200.0)
    left = [f / ratio ** 0.5 for f in freqs]
    right = [f * ratio ** 0.5 for f in freqs]
    n = len(freqs)
    parts = []
    for side, fs in (("l", left), ("r", right)):
        part = path + "." + side + ".wav"
        effects = ["remix", "-"]  # the n tone channels down to one
        if timbre.endswith("-lp"):
            effects += ["lowpass", lowpass_hz, "lowpass", lowpass_hz]
        effects += ["tremolo", tremolo_hz, 30, "fade", "h", fade, length, fade, "gain", gain_db]
        sox("-n", "-r", RATE, "-c", n, "-b", 16, part, "synth", length, *tone_args(timbre, fs), *effects)
        parts.append(part)
    sox("-M", parts[0], parts[1], path)
    for part in parts:
        os.remove(part)


def render(p, out):
    tmp = tempfile.mkdtemp(prefix="ambient-synth-")
    try:
        total = p["duration_s"]
        layers = []  # (file, start offset in seconds)
        # 1. drone: root and fifth, two octaves, the whole track
        drone = os.path.join(tmp, "drone.wav")
        r0 = p["root_midi"]
        render_layer(drone, "sine" if p["timbre"] != "sine" else "triangle",
                     [freq(r0 - 12), freq(r0), freq(r0 + 7)], total, 10, p["tremolo_hz"] / 2, 600,
                     p["detune_cents"] / 2, -8)
        layers.append((drone, 0))
        # 2. pad chords, each overlapping the next by its fades
        step = p["chord_s"]
        t = 0.0
        i = 0
        while t < total - p["fade_s"]:
            length = min(step + p["fade_s"], total - t)
            if length < 2 * p["fade_s"] + 1:
                break
            f = os.path.join(tmp, "pad%03d.wav" % i)
            render_layer(f, p["timbre"], [freq(m) for m in p["chords"][i % len(p["chords"])]], length, p["fade_s"],
                         p["tremolo_hz"], p["lowpass_hz"], p["detune_cents"], -10)
            layers.append((f, t))
            t += step
            i += 1
        # 3. a few soft, high, long sustained tones
        for j, (start, midi, length) in enumerate(p["shimmer_notes"]):
            f = os.path.join(tmp, "shimmer%02d.wav" % j)
            render_layer(f, "sine", [freq(midi)], length, length / 2.5, p["tremolo_hz"] * 2, 4000,
                         p["detune_cents"] * 2, -22)
            layers.append((f, start))
        # 4. optional "air": quiet low-passed pink noise, slowly swelling
        if p["noise"]:
            f = os.path.join(tmp, "air.wav")
            sox("-n", "-r", RATE, "-c", 2, "-b", 16, f, "synth", total, "pinknoise", "lowpass", 700,
                "tremolo", p["tremolo_hz"] / 3, 60, "fade", "h", 15, total, 15, "gain", -30)
            layers.append((f, 0))
        # mix: each layer delayed to its start and padded to the full length
        padded = []
        for k, (f, start) in enumerate(layers):
            g = os.path.join(tmp, "mix%03d.wav" % k)
            sox(f, g, "pad", "%.3f" % start, "trim", 0, total)
            padded.append(g)
        mixed = os.path.join(tmp, "mixed.wav")
        batch = padded
        level = 0
        while len(batch) > 1:  # mix in groups (sox -m opens every input at once)
            nxt = []
            for k in range(0, len(batch), 16):
                group = batch[k:k + 16]
                g = os.path.join(tmp, "sum%d_%03d.wav" % (level, k))
                if len(group) == 1:
                    nxt.append(group[0])
                    continue
                sox("-m", *[x for f in group for x in ("-v", 1.0, f)], "-b", 24, g)
                nxt.append(g)
            batch = nxt
            level += 1
        shutil.copy(batch[0], mixed)
        tmp_out = out + ".tmp.flac"
        sox(mixed, "-r", RATE, "-b", 16, "-c", 2, tmp_out, "gain", -6, "reverb", p["reverb"], 50, 100, 100, 20, 0,
            "trim", 0, total, "fade", "h", 8, total, 12, "gain", "-n", -3)
        os.replace(tmp_out, out)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def describe(p):
    return ("seed=%d key=%s %s timbre=%s detune=%.1fc duration=%ds chord=%ds fade=%ds reverb=%d noise=%s "
            "shimmer=%d tremolo=%.3fHz lowpass=%dHz" % (
                p["seed"], p["key"], p["mode"], p["timbre"], p["detune_cents"], p["duration_s"], p["chord_s"],
                p["fade_s"], p["reverb"], "yes" if p["noise"] else "no", p["shimmer"], p["tremolo_hz"],
                p["lowpass_hz"]))


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seed", type=int, required=True)
    ap.add_argument("--describe", action="store_true", help="print the parameters, render nothing")
    ap.add_argument("out", nargs="?")
    a = ap.parse_args()
    p = params(a.seed)
    if a.describe:
        print(describe(p))
        return 0
    if not a.out:
        ap.error("OUT is required unless --describe")
    if shutil.which("sox") is None:
        print("ambient-synth: sox is required", file=sys.stderr)
        return 1
    render(p, a.out)
    print("ambient-synth: " + describe(p) + " -> " + a.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
