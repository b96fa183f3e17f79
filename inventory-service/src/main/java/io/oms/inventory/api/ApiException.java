package io.oms.inventory.api;

/** An expected refusal that leaves the API as problem+json (RFC 9457), naming the offending field. */
public class ApiException extends RuntimeException {

    private final int status;
    private final String title;
    private final String field;

    public ApiException(int status, String title, String detail, String field) {
        super(detail);
        this.status = status;
        this.title = title;
        this.field = field;
    }

    public static ApiException notFound(String detail, String field) {
        return new ApiException(404, "Not Found", detail, field);
    }

    public static ApiException conflict(String detail, String field) {
        return new ApiException(409, "Conflict", detail, field);
    }

    public static ApiException badRequest(String detail, String field) {
        return new ApiException(400, "Bad Request", detail, field);
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public String field() {
        return field;
    }
}
