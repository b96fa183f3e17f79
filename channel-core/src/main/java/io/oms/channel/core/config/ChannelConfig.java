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
}
