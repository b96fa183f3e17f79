package io.oms.deploy.k8s;

import java.util.List;
import java.util.Map;

/** Reading paths of parsed YAML (maps and lists) without casts in every test. */
final class Yamls {

    private Yamls() {
    }

    /** The value at {@code path} (keys of maps, indexes of lists), or null when any step is missing. */
    static Object at(Object node, Object... path) {
        Object current = node;
        for (Object step : path) {
            if (current instanceof Map<?, ?> map) {
                current = map.get(step);
            } else if (current instanceof List<?> list && step instanceof Integer index) {
                current = index < list.size() ? list.get(index) : null;
            } else {
                return null;
            }
        }
        return current;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object node, Object... path) {
        Object value = at(node, path);
        return value instanceof Map<?, ?> ? (Map<String, Object>) value : Map.of();
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(Object node, Object... path) {
        Object value = at(node, path);
        return value instanceof List<?> ? (List<Map<String, Object>>) value : List.of();
    }

    /** The list at {@code path} as strings (empty when missing). */
    static List<String> strings(Object node, Object... path) {
        Object value = at(node, path);
        return value instanceof List<?> items ? items.stream().map(String::valueOf).toList() : List.of();
    }

    static String string(Object node, Object... path) {
        Object value = at(node, path);
        return value == null ? null : String.valueOf(value);
    }

    static String kind(Map<String, Object> doc) {
        return string(doc, "kind");
    }

    static String name(Map<String, Object> doc) {
        return string(doc, "metadata", "name");
    }
}
