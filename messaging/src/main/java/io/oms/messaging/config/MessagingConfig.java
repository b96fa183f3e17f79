package io.oms.messaging.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Settings of the outbox relay and the inbox consumers ({@code oms.messaging.*}). */
@ConfigMapping(prefix = "oms.messaging")
public interface MessagingConfig {

    /** Kafka bootstrap servers (KAFKA_BOOTSTRAP_SERVERS in the environment). */
    @WithDefault("${kafka.bootstrap.servers:127.0.0.1:9092}")
    String bootstrapServers();

    Relay relay();

    Consumer consumer();

    Topics topics();

    Metrics metrics();

    interface Metrics {
        /** How often the outbox backlog gauge ({@code oms_outbox_backlog_events}) is counted. */
        @WithDefault("15s")
        String backlogEvery();
    }

    interface Topics {
        /** Whether a service creates the topics it consumes (and their .dlq topics) when they are missing. */
        @WithDefault("true")
        boolean create();

        /** Partitions of a topic this service creates (DESIGN section 4). */
        @WithDefault("12")
        int partitions();
    }

    interface Relay {
        /** Whether this process relays its outbox to Kafka (one replica at a time does, by lock). */
        @WithDefault("true")
        boolean enabled();

        /** Outbox rows published per transaction. */
        @WithDefault("500")
        int batchSize();

        /** How often an idle relay looks for rows written by other processes (same-process writes wake it at once). */
        @WithDefault("50ms")
        Duration pollInterval();

        /** How long sent rows are kept before they are pruned. */
        @WithDefault("P7D")
        Duration retention();

        /** How often sent rows older than the retention are deleted. */
        @WithDefault("1h")
        String pruneEvery();

        /** Wait before trying again after Kafka or the database failed. */
        @WithDefault("1s")
        Duration failureBackoff();
    }

    interface Consumer {
        /** Whether this process runs its event handlers. */
        @WithDefault("true")
        boolean enabled();

        /** Appended to each consumer's group id (tests make it unique per run); none by default. */
        java.util.Optional<String> groupSuffix();

        /** Where a new consumer group starts: earliest (a new service reads the history) or latest. */
        @WithDefault("earliest")
        String autoOffsetReset();

        /**
         * Kafka consumers (each with its own thread and database transaction) per handler, in the handler's group:
         * the topic's partitions are shared among them, so at most as many as the topic has partitions do work.
         * Events of one key stay on one partition and so on one thread, in order.
         */
        @WithDefault("1")
        int concurrency();

        /** Records fetched per poll, and applied per database transaction when all succeed. */
        @WithDefault("500")
        int maxPollRecords();

        /** Attempts of a failing handler before the record goes to the dead-letter topic. */
        @WithDefault("5")
        int maxAttempts();

        /** Wait after the first failed attempt; doubled after each, up to max-backoff. */
        @WithDefault("100ms")
        Duration initialBackoff();

        /** Longest wait between attempts. */
        @WithDefault("2s")
        Duration maxBackoff();

        /** How long applied event ids are remembered (longer than any redelivery). */
        @WithDefault("P14D")
        Duration inboxRetention();
    }
}
