package io.oms.channel.core;

import io.oms.messaging.schema.ModuleMigrations;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.flywaydb.core.api.output.MigrateResult;

import javax.sql.DataSource;
import java.util.List;

/**
 * Creates and upgrades the connector core's tables (shops, leases, sync runs, published orders) in the
 * channel service's database.
 *
 * <p>Like messaging, the core keeps its own Flyway history table ({@code flyway_channel_core_history}),
 * so no channel copies this DDL and its version numbers never collide with the service's own
 * migrations. The migrations are listed rather than scanned: scanning a dependency jar is not
 * reliable under Quarkus. The core reads and writes its tables with JDBC, not Hibernate, because
 * Hibernate validates entities before this start-up observer has created them.
 */
@ApplicationScoped
public class ChannelCoreSchema {

    private static final ModuleMigrations MIGRATIONS = new ModuleMigrations("db/channel-core", "flyway_channel_core_history",
            List.of("V1__shops_leases_sync_runs.sql", "V2__recheck_open_orders.sql",
                    "V3__listings_push_queue_shipments.sql", "V4__held_orders.sql", "V5__oauth_states.sql",
                    "V6__shop_location.sql", "V7__replicas.sql", "V8__run_position.sql"));

    private final DataSource dataSource;
    private volatile boolean migrated;

    public ChannelCoreSchema(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    void onStart(@Observes @Priority(90) StartupEvent event) {
        migrate();
    }

    /** Brings the tables up to date once per process; later calls return at once. */
    public synchronized void migrate() {
        if (migrated) {
            return;
        }
        MigrateResult result = MIGRATIONS.migrate(dataSource);
        Log.infof("channel-core schema at version %s (%d migrations applied)", result.targetSchemaVersion, result.migrationsExecuted);
        migrated = true;
    }
}
