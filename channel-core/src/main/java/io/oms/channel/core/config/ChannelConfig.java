package io.oms.channel.core.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/** Settings of the connector core, shared by every channel service. */
@ConfigMapping(prefix = "oms.channel")
public interface ChannelConfig {

    /** Base64 of a 16, 24 or 32 byte AES key that encrypts shop credentials at rest (OMS_CHANNEL_ENCRYPTION_KEY); required. */
    Optional<String> encryptionKey();

    /** This replica's name in the lease table; defaults to the host name plus a random suffix. */
    Optional<String> replicaId();

    Lease lease();

    Sync sync();

    Push push();

    Limits limits();

    OAuth oauth();

    interface OAuth {
        /** Where the marketplace sends the operator back after the login: this service's {@code /api/v1/shops/oauth/callback}. */
        @WithDefault("http://localhost:8084/api/v1/shops/oauth/callback")
        String redirectUri();

        /** How long a started authorization (state and PKCE verifier) waits for the login. */
        @WithDefault("5m")
        Duration stateTtl();
    }

    interface Lease {
        /** How long a lease lasts without a heartbeat; a dead replica's shops move after this. */
        @WithDefault("30s")
        Duration ttl();

        /** How many shops one replica works at most. */
        @WithDefault("100")
        int maxShops();
    }

    interface Sync {
        /** How often a replica renews its leases and looks for due work. */
        @WithDefault("2s")
        Duration tick();

        /** Threads that run shop syncs in parallel on one replica. */
        @WithDefault("4")
        int workers();

        /** Order sync interval of a newly connected shop. */
        @WithDefault("60s")
        Duration defaultInterval();

        /** How far back the first sync of a new shop looks. */
        @WithDefault("P90D")
        Duration initialLookback();

        /** How often orders that are neither shipped nor closed are read again (cancellations, refunds). */
        @WithDefault("15m")
        Duration recheckInterval();

        /** Orders per marketplace page. */
        @WithDefault("100")
        int pageSize();
    }

    interface Push {
        /** Threads that drain shops' push queues (stock, price, shipments) in parallel on one replica. */
        @WithDefault("4")
        int workers();

        /** Queue rows (listings, shipments) taken per drain cycle of a shop. */
        @WithDefault("100")
        int batchSize();

        /**
         * Listings a channel may read ahead in one go before pushing them one by one (Etsy: one getListingsByListingIds
         * call instead of a getListingInventory per listing). Each push writes what was read at most this many
         * pushes earlier, so the number also bounds how old the listing read before its write is.
         */
        @WithDefault("25")
        int readAhead();

        /**
         * Marketplace writes per drain cycle of a shop whose channel writes stock in batches ({@code BatchInventoryPushChannel}):
         * the cycle hands it up to this many times its {@code maxPerCall()} SKUs.
         */
        @WithDefault("4")
        int batchCalls();

        /** Attempts of a push that keeps failing for an outage before it ends in a failure result. */
        @WithDefault("20")
        int maxAttempts();

        /** First delay before a failed push is tried again; doubles per attempt up to 32 times this. */
        @WithDefault("2s")
        Duration retryBackoff();
    }

    interface Limits {
        /** Calls per second before the marketplace has told its own limit (Etsy's x-limit-per-second replaces it). */
        @WithDefault("10")
        int defaultPerSecond();

        /** The limiter's window; a little over a second, so calls that reach the marketplace later stay inside its window. */
        @WithDefault("1100ms")
        Duration window();

        /** Calls left today at which a shop stops calling (Etsy's x-remaining-today), keeping a reserve. */
        @WithDefault("100")
        int dailyReserve();

        /** How long a shop that reached the daily reserve waits before it tries again. */
        @WithDefault("1h")
        Duration dailyPause();

        /** Marketplace answers kept per shop to judge its health (circuit breaker window). */
        @WithDefault("20")
        int breakerWindow();

        /** Share of failed answers (5xx, timeouts) in the window that opens the shop's circuit. */
        @WithDefault("0.75")
        double breakerFailureRatio();

        /** How long an open circuit refuses calls before one trial call is let through. */
        @WithDefault("5s")
        Duration breakerDelay();
    }
}
