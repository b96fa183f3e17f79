package io.oms.console.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The outcome of releasing every held order of a shop, in words. The release APIs answer only how many they released
 * ({@code {"released": n}}), so the console reads the held orders just before and just after: "Released 2 of 3 held
 * orders; still on hold: 1003". It says nothing it did not read: orders held after the first read are not counted.
 */
public final class BulkRelease {

    /** Held lists are read up to this many orders (the APIs' largest page). */
    public static final int READ = 500;

    private BulkRelease() {
    }

    /**
     * @param released what the API answered
     * @param before the held orders read before the release; {@code beforeTotal} their total
     * @param after the held orders read after it
     * @param key an order's identity in both lists; {@code label} how the operator knows it
     */
    public static String inWords(Object released, List<Map<String, Object>> before, long beforeTotal, List<Map<String, Object>> after,
            Function<Map<String, Object>, Object> key, Function<Map<String, Object>, Object> label) {
        int count = released instanceof Number n ? n.intValue() : -1;
        String what = count < 0 ? "Released the held orders (the API did not say how many)" : "Released " + count;
        if (count >= 0) {
            what += count > beforeTotal ? " held orders" : " of " + (beforeTotal > before.size() ? "at least " : "") + beforeTotal + " held orders";
        }
        Set<Object> stillHeld = new java.util.HashSet<>();
        for (Map<String, Object> order : after) {
            stillHeld.add(key.apply(order));
        }
        List<String> notReleased = new ArrayList<>();
        for (Map<String, Object> order : before) {
            if (stillHeld.contains(key.apply(order))) {
                notReleased.add(String.valueOf(label.apply(order)));
            }
        }
        if (!notReleased.isEmpty()) {
            what += "; not released, still on hold: " + String.join(", ", notReleased);
        }
        return what;
    }
}
