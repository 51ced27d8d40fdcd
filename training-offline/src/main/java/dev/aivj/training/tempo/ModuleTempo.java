package dev.aivj.training.tempo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.TreeSet;

/**
 * The tempo a tracker module (.mod, .xm, .s3m, .it) is written at, read from its header and pattern data.
 *
 * <p>A tick lasts 2.5/tempo s and a row lasts {@code speed} ticks. With the trackers' customary 4 rows per beat
 * (the default row highlight of FastTracker 2, Scream Tracker and Impulse Tracker), one beat is 4·speed ticks,
 * so BPM = 24·tempo / (4·speed) = tempo·6/speed: the header's tempo itself at the default speed 6.
 *
 * <p>The rule only holds when the module keeps its initial speed and tempo: {@link #constant()} is true when
 * every speed and tempo command in the patterns the order list plays equals the initial values (the header's,
 * overridden by commands on the first row played) and no tempo slide occurs. Impulse Tracker files also store the
 * composer's row highlight (rows per beat, default 4); {@link #rowsPerBeat()} is 0 where the format has none.
 */
public final class ModuleTempo {
    private final String format;
    private final int speed;  // the header's
    private final int tempo;
    private int firstRowSpeed; // set by a command on the first row played, which overrides the header
    private int firstRowTempo;
    private final TreeSet<Integer> speeds = new TreeSet<>();
    private final TreeSet<Integer> tempos = new TreeSet<>();
    private boolean slides;
    private int rowsPerBeat;

    private ModuleTempo(String format, int speed, int tempo) {
        this.format = format;
        this.speed = speed;
        this.tempo = tempo;
    }

    public String format() {
        return format;
    }

    /** Initial ticks per row. */
    public int speed() {
        return firstRowSpeed > 0 ? firstRowSpeed : speed;
    }

    /** Initial tempo (ticks last 2.5/tempo s). */
    public int tempo() {
        return firstRowTempo > 0 ? firstRowTempo : tempo;
    }

    /** Beats per minute at 4 rows per beat: tempo·6/speed. */
    public double bpm() {
        return tempo() * 6.0 / speed();
    }

    /** The rows per beat the composer's tracker highlights (IT only; 0 = not stored). */
    public int rowsPerBeat() {
        return rowsPerBeat;
    }

    /** True when the 4-rows-per-beat rule is not contradicted by a stored row highlight. */
    public boolean fourRowsPerBeat() {
        return rowsPerBeat == 0 || rowsPerBeat == 4;
    }

    /** True when the module never leaves its initial speed and tempo. */
    public boolean constant() {
        return !slides && speeds.stream().allMatch(s -> s == speed()) && tempos.stream().allMatch(t -> t == tempo());
    }

    /**
     * True when tempo·6/speed clearly is the module's beat: constant speed and tempo, no stored highlight other
     * than 4 rows per beat, and speed 4 or more (at speed 2–3 a row is so short that composers usually count 8 rows
     * per beat).
     */
    public boolean ruleApplies() {
        return constant() && fourRowsPerBeat() && speed() >= 4;
    }

    /** "IT speed 6 tempo 125 highlight 4 rows/beat" and any changes, for the reference list. */
    public String describe() {
        String s = String.format(Locale.ROOT, "%s speed %d tempo %d", format, speed(), tempo())
                + (rowsPerBeat > 0 ? " highlight " + rowsPerBeat + " rows/beat" : "");
        return constant() ? s
                : s + " (changes: speeds " + speeds + " tempos " + tempos + (slides ? " slides" : "") + ")";
    }

    /** Records a speed (ticks/row) command; first = on the first row played. */
    private void speedCommand(int value, boolean first) {
        if (value <= 0) {
            return; // speed 0 is ignored (or stops the song) in every tracker
        }
        speeds.add(value);
        if (first) {
            firstRowSpeed = value;
        }
    }

    private void tempoCommand(int value, boolean first) {
        tempos.add(value);
        if (first) {
            firstRowTempo = value;
        }
    }

