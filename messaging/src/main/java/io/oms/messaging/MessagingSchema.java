package io.oms.messaging;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.Location;
import org.flywaydb.core.api.ResourceProvider;
import org.flywaydb.core.api.output.MigrateResult;
import org.flywaydb.core.api.resource.LoadableResource;
import org.flywaydb.core.internal.resource.classpath.ClassPathResource;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * Creates and upgrades the outbox and inbox tables in the service's database.
 *
 * <p>Messaging keeps its own Flyway history table, so its migrations never collide with the
 * service's own version numbers and no service copies this DDL. The migrations are listed here
 * rather than scanned: class-path scanning of a dependency jar is not reliable under Quarkus.
 */
@ApplicationScoped
public class MessagingSchema {

    private static final String LOCATION = "db/messaging";
    private static final List<String> MIGRATIONS = List.of("V1__outbox_and_inbox.sql");

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
        MigrateResult result = Flyway.configure(MessagingSchema.class.getClassLoader())
                .dataSource(dataSource)
                .table("flyway_messaging_history")
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .resourceProvider(new ListedResources())
                .load()
                .migrate();
        Log.infof("messaging schema at version %s (%d migrations applied)", result.targetSchemaVersion, result.migrationsExecuted);
        migrated = true;
    }

    private static final class ListedResources implements ResourceProvider {
        private final Location location = new Location("classpath:" + LOCATION);
        private final ClassLoader classLoader = MessagingSchema.class.getClassLoader();

        @Override
        public LoadableResource getResource(String name) {
            return MIGRATIONS.contains(name) ? resource(name) : null;
        }

        @Override
        public Collection<LoadableResource> getResources(String prefix, String... suffixes) {
            return MIGRATIONS.stream()
                    .filter(name -> name.startsWith(prefix) && Arrays.stream(suffixes).anyMatch(name::endsWith))
                    .map(this::resource)
                    .toList();
        }

        private LoadableResource resource(String name) {
            return new ClassPathResource(location, LOCATION + "/" + name, classLoader, StandardCharsets.UTF_8);
        }
    }
}
