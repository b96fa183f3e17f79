package io.oms.e2e;

import io.oms.testsupport.Infrastructure;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * The whole system as it is deployed: the packaged sandbox, the five services and the console, each its own process, on the test
 * infrastructure's Kafka and PostgreSQL (a fresh database per service), with consumer groups of their own. Started
 * once for every test class that uses it, stopped when the test run ends. Each process logs to
 * {@code e2e/target/stack/NAME.log}.
 */
public final class Stack implements BeforeAllCallback, ExtensionContext.Store.CloseableResource {

    /** One process of the stack: where it answers. */
    public record Part(String name, String module, int port) {
        public String url() {
            return "http://127.0.0.1:" + port;
        }
    }

    /** How long the processes may take to get ready; {@code -Doms.e2e.start-minutes=N} on a loaded machine. */
    private static final Duration START_BOUND = Duration.ofMinutes(Long.getLong("oms.e2e.start-minutes", 4));
    private static Stack started;
    private static io.oms.local.AccessTokens tokens;

    private final Map<String, Part> parts = new LinkedHashMap<>();
    private final List<Process> processes = new ArrayList<>();
    private final Path logs = Path.of("target", "stack");
    private final String kafka;

    /** JUnit creates the extension; the first class to use it starts the stack. */
    public Stack() {
        this.kafka = null;
    }

