package io.oms.events;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** Shared helpers for tests: class path resources and a valid header set. */
final class Fixtures {

    /** One codec for all tests, as in production: loading the schemas is the slow part. */
    static final CloudEventCodec CODEC = new CloudEventCodec();

    static byte[] resource(String name) {
        try (InputStream in = Fixtures.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " not on the class path");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] example(EventType type) {
        return resource(type.exampleResource());
    }

    /** The headers an outside producer would write for {@code type}. */
    static Map<String, String> headersFor(EventType type) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("ce_specversion", "1.0");
        headers.put("ce_id", UUID.randomUUID().toString());
        headers.put("ce_source", "/erp/test");
        headers.put("ce_type", type.ceType());
        headers.put("ce_time", "2026-03-01T09:15:02Z");
        headers.put("ce_subject", "subject-1");
        headers.put("content-type", "application/json");
        return headers;
    }

    private Fixtures() {
    }
}
