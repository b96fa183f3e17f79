package io.oms.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The Quarkus test resource every module uses: a real broker and a fresh database per test suite.
 *
 * <p>Init arg {@code database}: the database name (default {@code oms_test}); it is dropped and
 * created at each start. Consumer groups get a suffix unique to this run, so records that earlier
 * suites left on a shared broker are not mistaken for this suite's.
 */
public class KafkaAndPostgres implements QuarkusTestResourceLifecycleManager {

    private String database = "oms_test";

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", database);
    }

    @Override
    public Map<String, String> start() {
        Infrastructure infrastructure = Infrastructure.get();
        Map<String, String> config = new HashMap<>();
        config.put("kafka.bootstrap.servers", infrastructure.kafkaBootstrap());
        config.put("quarkus.datasource.jdbc.url", infrastructure.freshDatabase(database));
        config.put("quarkus.datasource.username", infrastructure.postgres().user());
        config.put("quarkus.datasource.password", infrastructure.postgres().password());
        config.put("oms.messaging.consumer.group-suffix", ".test-" + UUID.randomUUID().toString().substring(0, 8));
        return config;
    }

    @Override
    public void stop() {
        // The broker and server live for the whole JVM (several suites share them); Infrastructure stops them on exit.
    }
}
