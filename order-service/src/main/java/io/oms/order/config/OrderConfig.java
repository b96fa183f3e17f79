package io.oms.order.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of order-service ({@code oms.order.*}). */
@ConfigMapping(prefix = "oms.order")
public interface OrderConfig {

    /** ISO 4217 code of the seller's base currency; orders in another currency are flagged currency-mismatch. */
    @WithDefault("EUR")
    String baseCurrency();

    /** Largest page size the list endpoints accept. */
    @WithDefault("500")
    int maxPageSize();

    /** Whether snapshots that the contract refused (order-imported DLQ) are recorded as rejected orders. */
    @WithDefault("true")
    boolean recordDeadLetteredSnapshots();
}
