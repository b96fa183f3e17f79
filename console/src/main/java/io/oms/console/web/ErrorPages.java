package io.oms.console.web;

import io.oms.console.backend.ApiProblem;
import io.quarkus.qute.Template;
import io.quarkus.qute.Location;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** A page whose data an API refused or could not give: the error page, in words, with the field it concerns. */
public class ErrorPages {

    private final Template error;

    public ErrorPages(@Location("error.html") Template error) {
        this.error = error;
    }

    @ServerExceptionMapper
    public Response problem(ApiProblem problem) {
        int status = problem.status() == 404 ? 404 : 502;
        return page(status, problem.inWords(), problem.field());
    }

    @ServerExceptionMapper
    public Response unreachable(ProcessingException e) {
        return page(502, Unreachable.inWords(e), null);
    }

    private Response page(int status, String words, String field) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(error.data("message", words).data("field", field).render()).build();
    }
}
