package io.oms.messaging;

import io.oms.messaging.outbox.OutboxRelay;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A relay in a process of its own, so a test can kill it with SIGKILL mid-batch.
 * Arguments: JDBC URL, database user, Kafka bootstrap servers.
 */
public final class RelayProcess {

    private RelayProcess() {
    }

    public static void main(String[] args) throws Exception {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(args[0]);
        dataSource.setUser(args[1]);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(KafkaClients.producer(args[2], "relay-process"))) {
            OutboxRelay relay = new OutboxRelay(dataSource, producer, 500);
            System.out.println("relay process started");
            while (true) {
                if (relay.publishNextBatch().published() == 0) {
                    Thread.onSpinWait();
                }
            }
        }
    }
}
