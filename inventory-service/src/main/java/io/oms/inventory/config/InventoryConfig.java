package io.oms.inventory.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Settings of inventory-service ({@code oms.inventory.*}). */
@ConfigMapping(prefix = "oms.inventory")
public interface InventoryConfig {

    StockEvents stockEvents();

    Api api();

    interface StockEvents {
        /** Window in which changes of one SKU are coalesced into one StockChanged with the latest value. */
        @WithDefault("200ms")
        Duration window();

        /** Most SKUs published per window (the rest follow in the next one). */
        @WithDefault("1000")
        int batchSize();
    }

    interface Api {
        /** Page size of list endpoints when the caller gives none. */
        @WithDefault("50")
        int defaultPageSize();

        /** Largest page size a caller may ask for. */
        @WithDefault("500")
        int maxPageSize();
    }
}
