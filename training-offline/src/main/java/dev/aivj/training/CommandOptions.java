package dev.aivj.training;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A command line of {@code --name value} options, checked against the names a command takes, and positional
 * arguments (anything not starting with "--"). Every problem is an IllegalArgumentException with one line the
 * command prints: "unknown argument --x", "--seeds needs a value", "--seeds needs a whole number, not ten".
 */
public final class CommandOptions {
    private final Map<String, String> values;
    private final List<String> positional;

    private CommandOptions(Map<String, String> values, List<String> positional) {
        this.values = values;
        this.positional = positional;
    }

    /** @param names the options the command takes, e.g. "--out" */
    public static CommandOptions parse(String[] args, String... names) {
        Set<String> known = Set.of(names);
        Map<String, String> values = new LinkedHashMap<>();
        List<String> positional = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (!a.startsWith("--")) {
                positional.add(a);
            } else if (!known.contains(a)) {
                throw new IllegalArgumentException("unknown argument " + a);
            } else if (i + 1 >= args.length) {
                throw new IllegalArgumentException(a + " needs a value");
            } else {
                values.put(a, args[++i]);
            }
        }
        return new CommandOptions(values, positional);
    }

    public List<String> positional() {
        return positional;
    }

    public boolean has(String name) {
        return values.containsKey(name);
    }

    public String text(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    public Path path(String name, Path fallback) {
        String v = values.get(name);
        if (v == null) {
            return fallback;
        }
        try {
            return Path.of(v);
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException(name + " is not a usable path: " + v);
        }
    }

    public int integer(String name, int fallback) {
        return (int) whole(name, fallback);
    }

    public long whole(String name, long fallback) {
        String v = values.get(name);
        try {
            return v == null ? fallback : Long.parseLong(v.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " needs a whole number, not " + v);
        }
    }

    /** A comma-separated list of numbers, e.g. {@code --gammas 0,1,2}. */
    public double[] numbers(String name, double[] fallback) {
        String v = values.get(name);
        try {
            return v == null ? fallback : java.util.Arrays.stream(v.split(",")).mapToDouble(s -> Double.parseDouble(
                    s.strip())).toArray();
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " needs numbers separated by commas, not " + v);
        }
    }
}
