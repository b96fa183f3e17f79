package io.oms.fulfilment.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** fulfilment-service's own settings. */
@ConfigMapping(prefix = "oms.fulfilment")
public interface FulfilmentConfig {

    /** Release orders for picking already when they become NEW, not only at READY_FOR_PICKING. */
    @WithDefault("false")
    boolean releaseOnNew();

    /** The ce_source of events this service publishes. */
    @WithDefault("/fulfilment-service")
    String eventSource();

    /** Largest page size the list endpoints accept. */
    @WithDefault("200")
    int maxPageSize();
}
