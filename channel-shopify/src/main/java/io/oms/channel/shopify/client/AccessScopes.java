package io.oms.channel.shopify.client;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Which of the scopes the connector needs a shop did not grant. */
public final class AccessScopes {

    private AccessScopes() {
    }

    /** A {@code write_x} scope implies {@code read_x} (Shopify's rule), so it satisfies a needed read scope. */
    public static List<String> missing(Collection<String> granted, Collection<String> required) {
        Set<String> have = new LinkedHashSet<>(granted);
        granted.stream().filter(s -> s.startsWith("write_")).forEach(s -> have.add("read_" + s.substring("write_".length())));
        return required.stream().filter(s -> !have.contains(s)).toList();
    }
}
