package io.oms.console.fulfilment;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The carrier the ship form preselects for an order that carries a shipping method: the carrier fulfilment-service maps
 * the channel's method to, else the carrier whose code or name the method names ("DHL Paket" names DHL). The operator can
 * still choose another; with no match nothing is preselected.
 *
 * @param code the carrier's code, or null
 * @param why how it was chosen, shown next to the field
 */
public record CarrierChoice(String code, String why) {

    static final CarrierChoice NONE = new CarrierChoice(null, null);

    /**
     * @param mapping fulfilment-service's mapping of the method ({@code carrier}, {@code service}), or null when it has none
     * @param carriers the carrier table ({@code code}, {@code name})
     */
    static CarrierChoice of(String shippingMethod, Map<String, Object> mapping, List<Map<String, Object>> carriers) {
        if (shippingMethod == null || shippingMethod.isBlank()) {
            return NONE;
        }
        if (mapping != null && mapping.get("carrier") != null) {
            String carrier = String.valueOf(mapping.get("carrier"));
            Object service = mapping.get("service");
            return new CarrierChoice(carrier, "shipping method '" + shippingMethod + "' is mapped to " + carrier
                    + (service == null ? "" : " " + service));
        }
        String method = shippingMethod.toLowerCase(Locale.ROOT);
        Map<String, Object> best = null;
        int bestLength = 0;
        for (Map<String, Object> carrier : carriers) {
            for (Object name : new Object[] { carrier.get("code"), carrier.get("name") }) {
                String n = name == null ? "" : name.toString().toLowerCase(Locale.ROOT).trim();
                // the longest name wins, so "DHL Express" is not taken for "DHL"
                if (!n.isEmpty() && names(method, n) && n.length() > bestLength) {
                    best = carrier;
                    bestLength = n.length();
                }
            }
        }
        return best == null ? new CarrierChoice(null, "shipping method '" + shippingMethod + "' names no carrier")
                : new CarrierChoice(String.valueOf(best.get("code")), "named by the shipping method '" + shippingMethod + "'");
    }

    /** Whether the method names the carrier as a word of its own ("ups" is in "UPS Standard", not in "groups"). */
    private static boolean names(String method, String carrier) {
        int at = method.indexOf(carrier);
        while (at >= 0) {
            boolean startsWord = at == 0 || !Character.isLetterOrDigit(method.charAt(at - 1));
            int end = at + carrier.length();
            boolean endsWord = end == method.length() || !Character.isLetterOrDigit(method.charAt(end));
            if (startsWord && endsWord) {
                return true;
            }
            at = method.indexOf(carrier, at + 1);
        }
        return false;
    }
}
