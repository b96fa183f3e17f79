package io.oms.local;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

/**
 * A by-hand check of the local infrastructure: produces one record to a fresh topic on the broker and
 * consumes it back, then opens a connection to every service database.
 *
 * <p>Usage: {@code SmokeCheck <bootstrapServers> <jdbcUrlPrefix>}, for example
 * {@code SmokeCheck 127.0.0.1:9092 jdbc:postgresql://127.0.0.1:5432/}. Exit status 0 when all passed.
 */
public final class SmokeCheck {

    private SmokeCheck() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: SmokeCheck <bootstrapServers> <jdbcUrlPrefix>");
            System.exit(2);
        }
        boolean ok = kafka(args[0]);
        ok &= databases(args[1]);
        System.out.println(ok ? "SmokeCheck: all passed" : "SmokeCheck: FAILED");
        System.exit(ok ? 0 : 1);
    }

    private static boolean kafka(String bootstrap) {
        String topic = "oms-local-smoke-" + UUID.randomUUID();
        String value = "smoke-" + System.nanoTime();
        long t0 = System.nanoTime();
        Properties p = new Properties();
        p.put("bootstrap.servers", bootstrap);
        p.put("acks", "all");
        p.put("enable.idempotence", "true");
        try (KafkaProducer<String, String> producer =
                     new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
            RecordMetadata md = producer.send(new ProducerRecord<>(topic, "key", value)).get();
            System.out.println("SmokeCheck: kafka: produced to " + md.topic() + "-" + md.partition() + "@" + md.offset());
        } catch (Exception e) {
            System.out.println("SmokeCheck: kafka: produce failed: " + e + (e.getCause() != null ? " caused by " + e.getCause() : ""));
            return false;
        }
        Properties c = new Properties();
        c.put("bootstrap.servers", bootstrap);
        c.put("group.id", "oms-local-smoke");
        c.put("auto.offset.reset", "earliest");
        try (KafkaConsumer<String, String> consumer =
                     new KafkaConsumer<>(c, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    if (value.equals(r.value())) {
                        System.out.println("SmokeCheck: kafka: consumed it back in "
                                + (System.nanoTime() - t0) / 1_000_000 + " ms");
                        return true;
                    }
                }
            }
        }
        System.out.println("SmokeCheck: kafka: the record did not come back within 30 s");
        return false;
    }

    private static boolean databases(String jdbcPrefix) {
        boolean ok = true;
        Properties props = new Properties();
        String user = System.getenv("PGUSER");
        props.setProperty("user", user == null || user.isEmpty() ? "postgres" : user);
        String password = System.getenv("PGPASSWORD");
        if (password != null && !password.isEmpty()) {
            props.setProperty("password", password);
        }
        for (String db : CreateDatabases.SERVICE_DATABASES) {
            try (Connection conn = DriverManager.getConnection(jdbcPrefix + db, props)) {
                conn.createStatement().execute("SELECT 1");
                System.out.println("SmokeCheck: postgres: " + db + " answers");
            } catch (Exception e) {
                System.out.println("SmokeCheck: postgres: " + db + ": " + e.getMessage());
                ok = false;
            }
        }
        return ok;
    }
}