    private Stack(String kafka) {
        this.kafka = kafka;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        synchronized (Stack.class) {
            if (started == null) {
                Stack stack = new Stack(Infrastructure.get().kafkaBootstrap());
                // Closed by JUnit when the whole run ends, after every class that used it.
                context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).put(Stack.class.getName(), stack);
                stack.start();
                started = stack;
            }
        }
    }

    public static Part part(String name) {
        if (started == null) {
            throw new IllegalStateException("the stack is not started: annotate the test class with @ExtendWith(Stack.class)");
        }
        return started.parts.get(name);
    }

    public static String kafkaBootstrap() {
        return started.kafka;
    }

    /** A bearer token (oms-admin, from the sandbox's issuer by client credentials) for the services' APIs. */
    public static synchronized String token() {
        if (tokens == null) {
            tokens = io.oms.local.AccessTokens.fromEnvironment(part("sandbox").url());
        }
        return tokens.token();
    }

    /** The stack's addresses, in the shape the operator steps of deploy/local take. */
    public static io.oms.local.Seed.Endpoints endpoints() {
        return new io.oms.local.Seed.Endpoints(part("sandbox").url(), part("order-service").url(), part("inventory-service").url(),
                part("fulfilment-service").url(), part("channel-etsy").url(), part("channel-shopify").url());
    }

    private void start() throws IOException {
        Files.createDirectories(logs);
        Infrastructure infrastructure = Infrastructure.get();
        Infrastructure.Postgres postgres = infrastructure.postgres();
        String groupSuffix = "-e2e-" + UUID.randomUUID().toString().substring(0, 8);
        byte[] key = new byte[32];
        ThreadLocalRandom.current().nextBytes(key);
        String encryptionKey = Base64.getEncoder().encodeToString(key);

        Part sandbox = add("sandbox", "sandbox");
        Part orders = add("order-service", "order-service");
        Part inventory = add("inventory-service", "inventory-service");
        Part fulfilment = add("fulfilment-service", "fulfilment-service");
        Part etsy = add("channel-etsy", "channel-etsy");
        Part shopify = add("channel-shopify", "channel-shopify");
        Part console = add("console", "console");

        launch(sandbox, Map.of("SANDBOX_PORT", Integer.toString(sandbox.port())));
        for (Part service : List.of(orders, inventory, fulfilment, etsy, shopify)) {
            Map<String, String> environment = new LinkedHashMap<>();
            environment.put("QUARKUS_DATASOURCE_JDBC_URL", infrastructure.freshDatabase("e2e_" + service.name().replace('-', '_')));
            environment.put("QUARKUS_DATASOURCE_USERNAME", postgres.user());
            environment.put("QUARKUS_DATASOURCE_PASSWORD", postgres.password());
            environment.put("KAFKA_BOOTSTRAP_SERVERS", kafka);
            // The APIs trust the sandbox's local OIDC issuer; the tests take tokens from it (token()).
            environment.put("QUARKUS_OIDC_AUTH_SERVER_URL", sandbox.url() + "/oidc");
            environment.put("OMS_MESSAGING_CONSUMER_GROUP_SUFFIX", groupSuffix);
            // Earlier test modules left records on the shared topics: this stack reads only what comes after it.
            environment.put("OMS_MESSAGING_CONSUMER_AUTO_OFFSET_RESET", "latest");
            if (service == etsy || service == shopify) {
                environment.put("OMS_CHANNEL_ENCRYPTION_KEY", encryptionKey);
            }
            if (service == etsy || service == shopify) {
                // Polls and re-checks often enough for a test to see a change within its bounds.
                environment.put("OMS_CHANNEL_SYNC_DEFAULT_INTERVAL", "5s");
                environment.put("OMS_CHANNEL_SYNC_RECHECK_INTERVAL", "10s");
            }
            if (service == etsy) {
                environment.put("ETSY_API_BASE_URL", sandbox.url());
                environment.put("ETSY_AUTHORIZE_URL", sandbox.url() + "/oauth/connect");
                // The operator connects shops in the console: Etsy sends the browser back there (a program gets the shop as JSON).
                environment.put("OMS_CHANNEL_OAUTH_REDIRECT_URI", console.url() + "/shops/etsy/oauth/callback");
            }
            if (service == shopify) {
                environment.put("SHOPIFY_API_BASE_URL", sandbox.url());
                environment.put("SHOPIFY_WEBHOOK_ADDRESS", shopify.url() + "/webhooks/shopify");
            }
            launch(service, environment);
        }
        // Operators log in at the sandbox's issuer (authorization code with PKCE); the console forwards their token to the APIs.
        Map<String, String> consoleEnvironment = new LinkedHashMap<>(Map.of("ORDER_SERVICE_URL", orders.url(), "INVENTORY_SERVICE_URL", inventory.url(),
                "FULFILMENT_SERVICE_URL", fulfilment.url(), "CHANNEL_ETSY_URL", etsy.url(), "CHANNEL_SHOPIFY_URL", shopify.url(),
                "QUARKUS_OIDC_AUTH_SERVER_URL", sandbox.url() + "/oidc"));
        consoleEnvironment.putAll(Map.of("QUARKUS_OIDC_TENANT_ENABLED", "true", "QUARKUS_OIDC_CLIENT_ID", "oms-console",
                "QUARKUS_OIDC_CREDENTIALS_SECRET", "oms-console-secret", "OMS_CONSOLE_LOGIN_POLICY", "authenticated"));
        launch(console, consoleEnvironment);
        long deadline = System.nanoTime() + START_BOUND.toNanos();
        for (Part part : parts.values()) {
            awaitReady(part, deadline);
        }
        System.out.println("[e2e] stack ready: " + parts.values());
    }

    private Part add(String name, String module) throws IOException {
        Part part = new Part(name, module, freePort());
        parts.put(name, part);
        return part;
    }

    private void launch(Part part, Map<String, String> environment) throws IOException {
        Path jar = Path.of("..", part.module(), "target", "quarkus-app", "quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: the reactor packages it before e2e (./mvnw -B verify)");
        }
        ProcessBuilder builder = new ProcessBuilder("java", "-Xmx384m", "-XX:TieredStopAtLevel=1", "-jar", jar.toString())
                .redirectErrorStream(true).redirectOutput(logs.resolve(part.name() + ".log").toFile());
        builder.environment().put("QUARKUS_HTTP_PORT", Integer.toString(part.port()));
        builder.environment().putAll(environment);
        processes.add(builder.start());
    }

    private void awaitReady(Part part, long deadline) {
        String path = part.name().equals("sandbox") ? "/sandbox/etsy/shops" : "/q/health/ready";
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
        while (true) {
            try {
                HttpResponse<Void> answer = http.send(HttpRequest.newBuilder(URI.create(part.url() + path)).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (answer.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(part.name() + " was not ready within " + START_BOUND + "; see " + logs.resolve(part.name() + ".log"));
            }
            try {
                TimeUnit.MILLISECONDS.sleep(250); // polling a process's readiness; the loop above is the condition
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    @Override
    public void close() {
        for (Process process : processes) {
            process.destroy();
        }
        for (Process process : processes) {
            try {
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        synchronized (Stack.class) {
            started = null;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
