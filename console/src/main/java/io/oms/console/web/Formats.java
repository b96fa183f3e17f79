package io.oms.console.web;

import io.quarkus.qute.TemplateExtension;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/** Small formatting helpers for the templates: {@code {fmt:ago(value)}}, {@code {fmt:when(value)}}; a missing value is fine. */
@TemplateExtension(namespace = "fmt")
public final class Formats {

    private Formats() {
    }

    /** "42 s ago", "5 min ago", "3 h ago" for an ISO instant; "never" when missing. */
    static String ago(Object instant) {
        Instant at = parse(instant);
        if (at == null) {
            return "never";
        }
        Duration age = Duration.between(at, Instant.now());
        if (age.isNegative()) {
            return "just now";
        }
        if (age.toSeconds() < 120) {
            return age.toSeconds() + " s ago";
        }
        if (age.toMinutes() < 120) {
            return age.toMinutes() + " min ago";
        }
        if (age.toHours() < 48) {
            return age.toHours() + " h ago";
        }
        return age.toDays() + " days ago";
    }

    /** An ISO instant shortened to "2026-11-25 22:05:20 UTC". */
    static String when(Object instant) {
        Instant at = parse(instant);
        return at == null ? "" : at.toString().replace('T', ' ').replaceAll("\\.\\d+Z$", "Z").replace("Z", " UTC");
    }

    private static Instant parse(Object value) {
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value.toString());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
