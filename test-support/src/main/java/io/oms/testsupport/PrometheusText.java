package io.oms.testsupport;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads samples out of a Prometheus text scrape ({@code GET /q/metrics}), for tests that watch a metric move. */
public final class PrometheusText {

    private static final Pattern SAMPLE = Pattern.compile("(?m)^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{([^}]*)\\})? ([0-9.eE+-]+|NaN|[+-]Inf)$");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    private PrometheusText() {
    }

    /**
     * The value of the first sample of {@code name} whose labels include all of {@code labels}; several matching
     * samples (other label values) are summed.
     */
    public static Optional<Double> value(String scrape, String name, Map<String, String> labels) {
        Matcher sample = SAMPLE.matcher(scrape);
        Double sum = null;
        while (sample.find()) {
            if (!sample.group(1).equals(name) || !hasLabels(sample.group(2), labels)) {
                continue;
            }
            double value = parse(sample.group(3));
            sum = sum == null ? value : sum + value;
        }
        return Optional.ofNullable(sum);
    }

    private static boolean hasLabels(String text, Map<String, String> wanted) {
        if (wanted.isEmpty()) {
            return true;
        }
        if (text == null) {
            return false;
        }
        Map<String, String> found = new java.util.HashMap<>();
        Matcher label = LABEL.matcher(text);
        while (label.find()) {
            found.put(label.group(1), label.group(2));
        }
        return wanted.entrySet().stream().allMatch(e -> e.getValue().equals(found.get(e.getKey())));
    }

    private static double parse(String value) {
        return switch (value) {
            case "NaN" -> Double.NaN;
            case "+Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(value);
        };
    }
}
