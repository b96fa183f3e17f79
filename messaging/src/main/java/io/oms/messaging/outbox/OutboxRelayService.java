package io.oms.messaging.outbox;

import io.oms.messaging.KafkaClients;
import io.oms.messaging.KafkaConnection;
import io.oms.messaging.config.MessagingConfig;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;

import javax.sql.DataSource;
import java.time.Duration;

/**
 * Runs the {@link OutboxRelay} on a thread of its own while the service lives: a full batch is
 * followed at once by the next; an empty one waits for a commit in this process or the poll interval.
 */
@ApplicationScoped
public class OutboxRelayService {

    private final DataSource dataSource;
    private final MessagingConfig config;
    private final KafkaConnection connection;
    private final RelayWakeUp wakeUp;
    private final String applicationName;
    private volatile Thread worker;
    private volatile boolean running;

    public OutboxRelayService(DataSource dataSource, MessagingConfig config, KafkaConnection connection, RelayWakeUp wakeUp,
            @org.eclipse.microprofile.config.inject.ConfigProperty(name = "quarkus.application.name", defaultValue = "oms") String applicationName) {
        this.dataSource = dataSource;
        this.connection = connection;
        this.config = config;
        this.wakeUp = wakeUp;
        this.applicationName = applicationName;
    }

    /** Starts relaying; a second call while running does nothing. */
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        Thread thread = new Thread(this::run, "outbox-relay");
        thread.setDaemon(true);
        worker = thread;
        thread.start();
    }

    /** Stops after the batch in hand is published and marked sent, so a stop never duplicates. */
    public synchronized void stop() {
        running = false;
        Thread thread = worker;
        if (thread == null) {
            return;
        }
        wakeUp.signal();
        try {
            thread.join(Duration.ofSeconds(30).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        worker = null;
    }

    public boolean isRunning() {
        Thread thread = worker;
        return running && thread != null && thread.isAlive();
    }

    private void run() {
        MessagingConfig.Relay settings = config.relay();
        try (Producer<String, byte[]> producer = new KafkaProducer<>(
                KafkaClients.producer(connection.settings(), applicationName + "-outbox-relay"))) {
            OutboxRelay relay = new OutboxRelay(dataSource, producer, settings.batchSize());
            boolean failing = false;
            while (running) {
                try {
                    OutboxRelay.Pass pass = relay.publishNextBatch();
                    if (failing) {
                        Log.info("outbox relay recovered");
                        failing = false;
                    }
                    if (pass.published() < settings.batchSize()) {
                        wakeUp.await(settings.pollInterval());
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                } catch (Exception e) {
                    if (!failing) {
                        Log.warnf(e, "outbox relay failed; rows stay unsent and are retried every %s", settings.failureBackoff());
                        failing = true;
                    }
                    try {
                        wakeUp.await(settings.failureBackoff());
                    } catch (InterruptedException interrupted) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }
        }
    }

    @Scheduled(every = "${oms.messaging.relay.prune-every:1h}", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void pruneSentRows() {
        try {
            int pruned = OutboxRelay.pruneSent(dataSource, config.relay().retention());
            if (pruned > 0) {
                Log.infof("pruned %d sent outbox rows older than %s", pruned, config.relay().retention());
            }
        } catch (Exception e) {
            Log.warn("pruning the outbox failed; it is tried again at the next run", e);
        }
    }
}
