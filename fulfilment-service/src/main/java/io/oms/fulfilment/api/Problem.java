package io.oms.fulfilment.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.oms.fulfilment.Refusal;

/** RFC 9457 problem details, with the offending request field. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String field) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public static Problem of(Refusal refusal) {
        return new Problem(typeFor(refusal.status()), refusal.title(), refusal.status(), refusal.detail(), refusal.field());
    }

    static String typeFor(int status) {
        return switch (status) {
            case 400 -> "/problems/invalid-request";
            case 404 -> "/problems/not-found";
            case 409 -> "/problems/conflict";
            case 422 -> "/problems/refused";
            default -> "about:blank";
        };
    }
}
