package io.oms.testsupport;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.awaitility.Awaitility.await;

/**
 * The packaged sandbox marketplaces ({@code ../sandbox/target/quarkus-app/quarkus-run.jar}, built by the reactor
 * before the module that uses it) as a child process on a free port on 127.0.0.1, for the connectors' tests.
 * A connector is pointed at {@link #baseUrl()} only, as its API base URL variable would point it at a marketplace.
 */
public final class SandboxProcess implements AutoCloseable {

    private final Process process;
    private final String baseUrl;

    private SandboxProcess(Process process, String baseUrl) {
        this.process = process;
        this.baseUrl = baseUrl;
    }

    /** Starts it and waits until its control API answers; its output goes to a temporary file named after {@code name}. */
    public static SandboxProcess start(String name) {
        Path jar = Path.of("..", "sandbox", "target", "quarkus-app", "quarkus-run.jar").toAbsolutePath().normalize();
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: build it first with ./mvnw -B -pl sandbox package -DskipTests");
        }
        int port = freePort();
        Process process;
        try {
            Path log = Files.createTempFile(name, ".log");
            process = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx384m", "-Dquarkus.http.port=" + port, "-Dquarkus.http.host=127.0.0.1", "-jar", jar.toString()))
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the sandbox", e);
        }
        SandboxProcess sandbox = new SandboxProcess(process, "http://127.0.0.1:" + port);
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest ready = HttpRequest.newBuilder(URI.create(sandbox.baseUrl + "/sandbox/etsy/shops")).timeout(Duration.ofSeconds(5)).build();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).ignoreExceptions().until(() -> {
            if (!process.isAlive()) {
                throw new IllegalStateException("the sandbox exited with " + process.exitValue());
            }
            return http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        });
        return sandbox;
    }

    public String baseUrl() {
        return baseUrl;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            process.onExit().get();
        } catch (Exception e) {
            process.destroyForcibly();
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
