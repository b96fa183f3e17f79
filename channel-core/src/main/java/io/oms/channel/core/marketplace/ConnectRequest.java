package io.oms.channel.core.marketplace;

import java.util.Map;
import java.util.Optional;

/** The body of {@code POST /api/v1/shops}, as sent: each channel names its own fields. */
public record ConnectRequest(Map<String, Object> fields) {

    public ConnectRequest {
        fields = fields == null ? Map.of() : Map.copyOf(fields);
    }

    public Optional<String> text(String field) {
        Object value = fields.get(field);
        return value == null || value.toString().isBlank() ? Optional.empty() : Optional.of(value.toString().trim());
    }

    /** The field's text, or a refusal naming the missing field. */
    public String require(String field) {
        return text(field).orElseThrow(() -> MarketplaceRefusal.missingField(field));
    }

    @Override
    public String toString() {
        return "ConnectRequest" + fields.keySet() + " (values hidden)";
    }
}
