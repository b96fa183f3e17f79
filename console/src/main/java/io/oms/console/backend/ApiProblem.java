package io.oms.console.backend;

/**
 * An API's refusal or failure, in words: from its problem+json ({@code title}, {@code detail}, {@code field}), or
 * from the transport when the service did not answer.
 */
public class ApiProblem extends RuntimeException {

    private final String service;
    private final int status;
    private final String title;
    private final String detail;
    private final String field;

    public ApiProblem(String service, int status, String title, String detail, String field) {
        super(service + " answered " + status + ": " + detail);
        this.service = service;
        this.status = status;
        this.title = title;
        this.detail = detail;
        this.field = field;
    }

    public String service() {
        return service;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return detail;
    }

    /** The request field the problem concerns, or null. */
    public String field() {
        return field;
    }

    /** One sentence for the operator: "inventory-service: sku: no item has this SKU (404 Not found)". */
    public String inWords() {
        StringBuilder words = new StringBuilder(service).append(": ");
        if (field != null && !field.isBlank()) {
            words.append(field).append(": ");
        }
        words.append(detail == null || detail.isBlank() ? title : detail);
        if (status > 0) {
            words.append(" (").append(status).append(title == null || title.isBlank() ? "" : " " + title).append(")");
        }
        return words.toString();
    }
}
