package dev.aivj.bench;

import java.util.List;
import java.util.Map;

/** Reads numbers out of the objects Playwright returns from the page (JS numbers arrive as Integer or Double). */
final class Js {
    private Js() {
    }

    static double num(Object value) {
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        throw new IllegalStateException("expected a number from the page, got " + value);
    }

    static double num(Map<String, Object> object, String key) {
        return num(object.get(key));
    }

    static double[] nums(Object list) {
        if (!(list instanceof List<?> l)) {
            throw new IllegalStateException("expected an array from the page, got " + list);
        }
        double[] out = new double[l.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = num(l.get(i));
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> obj(Object value) {
        if (value instanceof Map<?, ?> m) {
            return (Map<String, Object>) m;
        }
        throw new IllegalStateException("expected an object from the page, got " + value);
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object value) {
        if (value instanceof List<?> l) {
            return (List<Object>) l;
        }
        throw new IllegalStateException("expected an array from the page, got " + value);
    }
}