    public static ModuleTempo read(Path file) throws IOException {
        byte[] b = Files.readAllBytes(file);
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".xm")) {
            return xm(b);
        } else if (name.endsWith(".s3m")) {
            return s3m(b);
        } else if (name.endsWith(".it")) {
            return it(b);
        } else if (name.endsWith(".mod")) {
            return mod(b);
        }
        throw new IOException("not a tracker module: " + file);
    }

    // ------------------------------------------------------------------ ProTracker MOD

    private static ModuleTempo mod(byte[] b) {
        ModuleTempo m = new ModuleTempo("MOD", 6, 125); // ProTracker's defaults; the header has neither
        int length = u8(b, 950);
        String sig = new String(b, 1080, 4, StandardCharsets.ISO_8859_1);
        int channels = sig.equals("M.K.") || sig.equals("M!K!") || sig.equals("FLT4") || sig.equals("4CHN") ? 4
                : sig.endsWith("CHN") ? sig.charAt(0) - '0'
                : sig.endsWith("CH") ? Integer.parseInt(sig.substring(0, 2)) : 4;
        for (int o = 0; o < length; o++) {
            int pattern = u8(b, 952 + o);
            int base = 1084 + pattern * 64 * channels * 4;
            for (int row = 0; row < 64; row++) {
                for (int c = 0; c < channels; c++) {
                    int at = base + (row * channels + c) * 4;
                    if (at + 3 >= b.length) {
                        continue;
                    }
                    protrackerF(m, u8(b, at + 2) & 0x0f, u8(b, at + 3), o == 0 && row == 0);
                }
            }
        }
        return m;
    }

    /** ProTracker/FastTracker effect F: below 0x20 sets the speed, from 0x20 the tempo. */
    private static void protrackerF(ModuleTempo m, int effect, int param, boolean first) {
        if (effect != 0x0f) {
            return;
        }
        if (param < 0x20) {
            m.speedCommand(param, first);
        } else {
            m.tempoCommand(param, first);
        }
    }

    // ------------------------------------------------------------------ FastTracker 2 XM

    private static ModuleTempo xm(byte[] b) {
        int headerSize = s32(b, 60);
        int length = u16(b, 64);
        int channels = u16(b, 68);
        int patterns = u16(b, 70);
        ModuleTempo m = new ModuleTempo("XM", u16(b, 76), u16(b, 78));
        int[] offsets = new int[patterns];
        int[] rows = new int[patterns];
        int at = 60 + headerSize;
        for (int p = 0; p < patterns; p++) {
            int patternHeader = s32(b, at);
            rows[p] = u16(b, at + 5);
            int packed = u16(b, at + 7);
            offsets[p] = packed == 0 ? -1 : at + patternHeader;
            at += patternHeader + packed;
        }
        for (int o = 0; o < length; o++) {
            int p = u8(b, 80 + o);
            if (p >= patterns || offsets[p] < 0) {
                continue;
            }
            int i = offsets[p];
            for (int row = 0; row < rows[p]; row++) {
                for (int c = 0; c < channels; c++) {
                    int flags = u8(b, i);
                    int effect = 0;
                    int param = 0;
                    if ((flags & 0x80) != 0) {
                        i++;
                        if ((flags & 1) != 0) i++;
                        if ((flags & 2) != 0) i++;
                        if ((flags & 4) != 0) i++;
                        if ((flags & 8) != 0) effect = u8(b, i++);
                        if ((flags & 16) != 0) param = u8(b, i++);
                    } else {
                        effect = u8(b, i + 3);
                        param = u8(b, i + 4);
                        i += 5;
                    }
                    protrackerF(m, effect, param, o == 0 && row == 0);
                }
            }
        }
        return m;
    }

    // ------------------------------------------------------------------ Scream Tracker 3 S3M

    private static ModuleTempo s3m(byte[] b) {
        int orders = u16(b, 0x20);
        int instruments = u16(b, 0x22);
        int patterns = u16(b, 0x24);
        ModuleTempo m = new ModuleTempo("S3M", u8(b, 0x31), u8(b, 0x32));
        int patternPointers = 0x60 + orders + 2 * instruments;
        boolean first = true;
        for (int o = 0; o < orders; o++) {
            int p = u8(b, 0x60 + o);
            if (p >= 254 || p >= patterns) {
                continue; // 254 = marker, 255 = end
            }
            int i = u16(b, patternPointers + 2 * p) * 16 + 2;
            for (int row = 0; row < 64; row++) {
                while (true) {
                    int what = u8(b, i++);
                    if (what == 0) {
                        break;
                    }
                    if ((what & 32) != 0) i += 2;
                    if ((what & 64) != 0) i += 1;
                    if ((what & 128) != 0) {
                        itCommand(m, u8(b, i), u8(b, i + 1), first && row == 0);
                        i += 2;
                    }
                }
            }
            first = false;
        }
        return m;
    }

    /** S3M/IT commands: A (1) sets the speed, T (20) the tempo (T0x/T1x slide it). */
    private static void itCommand(ModuleTempo m, int command, int param, boolean first) {
        if (command == 1) {
            m.speedCommand(param, first);
        } else if (command == 20) {
            if (param >= 0x20) {
                m.tempoCommand(param, first);
            } else {
                m.slides = true;
            }
        }
    }

    // ------------------------------------------------------------------ Impulse Tracker IT

    private static ModuleTempo it(byte[] b) {
        int orders = u16(b, 0x20);
        int instruments = u16(b, 0x22);
        int samples = u16(b, 0x24);
        int patterns = u16(b, 0x26);
        ModuleTempo m = new ModuleTempo("IT", u8(b, 0x32), u8(b, 0x33));
        m.rowsPerBeat = u8(b, 0x1e); // PHiligt: the row highlight, rows per beat
        int patternPointers = 0xC0 + orders + 4 * instruments + 4 * samples;
        boolean first = true;
        for (int o = 0; o < orders; o++) {
            int p = u8(b, 0xC0 + o);
            if (p >= 254 || p >= patterns) {
                continue;
            }
            int at = s32(b, patternPointers + 4 * p);
            if (at == 0) {
                continue; // an empty 64-row pattern
            }
            int rows = u16(b, at + 2);
            int i = at + 8;
            int[] lastMask = new int[64];
            int[] lastCommand = new int[64];
            int[] lastParam = new int[64];
            for (int row = 0; row < rows; row++) {
                while (true) {
                    int channelVariable = u8(b, i++);
                    if (channelVariable == 0) {
                        break;
                    }
                    int c = (channelVariable - 1) & 63;
                    int mask = (channelVariable & 128) != 0 ? (lastMask[c] = u8(b, i++)) : lastMask[c];
                    if ((mask & 1) != 0) i++;
                    if ((mask & 2) != 0) i++;
                    if ((mask & 4) != 0) i++;
                    if ((mask & 8) != 0) {
                        lastCommand[c] = u8(b, i);
                        lastParam[c] = u8(b, i + 1);
                        i += 2;
                    }
                    if ((mask & (8 | 128)) != 0) {
                        itCommand(m, lastCommand[c], lastParam[c], first && row == 0);
                    }
                }
            }
            first = false;
        }
        return m;
    }

    private static int u8(byte[] b, int i) {
        return b[i] & 0xff;
    }

    private static int u16(byte[] b, int i) {
        return u8(b, i) | u8(b, i + 1) << 8;
    }

    private static int s32(byte[] b, int i) {
        return u16(b, i) | u16(b, i + 2) << 16;
    }

    /** Prints one line per module: file, BPM by the rule, whether the rule applies, the header facts. */
    public static void main(String[] args) throws IOException {
        for (String arg : args) {
            ModuleTempo m = read(Path.of(arg));
            System.out.printf(Locale.ROOT, "%s\t%.2f\t%s\t%s%n", arg, m.bpm(), m.ruleApplies() ? "applies" : "skip",
                    m.describe());
        }
    }
}
