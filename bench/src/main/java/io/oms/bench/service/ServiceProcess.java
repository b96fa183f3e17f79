package io.oms.bench.service;

import io.oms.testsupport.Tokens;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;

/**
 * One service of the project run as its own process from its packaged jar, on a fresh database of its own and
 * the local broker, with a consumer group suffix of its own that starts at the end of each topic, so a run sees
 * only its own records. It is measured as deployed: nothing of it shares this JVM.
 */
public final class ServiceProcess implements AutoCloseable {

    private static final String DB_HOST = System.getenv().getOrDefault("BENCH_DB_HOST", "127.0.0.1:5432");
    private static final String DB_USER = System.getenv().getOrDefault("BENCH_DB_USER", "postgres");
    private static final String KAFKA = System.getenv().getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092");

    private final String name;
    private final Process process;
    private final int port;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private ServiceProcess(String name, Process process, int port) {
        this.name = name;
        this.process = process;
        this.port = port;
    }

    /**
     * Starts {@code <module>/target/quarkus-app/quarkus-run.jar} on database {@code database} (dropped and created
     * first) and waits until it answers ready.
     */
    public static ServiceProcess start(String module, String database, Map<String, String> extraEnvironment)
            throws IOException, SQLException {
        Path jar = Path.of(module, "target", "quarkus-app", "quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: bench/run packages it (./mvnw -pl " + module + " -am package)");
        }
        recreateDatabase(database);
        int port = freePort();
        Map<String, String> environment = new HashMap<>();
        environment.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        environment.put("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://" + DB_HOST + "/" + database);
        environment.put("QUARKUS_DATASOURCE_USERNAME", DB_USER);
        environment.put("KAFKA_BOOTSTRAP_SERVERS", KAFKA);
        environment.put("OMS_MESSAGING_CONSUMER_GROUP_SUFFIX", "-bench-" + UUID.randomUUID().toString().substring(0, 8));
        environment.put("OMS_MESSAGING_CONSUMER_AUTO_OFFSET_RESET", "latest");
        // No issuer runs beside a benchmark: the service verifies the bench's own signed tokens (test-support Tokens).
        environment.put("QUARKUS_OIDC_PUBLIC_KEY", Tokens.publicKey());
        environment.putAll(extraEnvironment);
        Path log = Path.of("bench", "target", module + ".log");
        Files.createDirectories(log.getParent());
        List<String> command = new ArrayList<>(List.of("java", "-Xmx1g"));
        // e.g. a flight recording of the service: BENCH_SERVICE_JAVA_OPTS=-XX:StartFlightRecording=filename=s.jfr
        String javaOptions = System.getenv().getOrDefault("BENCH_SERVICE_JAVA_OPTS", "").trim();
        if (!javaOptions.isEmpty()) {
            command.addAll(List.of(javaOptions.split("\\s+")));
        }
        command.addAll(List.of("-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().remove("QUARKUS_OIDC_AUTH_SERVER_URL");
        builder.environment().putAll(environment);
        ServiceProcess service = new ServiceProcess(module, builder.start(), port);
        service.awaitReady(Duration.ofSeconds(120), log);
        return service;
    }

    public int port() {
        return port;
    }

    /** Answers the status code and body of an HTTP call with a JSON or CSV body (null for none). */
    public HttpResponse<String> call(String method, String path, String contentType, String body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + Tokens.admin());
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", contentType).method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Like {@link #call} but fails unless the answer is 2xx. */
    public String require(String method, String path, String contentType, String body) throws IOException, InterruptedException {
        HttpResponse<String> response = call(method, path, contentType, body);
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(name + " answered " + response.statusCode() + " to " + method + " " + path + ": " + response.body());
        }
        return response.body();
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private void awaitReady(Duration bound, Path log) {
        long deadline = System.nanoTime() + bound.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + log);
            }
            try {
                if (call("GET", "/q/health/ready", null, null).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            LockSupport.parkNanos(Duration.ofMillis(250).toNanos());
        }
        close();
        throw new IllegalStateException(name + " was not ready within " + bound + "; see " + log);
    }

    private static void recreateDatabase(String database) throws SQLException {
        if (!database.matches("[a-z0-9_]+")) {
            throw new IllegalArgumentException("database name " + database);
        }
        try (Connection connection = DriverManager.getConnection("jdbc:postgresql://" + DB_HOST + "/postgres", DB_USER, null);
                Statement statement = connection.createStatement()) {
            statement.execute("drop database if exists " + database + " with (force)");
            statement.execute("create database " + database);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
