package io.oms.fulfilment;

/**
 * An expected "no" from the domain: what the API answers as problem+json.
 *
 * @param status the HTTP status that fits (404, 409, 422)
 * @param field  the request field at fault, or null
 */
public record Refusal(int status, String title, String detail, String field) {

    public static Refusal notFound(String what, String field) {
        return new Refusal(404, "Not found", what, field);
    }

    public static Refusal conflict(String detail) {
        return new Refusal(409, "Conflict with the current state", detail, null);
    }

    public static Refusal unprocessable(String detail, String field) {
        return new Refusal(422, "Cannot be done", detail, field);
    }
}
