package io.oms.messaging;

import io.oms.messaging.schema.ModuleMigrations;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import org.flywaydb.core.api.output.MigrateResult;

import javax.sql.DataSource;
import java.util.List;

/** Creates and upgrades the outbox and inbox tables in the service's database, with their own history. */
@ApplicationScoped
public class MessagingSchema {

    private static final ModuleMigrations MIGRATIONS = new ModuleMigrations("db/messaging", "flyway_messaging_history",
            List.of("V1__outbox_and_inbox.sql"));

    private final DataSource dataSource;
    private volatile boolean migrated;

    public MessagingSchema(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Brings the tables up to date once per process; later calls return at once. */
    public synchronized void migrate() {
        if (migrated) {
            return;
        }
        MigrateResult result = MIGRATIONS.migrate(dataSource);
        Log.infof("messaging schema at version %s (%d migrations applied)", result.targetSchemaVersion, result.migrationsExecuted);
        migrated = true;
    }
}
