#!/usr/bin/env python3
"""SYNTHETIC chiptune renderer: plays a Standard MIDI File through a small NES-style chip synthesiser.

    scripts/chipsynth.py IN.mid OUT.wav [--rate 22050] [--max-seconds 300]

Voices (labelled "chiptune" by construction, grade `synthetic` in the corpus manifest):
  pulse A (25 % duty), pulse B (50 % duty), pulse C (12.5 % duty): the three busiest melodic MIDI channels,
      each made monophonic (the highest sounding note wins);
  triangle (4-bit stepped, like the NES triangle): the melodic channel with the lowest mean pitch (the bass);
  noise (15-bit LFSR): MIDI channel 10 drums, three kinds (kick: low-rate noise, snare: mid, hat: high; short decays).
Other channels are dropped. Output: mono 16-bit WAV. Python 3 standard library only (audioop mixes in C).
Deterministic: the same MIDI file gives the same bytes.
"""
import argparse
import struct
import sys
import wave
import warnings

with warnings.catch_warnings():
    warnings.simplefilter("ignore", DeprecationWarning)
    import audioop  # noqa: E402  (deprecated in 3.11, still present; the mixing runs in C)

GENERATOR = "scripts/chipsynth.py v1"


def read_vlq(data, i):
    v = 0
    while True:
        b = data[i]
        i += 1
        v = (v << 7) | (b & 0x7F)
        if not b & 0x80:
            return v, i


def parse_midi(path):
    """Returns notes [(start_s, end_s, channel, pitch, velocity)] with the tempo map applied."""
    data = open(path, "rb").read()
    if data[:4] != b"MThd":
        # RIFF MIDI (RMID) wraps an SMF
        k = data.find(b"MThd")
        if k < 0:
            raise ValueError(f"{path}: not a MIDI file")
        data = data[k:]
    hlen = struct.unpack(">I", data[4:8])[0]
    _fmt, ntrk, division = struct.unpack(">HHH", data[8:14])
    if division & 0x8000:
        raise ValueError(f"{path}: SMPTE time division not supported")
    i = 8 + hlen
    events = []  # (tick, order, kind, a, b, c)
    order = 0
    for _ in range(ntrk):
        while data[i:i + 4] != b"MTrk":
            if i >= len(data):
                break
            i += 1
        if i >= len(data):
            break
        tlen = struct.unpack(">I", data[i + 4:i + 8])[0]
        j, end = i + 8, i + 8 + tlen
        tick, status = 0, 0
        while j < end:
            delta, j = read_vlq(data, j)
            tick += delta
            b = data[j]
            if b & 0x80:
                status = b
                j += 1
            if status == 0xFF:
                mtype = data[j]
                ln, j = read_vlq(data, j + 1)
                if mtype == 0x51 and ln == 3:
                    events.append((tick, order, "tempo", int.from_bytes(data[j:j + 3], "big"), 0, 0))
                    order += 1
                j += ln
                if mtype == 0x2F:
                    break
            elif status in (0xF0, 0xF7):
                ln, j = read_vlq(data, j)
                j += ln
            else:
                kind, ch = status & 0xF0, status & 0x0F
                if kind in (0xC0, 0xD0):
                    j += 1
                    continue
                a, c = data[j], data[j + 1]
                j += 2
                if kind == 0x90 and c > 0:
                    events.append((tick, order, "on", ch, a, c))
                elif kind == 0x80 or (kind == 0x90 and c == 0):
                    events.append((tick, order, "off", ch, a, 0))
                order += 1
        i = end
    events.sort(key=lambda e: (e[0], e[1]))
    # ticks -> seconds
    tempo, last_tick, last_s = 500000, 0, 0.0
    open_notes, notes = {}, []
    for tick, _o, kind, a, b, c in events:
        now = last_s + (tick - last_tick) * tempo / 1e6 / division
        last_tick, last_s = tick, now
        if kind == "tempo":
            tempo = a
        elif kind == "on":
            open_notes.setdefault((a, b), []).append((now, c))
        else:
            st = open_notes.get((a, b))
            if st:
                s0, vel = st.pop(0)
                if now > s0:
                    notes.append((s0, now, a, b, vel))
    return notes


def monophonic(notes):
    """Highest note wins where notes overlap; returns [(start, end, pitch, vel)]."""
    notes = sorted(notes, key=lambda n: (n[0], -n[3]))
    out = []
    for s, e, _ch, p, v in notes:
        if out and s < out[-1][1]:
            ps, pe, pp, pv = out[-1]
            if p > pp:  # the new, higher note cuts the old one
                out[-1] = (ps, s, pp, pv)
                if s - ps <= 0.0:
                    out.pop()
                out.append((s, e, p, v))
            elif e > pe:  # a lower note outlasting the current one sounds after it
                out.append((pe, e, p, v))
        else:
            out.append((s, e, p, v))
    return [n for n in out if n[1] - n[0] > 0.005]


