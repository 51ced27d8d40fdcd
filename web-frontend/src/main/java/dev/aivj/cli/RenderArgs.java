package dev.aivj.cli;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** {@code --name value} options of the render commands, each known name at most once. */
final class RenderArgs {
    private final Map<String, String> values = new HashMap<>();

    /** @throws IllegalArgumentException for an unknown option, a missing value or a repeated option */
    RenderArgs(String[] args, Set<String> known) {
        for (int i = 0; i < args.length; i += 2) {
            if (!known.contains(args[i])) throw new IllegalArgumentException("unknown option " + args[i]);
            if (i + 1 >= args.length) throw new IllegalArgumentException(args[i] + " needs a value");
            if (values.put(args[i], args[i + 1]) != null) throw new IllegalArgumentException(args[i] + " given twice");
        }
    }

    String get(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    /** @throws IllegalArgumentException when the option is missing */
    String required(String name) {
        String v = values.get(name);
        if (v == null) throw new IllegalArgumentException(name + " is required");
        return v;
    }

    /** @throws IllegalArgumentException when the value is not a number */
    double number(String name, double fallback) {
        String v = values.get(name);
        try {
            return v == null ? fallback : Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " needs a number, not '" + v + "'");
        }
    }
}
