package io.oms.channel.core.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/** RFC 9457 problem details, plus the offending request field. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String field) {
}
