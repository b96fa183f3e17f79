package io.oms.messaging.tracing;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.jboss.logging.MDC;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Carries the W3C trace context ({@code traceparent}, {@code tracestate}) through Kafka, which the plain
 * kafka-clients of messaging do not do by themselves: {@link #currentContext()} gives the headers the outbox stores
 * with an event (the relay publishes every stored header), and {@link #inConsumerSpan} runs a consumer's handler in
 * a child span of the context the record carries, with {@code traceId} and {@code spanId} in the log MDC.
 *
 * <p>Spans are exported only when an exporter is configured (see messaging/README.md, "Tracing"); the trace ids
 * exist and travel either way.
 */
@ApplicationScoped
public class EventTracing {

    /** MDC keys, the same Quarkus uses for requests. */
    public static final String TRACE_ID = "traceId";
    public static final String SPAN_ID = "spanId";

    private static final TextMapGetter<Headers> KAFKA_HEADERS = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Headers headers) {
            List<String> keys = new ArrayList<>();
            for (Header header : headers) {
                keys.add(header.key());
            }
            return keys;
        }

        @Override
        public String get(Headers headers, String key) {
            if (headers == null) {
                return null;
            }
            Header header = headers.lastHeader(key);
            return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
        }
    };

    private final TextMapPropagator propagator;
    private final Tracer tracer;

    public EventTracing(OpenTelemetry openTelemetry) {
        this.propagator = openTelemetry.getPropagators().getTextMapPropagator();
        this.tracer = openTelemetry.getTracer("io.oms.messaging");
    }

    /** The current span's context as headers to store with an event; empty when no span is current. */
    public Map<String, String> currentContext() {
        if (!Span.current().getSpanContext().isValid()) {
            return Map.of();
        }
        Map<String, String> headers = new LinkedHashMap<>();
        propagator.inject(Context.current(), headers, (carrier, key, value) -> carrier.put(key, value));
        return headers;
    }

    /**
     * Runs {@code work} in a consumer span whose parent is the trace context of the record (a new trace when it
     * carries none), with the span current and its ids in the MDC; a failure marks the span as an error.
     */
    public <T> T inConsumerSpan(String consumer, ConsumerRecord<String, byte[]> record, Supplier<T> work) {
        Context parent = propagator.extract(Context.root(), record.headers(), KAFKA_HEADERS);
        Span span = tracer.spanBuilder(record.topic() + " process")
                .setParent(parent)
                .setSpanKind(SpanKind.CONSUMER)
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.operation", "process")
                .setAttribute("messaging.destination.name", record.topic())
                .setAttribute("messaging.consumer.group.name", consumer)
                .setAttribute("messaging.destination.partition.id", String.valueOf(record.partition()))
                .setAttribute("messaging.kafka.offset", record.offset())
                .startSpan();
        Object previousTrace = MDC.get(TRACE_ID);
        Object previousSpan = MDC.get(SPAN_ID);
        try (Scope scope = span.makeCurrent()) {
            SpanContext context = span.getSpanContext();
            if (context.isValid()) {
                MDC.put(TRACE_ID, context.getTraceId());
                MDC.put(SPAN_ID, context.getSpanId());
            }
            return work.get();
        } catch (RuntimeException | Error e) {
            span.recordException(e);
            span.setStatus(StatusCode.ERROR);
            throw e;
        } finally {
            span.end();
            restore(TRACE_ID, previousTrace);
            restore(SPAN_ID, previousSpan);
        }
    }

    /** {@code work} to run on another thread within the caller's current span, with the caller's MDC. */
    public <T> java.util.concurrent.Callable<T> carried(java.util.concurrent.Callable<T> work) {
        Context context = Context.current();
        Map<String, Object> mdc = MDC.getMap() == null ? Map.of() : new LinkedHashMap<>(MDC.getMap());
        return () -> {
            mdc.forEach(MDC::put);
            try (Scope scope = context.makeCurrent()) {
                return work.call();
            } finally {
                mdc.keySet().forEach(MDC::remove);
            }
        };
    }

    /** Runs {@code work} in an internal span (a connector's sync or push cycle), with its ids in the MDC. */
    public void inSpan(String name, Map<String, String> attributes, Runnable work) {
        var builder = tracer.spanBuilder(name).setSpanKind(SpanKind.INTERNAL);
        attributes.forEach(builder::setAttribute);
        Span span = builder.startSpan();
        Object previousTrace = MDC.get(TRACE_ID);
        Object previousSpan = MDC.get(SPAN_ID);
        try (Scope scope = span.makeCurrent()) {
            if (span.getSpanContext().isValid()) {
                MDC.put(TRACE_ID, span.getSpanContext().getTraceId());
                MDC.put(SPAN_ID, span.getSpanContext().getSpanId());
            }
            work.run();
        } catch (RuntimeException | Error e) {
            span.recordException(e);
            span.setStatus(StatusCode.ERROR);
            throw e;
        } finally {
            span.end();
            restore(TRACE_ID, previousTrace);
            restore(SPAN_ID, previousSpan);
        }
    }

    private static void restore(String key, Object previous) {
        if (previous == null) {
            MDC.remove(key);
        } else {
            MDC.put(key, previous);
        }
    }
}
