package io.oms.messaging.schema;

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
 * The tables a shared module (messaging, the connector core) owns inside a service's database,
 * migrated with a Flyway history table of the module's own.
 *
 * <p>So the module's versions never collide with the service's migrations and no service copies
 * the module's DDL. The migrations are listed rather than scanned: scanning the class path of a
 * dependency jar is not reliable under Quarkus.
 *
 * @param location     class-path folder of the migrations, e.g. {@code db/messaging}
 * @param historyTable the module's Flyway history table
 * @param migrations   the file names in that folder, e.g. {@code V1__outbox_and_inbox.sql}
 */
public record ModuleMigrations(String location, String historyTable, List<String> migrations) {

    public ModuleMigrations {
        migrations = List.copyOf(migrations);
    }

    /** Applies what is missing; tables that exist already (a schema the service migrated first) stay. */
    public MigrateResult migrate(DataSource dataSource) {
        return Flyway.configure(ModuleMigrations.class.getClassLoader())
                .dataSource(dataSource)
                .table(historyTable)
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .resourceProvider(new ListedResources())
                .load()
                .migrate();
    }

    private final class ListedResources implements ResourceProvider {
        private final Location classPathLocation = new Location("classpath:" + location);
        private final ClassLoader classLoader = ModuleMigrations.class.getClassLoader();

        @Override
        public LoadableResource getResource(String name) {
            return migrations.contains(name) ? resource(name) : null;
        }

        @Override
        public Collection<LoadableResource> getResources(String prefix, String... suffixes) {
            return migrations.stream()
                    .filter(name -> name.startsWith(prefix) && Arrays.stream(suffixes).anyMatch(name::endsWith))
                    .map(this::resource)
                    .toList();
        }

        private LoadableResource resource(String name) {
            return new ClassPathResource(classPathLocation, location + "/" + name, classLoader, StandardCharsets.UTF_8);
        }
    }
}
