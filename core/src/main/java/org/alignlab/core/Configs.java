package org.alignlab.core;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Config records: their documented keys, their values as text, and {@code key=value} overrides with type and
 * range checks. Supported component types: int, long, double, boolean (and boxes), String, enums, int[] and
 * double[] (written comma-separated).
 */
public final class Configs {
    private Configs() {}

    /** One documented config key. */
    public record ParamInfo(String key, String type, String defaultValue, String doc, double min, double max,
                            List<String> choices) {
        /** "[0, 1]", "≥ 1", "one of a, b" or "" when unbounded. */
        public String range() {
            if (!choices.isEmpty()) return "one of " + String.join(", ", choices);
            boolean lo = min != Double.NEGATIVE_INFINITY;
            boolean hi = max != Double.POSITIVE_INFINITY;
            if (lo && hi) return "[" + fmt(min) + ", " + fmt(max) + "]";
            if (lo) return ">= " + fmt(min);
            if (hi) return "<= " + fmt(max);
            return "";
        }
    }

    public static <C extends Record> List<ParamInfo> describe(C config) {
        List<ParamInfo> out = new ArrayList<>();
        for (RecordComponent rc : config.getClass().getRecordComponents()) {
            Param p = rc.getAnnotation(Param.class);
            Class<?> t = rc.getType();
            List<String> choices = new ArrayList<>();
            if (t.isEnum()) {
                for (Object c : t.getEnumConstants()) choices.add(((Enum<?>) c).name().toLowerCase(Locale.ROOT));
            } else if (p != null) {
                choices.addAll(Arrays.asList(p.choices()));
            }
            out.add(new ParamInfo(rc.getName(), typeName(t), format(get(rc, config)), p == null ? "" : p.value(),
                    p == null ? Double.NEGATIVE_INFINITY : p.min(), p == null ? Double.POSITIVE_INFINITY : p.max(),
                    List.copyOf(choices)));
        }
        return out;
    }

    /** The config as ordered key → text, the form stored as a run's params. */
    public static <C extends Record> Map<String, String> toMap(C config) {
        Map<String, String> out = new LinkedHashMap<>();
        for (RecordComponent rc : config.getClass().getRecordComponents()) {
            out.put(rc.getName(), format(get(rc, config)));
        }
        return out;
    }

