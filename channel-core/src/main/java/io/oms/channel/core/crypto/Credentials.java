package io.oms.channel.core.crypto;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A shop's secrets (API keys, tokens), as the channel names them. {@link #toString()} never shows a value,
 * so a credentials object that reaches a log line leaks nothing.
 */
public record Credentials(Map<String, String> values) {

    public Credentials {
        values = Map.copyOf(values);
    }

    public String require(String name) {
        String value = values.get(name);
        if (value == null) {
            throw new IllegalStateException("credential '" + name + "' is missing");
        }
        return value;
    }

    public Optional<String> get(String name) {
        return Optional.ofNullable(values.get(name));
    }

    /** A copy with these values replaced or added. */
    public Credentials with(Map<String, String> changes) {
        Map<String, String> merged = new TreeMap<>(values);
        merged.putAll(changes);
        return new Credentials(merged);
    }

    @Override
    public String toString() {
        return "Credentials" + new TreeMap<>(values).keySet() + " (values hidden)";
    }
}
