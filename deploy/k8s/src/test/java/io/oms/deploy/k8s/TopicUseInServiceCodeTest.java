package io.oms.deploy.k8s;

import io.oms.events.EventType;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Topology (and so the ACLs) covers what the services' code does: every EventHandler's event is among what
 * the service consumes, every payload it builds among what it publishes, every dead-letter topic it reads
 * among its DLQ reads. A service that starts consuming a topic without an ACL fails here, not in production.
 */
class TopicUseInServiceCodeTest {

    static final Path REPO = Path.of(System.getProperty("oms.repo.dir", "../.."));
    private static final Pattern HANDLED = Pattern.compile("return\\s+EventType\\.([A-Z_]+)\\s*;");
    private static final Pattern DLQ_READ = Pattern.compile("EventType\\.([A-Z_]+)\\.dlqTopic\\(\\)");

    @Test
    void everyEventHandlerOfAServiceConsumesATopicItMayRead() {
        for (Topology service : Topology.values()) {
            Set<EventType> handled = EnumSet.noneOf(EventType.class);
            for (String source : sources(service)) {
                if (source.contains("implements EventHandler<")) {
                    matches(HANDLED, source).forEach(name -> handled.add(EventType.valueOf(name)));
                }
            }
            assertThat(service.consumes()).as(service.service() + " consumes (its EventHandler beans)").containsAll(handled);
        }
    }

    @Test
    void everyEventAServiceBuildsIsOneItMayPublish() {
        for (Topology service : Topology.values()) {
            Set<EventType> built = EnumSet.noneOf(EventType.class);
            for (String source : sources(service)) {
                for (EventType type : EventType.values()) {
                    if (Pattern.compile("new\\s+" + type.payloadType().getSimpleName() + "\\s*\\(").matcher(source).find()) {
                        built.add(type);
                    }
                }
            }
            assertThat(service.publishes()).as(service.service() + " publishes (payloads built in its code)").containsAll(built);
        }
    }

    @Test
    void everyDeadLetterTopicAServiceSubscribesToIsOneItMayRead() {
        for (Topology service : Topology.values()) {
            Set<EventType> read = EnumSet.noneOf(EventType.class);
            for (String source : sources(service)) {
                if (source.contains(".subscribe(")) {
                    matches(DLQ_READ, source).forEach(name -> read.add(EventType.valueOf(name)));
                }
            }
            assertThat(service.readsDeadLettersOf()).as(service.service() + " reads dead letters of").containsAll(read);
        }
    }

    @Test
    void theScanFindsTheHandlersThatExistToday() {
        // guards the scan itself: if the pattern stopped matching, the tests above would pass vacuously
        List<String> orderService = sources(Topology.ORDER_SERVICE);
        List<String> handled = orderService.stream().filter(s -> s.contains("implements EventHandler<"))
                .flatMap(s -> matches(HANDLED, s).stream()).toList();
        assertThat(handled).contains("ORDER_IMPORTED", "RESERVATION_RESULT");
    }

    /** The main Java sources of the service's module, and channel-core's for a connector. */
    static List<String> sources(Topology service) {
        List<Path> roots = new ArrayList<>(List.of(REPO.resolve(service.service()).resolve("src/main/java")));
        if (service.service().startsWith("channel-")) {
            roots.add(REPO.resolve("channel-core/src/main/java"));
        }
        List<String> sources = new ArrayList<>();
        assertThat(REPO.resolve(service.service()).resolve("pom.xml")).as("module of " + service.service()).isRegularFile();
        for (Path root : roots) {
            if (!Files.isDirectory(root)) {
                continue; // a module without Java code yet (channel-shopify on main) has nothing to check
            }
            try (Stream<Path> files = Files.walk(root)) {
                files.filter(f -> f.toString().endsWith(".java")).forEach(f -> sources.add(read(f)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return sources;
    }

    private static List<String> matches(Pattern pattern, String source) {
        List<String> found = new ArrayList<>();
        Matcher matcher = pattern.matcher(source);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