    /** Parses {@code key=value} words into an ordered map, refusing malformed words and repeated keys. */
    public static Map<String, String> parseAssignments(List<String> words) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String w : words) {
            int eq = w.indexOf('=');
            if (eq <= 0) throw new UsageException("override '" + w + "' is not key=value (e.g. samples=1000)");
            String key = w.substring(0, eq).trim();
            if (out.put(key, w.substring(eq + 1).trim()) != null) {
                throw new UsageException("override key '" + key + "' given twice");
            }
        }
        return out;
    }

    /** A copy of {@code base} with the overrides applied; every key and value is checked. */
    @SuppressWarnings("unchecked")
    public static <C extends Record> C override(C base, Map<String, String> overrides) {
        if (overrides.isEmpty()) return base;
        RecordComponent[] rcs = base.getClass().getRecordComponents();
        Object[] values = new Object[rcs.length];
        for (int i = 0; i < rcs.length; i++) values[i] = get(rcs[i], base);
        for (Map.Entry<String, String> e : overrides.entrySet()) {
            int idx = -1;
            for (int i = 0; i < rcs.length; i++) if (rcs[i].getName().equals(e.getKey())) idx = i;
            if (idx < 0) {
                String valid = Arrays.stream(rcs).map(RecordComponent::getName).collect(Collectors.joining(", "));
                throw new UsageException("unknown config key '" + e.getKey() + "'; valid keys: " + valid);
            }
            values[idx] = parse(rcs[idx], e.getValue());
        }
        try {
            Class<?>[] types = Arrays.stream(rcs).map(RecordComponent::getType).toArray(Class<?>[]::new);
            Constructor<?> ctor = base.getClass().getDeclaredConstructor(types);
            ctor.setAccessible(true);
            return (C) ctor.newInstance(values);
        } catch (InvocationTargetException ex) {
            Throwable cause = ex.getCause();
            if (cause instanceof UsageException u) throw u;
            if (cause instanceof IllegalArgumentException iae) throw new UsageException("bad config: " + iae.getMessage());
            throw new IllegalStateException(cause);
        } catch (ReflectiveOperationException ex) {
            throw new IllegalStateException("config " + base.getClass().getName() + " cannot be rebuilt", ex);
        }
    }

    private static Object parse(RecordComponent rc, String text) {
        Class<?> t = rc.getType();
        Param p = rc.getAnnotation(Param.class);
        String key = rc.getName();
        try {
            Object v;
            if (t == int.class || t == Integer.class) {
                v = Integer.parseInt(text);
                checkRange(key, p, ((Integer) v).doubleValue());
            } else if (t == long.class || t == Long.class) {
                v = Long.parseLong(text);
                checkRange(key, p, ((Long) v).doubleValue());
            } else if (t == double.class || t == Double.class) {
                double d = Double.parseDouble(text);
                if (!Double.isFinite(d)) throw new UsageException(key + "=" + text + ": must be a finite number");
                checkRange(key, p, d);
                v = d;
            } else if (t == boolean.class || t == Boolean.class) {
                if (!text.equalsIgnoreCase("true") && !text.equalsIgnoreCase("false")) {
                    throw new UsageException(key + "=" + text + ": must be true or false");
                }
                v = Boolean.parseBoolean(text);
            } else if (t == String.class) {
                if (p != null && p.choices().length > 0 && !Arrays.asList(p.choices()).contains(text)) {
                    throw new UsageException(key + "=" + text + ": must be one of " + String.join(", ", p.choices()));
                }
                v = text;
            } else if (t.isEnum()) {
                v = null;
                for (Object c : t.getEnumConstants()) {
                    if (((Enum<?>) c).name().equalsIgnoreCase(text)) v = c;
                }
                if (v == null) {
                    String names = Arrays.stream(t.getEnumConstants())
                            .map(c -> ((Enum<?>) c).name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "));
                    throw new UsageException(key + "=" + text + ": must be one of " + names);
                }
            } else if (t == double[].class) {
                double[] arr = Arrays.stream(splitList(text)).mapToDouble(Double::parseDouble).toArray();
                for (double d : arr) {
                    if (!Double.isFinite(d)) throw new UsageException(key + "=" + text + ": values must be finite");
                    checkRange(key, p, d);
                }
                v = arr;
            } else if (t == int[].class) {
                int[] arr = Arrays.stream(splitList(text)).mapToInt(Integer::parseInt).toArray();
                for (int d : arr) checkRange(key, p, d);
                v = arr;
            } else {
                throw new IllegalStateException("config type " + t + " of '" + key + "' is not supported");
            }
            return v;
        } catch (NumberFormatException ex) {
            throw new UsageException(key + "=" + text + ": expected " + typeName(t));
        }
    }

    private static String[] splitList(String text) {
        String s = text.trim();
        if (s.startsWith("[") && s.endsWith("]")) s = s.substring(1, s.length() - 1);
        if (s.isBlank()) return new String[0];
        return Arrays.stream(s.split(",")).map(String::trim).toArray(String[]::new);
    }

    private static void checkRange(String key, Param p, double v) {
        if (p == null) return;
        if (v < p.min() || v > p.max()) {
            String range = new ParamInfo(key, "", "", "", p.min(), p.max(), List.of()).range();
            throw new UsageException(key + "=" + fmt(v) + " is out of range: must be " + range);
        }
    }

    private static Object get(RecordComponent rc, Object rec) {
        try {
            var m = rc.getAccessor();
            m.setAccessible(true);
            return m.invoke(rec);
        } catch (ReflectiveOperationException ex) {
            throw new IllegalStateException(ex);
        }
    }

    static String typeName(Class<?> t) {
        if (t == int.class || t == Integer.class || t == long.class || t == Long.class) return "integer";
        if (t == double.class || t == Double.class) return "number";
        if (t == boolean.class || t == Boolean.class) return "boolean";
        if (t == double[].class) return "numbers";
        if (t == int[].class) return "integers";
        if (t.isEnum()) return "choice";
        return "text";
    }

    static String format(Object v) {
        if (v == null) return "";
        if (v instanceof double[] arr) {
            return Arrays.stream(arr).mapToObj(Configs::fmt).collect(Collectors.joining(","));
        }
        if (v instanceof int[] arr) {
            return Arrays.stream(arr).mapToObj(Integer::toString).collect(Collectors.joining(","));
        }
        if (v instanceof Double d) return fmt(d);
        if (v instanceof Enum<?> e) return e.name().toLowerCase(Locale.ROOT);
        return String.valueOf(v);
    }

    static String fmt(double d) {
        if (d == Math.rint(d) && Math.abs(d) < 1e15) return Long.toString((long) d);
        return Double.toString(d);
    }
}
