package io.oms.deploy.k8s;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The committed Strimzi resources are exactly what EventType and Topology say: they cannot drift. */
class GeneratedKafkaTopicsAndUsersTest {

    static final Path KAFKA = ManifestTest.K8S.resolve("base").resolve("kafka");
    static final String REGENERATE = "base/kafka is out of date with EventType or Topology; regenerate it: "
            + "./mvnw -B -q -pl events install -DskipTests && ./mvnw -B -q -pl deploy/k8s compile exec:java";

    @Test
    void committedKafkaTopicsAreTheOnesEventTypeDefines() throws IOException {
        assertThat(Files.readString(KAFKA.resolve(KafkaResources.TOPICS_FILE), StandardCharsets.UTF_8))
                .as(REGENERATE).isEqualTo(KafkaResources.topics());
    }

    @Test
    void committedKafkaUsersAreTheOnesTopologyDefines() throws IOException {
        assertThat(Files.readString(KAFKA.resolve(KafkaResources.USERS_FILE), StandardCharsets.UTF_8))
                .as(REGENERATE).isEqualTo(KafkaResources.users());
    }

    @Test
    void generatorWritesBothFilesWhereItIsTold(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        KafkaResources.main(new String[] {dir.toString()});

        assertThat(dir.resolve(KafkaResources.TOPICS_FILE)).hasContent(KafkaResources.topics());
        assertThat(dir.resolve(KafkaResources.USERS_FILE)).hasContent(KafkaResources.users());
    }
}
