package io.oms.sandbox.etsy;

import java.util.Map;

/** What a handler answers: a status and a JSON-able body. */
public record EtsyAnswer(int status, Object body) {

    public static EtsyAnswer ok(Object body) {
        return new EtsyAnswer(200, body);
    }

    /** Etsy's error shape: {@code {"error": "..."}}. */
    public static EtsyAnswer error(int status, String message) {
        return new EtsyAnswer(status, Map.of("error", message));
    }

    public static EtsyAnswer notFound(String message) {
        return error(404, message);
    }
}
