package io.oms.console.web;

import io.oms.console.backend.ApiProblem;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;

import java.util.function.Supplier;

/**
 * An operator's action (a form post): do it through an API, then send the browser back to a page (303, post/redirect/get)
 * with what happened in words: {@code ok=...}, or {@code error=...&field=...} from the API's problem+json.
 */
public final class Outcome {

    private Outcome() {
    }

    /** Runs the action; on success goes to {@code success.apply(result)} with its message, on a refusal back to {@code back}. */
    public static <T> Response run(String back, Supplier<T> action, java.util.function.Function<T, Redirect> success) {
        T result;
        try {
            result = action.get();
        } catch (ApiProblem problem) {
            return refused(back, problem.inWords(), problem.field());
        } catch (ProcessingException unreachable) {
            return refused(back, Unreachable.inWords(unreachable), null);
        }
        Redirect next = success.apply(result);
        return to(next.path(), "ok", next.message());
    }

    public static Response refused(String back, String words, String field) {
        UriBuilder uri = UriBuilder.fromUri(back).replaceQueryParam("ok").replaceQueryParam("error", words);
        if (field != null && !field.isBlank()) {
            uri.replaceQueryParam("field", field);
        }
        return Response.seeOther(uri.build()).build();
    }

    public static Response to(String path, String kind, String message) {
        UriBuilder uri = UriBuilder.fromUri(path);
        if (message != null) {
            uri.replaceQueryParam(kind, message);
        }
        return Response.seeOther(uri.build()).build();
    }

    /** Where to go after a success, and what to say there. */
    public record Redirect(String path, String message) {
    }
}
