package io.oms.channel.core.marketplace;

/**
 * The marketplace (or the connection request) said no, in words an operator can act on. An expected
 * outcome at the edges (connect, test-connection), a failed run elsewhere.
 */
public class MarketplaceRefusal extends RuntimeException {

    private final String field;

    public MarketplaceRefusal(String message) {
        this(message, null);
    }

    public MarketplaceRefusal(String message, String field) {
        super(message);
        this.field = field;
    }

    public static MarketplaceRefusal missingField(String field) {
        return new MarketplaceRefusal(field + " is required", field);
    }

    /** The request field the refusal is about, or null. */
    public String field() {
        return field;
    }
}
