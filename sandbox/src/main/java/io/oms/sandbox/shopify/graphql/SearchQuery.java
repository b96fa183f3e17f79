package io.oms.sandbox.shopify.graphql;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Shopify's search syntax, the part connectors use: {@code field:value}, {@code field:>value}, AND between terms. */
public final class SearchQuery {

    /** One term: field, comparator (":", ">", ">=", "<", "<="), value. */
    public record Term(String field, String op, String value) {

        public boolean compare(Instant actual) {
            if (actual == null) {
                return false;
            }
            Instant wanted = instant(value);
            int c = actual.compareTo(wanted);
            return compare(c);
        }

        public boolean compare(long actual) {
            return compare(Long.compare(actual, Long.parseLong(value.replaceAll("\\D", ""))));
        }

        private boolean compare(int c) {
            return switch (op) {
                case ">" -> c > 0;
                case ">=" -> c >= 0;
                case "<" -> c < 0;
                case "<=" -> c <= 0;
                default -> c == 0;
            };
        }
    }

    private static final Pattern TERM = Pattern.compile(
            "(\\w+):(>=|<=|>|<)?(?:'([^']*)'|\"([^\"]*)\"|(\\S+))");

    private SearchQuery() {
    }

    public static List<Term> parse(String query) {
        List<Term> terms = new ArrayList<>();
        if (query == null) {
            return terms;
        }
        Matcher m = TERM.matcher(query);
        while (m.find()) {
            String value = m.group(3) != null ? m.group(3) : m.group(4) != null ? m.group(4) : m.group(5);
            terms.add(new Term(m.group(1).toLowerCase(), m.group(2) == null ? ":" : m.group(2), value));
        }
        return terms;
    }

    static Instant instant(String value) {
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (RuntimeException e) {
            try {
                return Instant.parse(value);
            } catch (RuntimeException e2) {
                try {
                    return java.time.LocalDateTime.parse(value).toInstant(ZoneOffset.UTC);
                } catch (RuntimeException e3) {
                    return LocalDate.parse(value).atStartOfDay().toInstant(ZoneOffset.UTC);
                }
            }
        }
    }
}