def period_block(rate, freq, shape, duty=0.5, periods=32):
    """`periods` whole periods of a waveform with exact fractional phase, as 16-bit mono bytes (amplitude 1.0 = 12000)."""
    total = max(1, round(periods * rate / freq))
    periods = total * freq / rate  # exact number of cycles in the block (close to an integer)
    amp = 12000
    vals = []
    for k in range(total):
        ph = (k * freq / rate) % 1.0
        if shape == "pulse":
            vals.append(amp if ph < duty else -amp)
        else:  # 4-bit stepped triangle
            t = 1.0 - abs(2.0 * ph - 1.0)  # 0..1..0
            vals.append(int((round(t * 15) / 15.0 * 2 - 1) * amp))
    return struct.pack(f"<{total}h", *vals)


def lfsr_noise(n, rate, clock, seed=1):
    """15-bit LFSR noise (NES style) clocked at `clock` Hz, sampled at `rate`."""
    reg, vals, acc = seed, [], 0.0
    step = clock / rate
    for _ in range(n):
        acc += step
        while acc >= 1.0:
            bit = (reg ^ (reg >> 1)) & 1
            reg = (reg >> 1) | (bit << 14)
            acc -= 1.0
        vals.append(9000 if reg & 1 else -9000)
    return vals


def drum(rate, clock, length_s, seed):
    n = int(length_s * rate)
    v = lfsr_noise(n, rate, clock, seed)
    return struct.pack(f"<{n}h", *[int(x * (1.0 - k / n) ** 2) for k, x in enumerate(v)])


def render(notes, rate, max_seconds):
    end = min(max((n[1] for n in notes), default=0.0) + 0.5, max_seconds)
    total = int(end * rate)
    if total <= rate:
        raise ValueError("no notes")
    melodic = {}
    drums = []
    for n in notes:
        if n[0] >= end:
            continue
        (drums if n[2] == 9 else melodic.setdefault(n[2], [])).append(n)
    # bass: the lowest mean pitch among channels with a reasonable number of notes
    busy = sorted(melodic, key=lambda ch: -len(melodic[ch]))
    cand = [ch for ch in busy if len(melodic[ch]) >= 8] or busy
    bass = min(cand, key=lambda ch: sum(n[3] for n in melodic[ch]) / len(melodic[ch])) if cand else None
    leads = [ch for ch in busy if ch != bass][:3]
    voices = []
    for ch, duty, gain in zip(leads, (0.25, 0.5, 0.125), (0.55, 0.45, 0.35)):
        voices.append(("pulse", duty, gain, monophonic(melodic[ch])))
    if bass is not None:
        voices.append(("triangle", 0.5, 0.7, monophonic([(s, e, c, p - 12 if p >= 60 else p, v)
                                                         for s, e, c, p, v in melodic[bass]])))
    mix = bytes(total * 2)
    cache = {}
    for shape, duty, gain, seq in voices:
        buf = bytearray(total * 2)
        for s, e, p, v in seq:
            a, b = int(s * rate), min(int(e * rate), total)
            if b <= a:
                continue
            key = (shape, duty, p)
            if key not in cache:
                freq = 440.0 * 2 ** ((p - 69) / 12)
                cache[key] = period_block(rate, freq, shape, duty)
            blk = cache[key]
            n = (b - a) * 2
            frag = (blk * (n // len(blk) + 1))[:n]
            vol = gain * (0.4 + 0.6 * v / 127) if shape == "pulse" else gain
            frag = audioop.mul(frag, 2, vol)
            rel = min(n, int(0.01 * rate) * 2)  # 10 ms release against clicks
            if rel >= 4:
                frag = frag[:n - rel] + audioop.mul(frag[n - rel:], 2, 0.5)
            buf[a * 2:b * 2] = frag
        mix = audioop.add(mix, bytes(buf), 2)
    if drums:
        kinds = {
            "kick": drum(rate, 3000, 0.09, 1), "snare": drum(rate, 12000, 0.14, 7), "hat": drum(rate, 44000, 0.05, 3),
        }
        buf = bytearray(total * 2)
        for s, _e, _c, p, v in sorted(drums):
            kind = "kick" if p in (35, 36) else "snare" if p in (37, 38, 39, 40) else "hat"
            frag = audioop.mul(kinds[kind], 2, 0.5 * (0.5 + 0.5 * v / 127))
            a = int(s * rate) * 2
            if a >= len(buf):
                continue
            frag = frag[:len(buf) - a]
            buf[a:a + len(frag)] = frag  # noise channel is monophonic too: a new hit replaces the old one
        mix = audioop.add(mix, bytes(buf), 2)
    return mix, len(voices), bool(drums)


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("midi")
    ap.add_argument("wav")
    ap.add_argument("--rate", type=int, default=22050)
    ap.add_argument("--max-seconds", type=float, default=300.0)
    args = ap.parse_args(argv)
    notes = parse_midi(args.midi)
    pcm, nvoices, has_drums = render(notes, args.rate, args.max_seconds)
    with wave.open(args.wav, "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(args.rate)
        w.writeframes(pcm)
    print(f"{args.midi}: {len(pcm) / 2 / args.rate:.1f} s, {nvoices} tonal voices, drums={'yes' if has_drums else 'no'}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
