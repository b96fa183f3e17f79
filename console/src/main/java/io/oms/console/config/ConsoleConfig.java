package io.oms.console.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.Map;
import java.util.Optional;

/** The console's own settings (the services' addresses are the REST clients' {@code quarkus.rest-client.*.url}). */
@ConfigMapping(prefix = "oms.console")
public interface ConsoleConfig {

    /** The connectors by channel name: {@code oms.console.channels.etsy=http://...}. */
    Map<String, String> channels();

    /** A bearer token sent to the APIs when no user is logged in (a service account's token); none by default. */
    Optional<String> apiToken();

    /** Rows per page of the lists. */
    @WithDefault("50")
    int pageSize();

    /** How often (seconds) a page with a running operation (a sync) refreshes its progress. */
    @WithDefault("2")
    int refreshSeconds();
}
