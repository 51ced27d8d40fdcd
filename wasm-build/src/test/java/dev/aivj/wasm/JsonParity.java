package dev.aivj.wasm;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Walks two JSON trees side by side: same keys, same array lengths, equal strings/booleans/nulls and numbers
 * with |a − b| ≤ tol·max(1, |a|) (a = expected, from the JVM). Records the largest differences seen.
 */
final class JsonParity {
    private final double tolerance;
    final List<String> mismatches = new ArrayList<>();
    long numbersCompared;
    double maxAbsDiff;
    String maxAbsPath = "-";
    double maxRelDiff;
    String maxRelPath = "-";

    JsonParity(double tolerance) {
        this.tolerance = tolerance;
    }

    JsonParity compare(JsonNode expected, JsonNode actual) {
        walk("$", expected, actual);
        return this;
    }

    private void mismatch(String path, String what) {
        if (mismatches.size() < 20) {
            mismatches.add(path + ": " + what);
        } else if (mismatches.size() == 20) {
            mismatches.add("... (more)");
        }
    }

    private void walk(String path, JsonNode e, JsonNode a) {
        if (e.isNumber() && a.isNumber()) {
            double x = e.doubleValue();
            double y = a.doubleValue();
            numbersCompared++;
            double abs = Math.abs(x - y);
            if (Double.isNaN(abs) || abs > tolerance * Math.max(1.0, Math.abs(x))) {
                mismatch(path, "expected " + e + " but Wasm gave " + a);
            }
            if (abs > maxAbsDiff) {
                maxAbsDiff = abs;
                maxAbsPath = path;
            }
            double rel = x == 0.0 ? (y == 0.0 ? 0.0 : Double.POSITIVE_INFINITY) : abs / Math.abs(x);
            if (rel > maxRelDiff) {
                maxRelDiff = rel;
                maxRelPath = path;
            }
            return;
        }
        if (e.getNodeType() != a.getNodeType()) {
            mismatch(path, "type " + e.getNodeType() + " vs " + a.getNodeType());
            return;
        }
        if (e.isObject()) {
            Set<String> ek = new TreeSet<>();
            e.fieldNames().forEachRemaining(ek::add);
            Set<String> ak = new TreeSet<>();
            a.fieldNames().forEachRemaining(ak::add);
            if (!ek.equals(ak)) {
                mismatch(path, "keys " + ek + " vs " + ak);
            }
            for (Iterator<String> it = e.fieldNames(); it.hasNext(); ) {
                String k = it.next();
                if (a.has(k)) {
                    walk(path + "." + k, e.get(k), a.get(k));
                }
            }
        } else if (e.isArray()) {
            if (e.size() != a.size()) {
                mismatch(path, "array length " + e.size() + " vs " + a.size());
                return;
            }
            for (int i = 0; i < e.size(); i++) {
                walk(path + "[" + i + "]", e.get(i), a.get(i));
            }
        } else if (!e.equals(a)) {
            mismatch(path, "expected " + e + " but Wasm gave " + a);
        }
    }

    String summary() {
        return String.format("%,d numbers compared; max |a-b| = %.3g at %s; max relative = %.3g at %s",
                numbersCompared, maxAbsDiff, maxAbsPath, maxRelDiff, maxRelPath);
    }
}
