package io.oms.events;

import static io.oms.events.Fixtures.CODEC;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The example of every topic is the living proof that schema, record and codec agree. */
class ExamplesTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T10:00:00Z"), ZoneOffset.UTC);

    @ParameterizedTest
    @EnumSource(EventType.class)
    void exampleValidatesAgainstItsSchema(EventType type) {
        assertThatNoException().isThrownBy(() -> CODEC.validate(type, Fixtures.example(type)));
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void exampleDecodesToItsRecord(EventType type) throws Exception {
        CloudEvent<?> event = CODEC.decode(Fixtures.headersFor(type), Fixtures.example(type));

        assertThat(event.type()).isEqualTo(type);
        assertThat(event.data()).isInstanceOf(type.payloadType());
        assertThat(event.subject()).isEqualTo("subject-1");
        assertThat(event.time()).isEqualTo(Instant.parse("2026-03-01T09:15:02Z"));
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void exampleRecordWritesBackToTheSameJson(EventType type) throws Exception {
        JsonNode original = CODEC.mapper().readTree(Fixtures.example(type));
        Record data = CODEC.decode(Fixtures.headersFor(type), Fixtures.example(type)).data();

        JsonNode written = CODEC.mapper().readTree(CODEC.encode(CloudEvent.of("/test", type, null, data, CLOCK)).value());

        // Every field survives, money keeps its scale as a string ("12.50"), times stay RFC 3339.
        assertThat(written).isEqualTo(original);
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void exampleRoundTripsThroughEncodeAndDecodeToAnEqualEvent(EventType type) throws Exception {
        Record data = CODEC.decode(Fixtures.headersFor(type), Fixtures.example(type)).data();
        CloudEvent<?> sent = CloudEvent.of("/channel-etsy/shops/12345678", type, "subject-1", data, CLOCK);

        EncodedEvent encoded = CODEC.encode(sent);
        CloudEvent<?> received = CODEC.decode(encoded.kafkaHeaders(), encoded.value());

        assertThat(received).isEqualTo(sent);
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void examplePayloadNamesItsKafkaKey(EventType type) throws Exception {
        Record data = CODEC.decode(Fixtures.headersFor(type), Fixtures.example(type)).data();

        assertThat(data).isInstanceOf(EventPayload.class);
        assertThat(((EventPayload) data).kafkaKey()).isNotBlank();
    }
}
