package io.oms.order.api;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/** RFC 9457 problem details, with the offending {@code field} and, for a forbidden transition, the allowed next statuses. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String field, List<String> allowedNextStatuses) {
}
