package io.oms.channel.core.api;

import io.oms.channel.core.marketplace.MarketplaceRefusal;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.NoSuchElementException;

/** Every error of the channel API leaves as application/problem+json. */
public class ProblemMapper {

    private static final String TYPE = "https://oms.io/problems/";

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        return answer(new Problem(TYPE + slug(e.title()), e.title(), e.status(), e.getMessage(), e.field()));
    }

    @ServerExceptionMapper
    public Response refused(MarketplaceRefusal e) {
        return answer(new Problem(TYPE + "marketplace-refused", "The marketplace refused the connection", 422, e.getMessage(), e.field()));
    }

    @ServerExceptionMapper
    public Response notFound(NoSuchElementException e) {
        return answer(new Problem(TYPE + "not-found", "Not found", 404, e.getMessage(), null));
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        return answer(new Problem(TYPE + "http-" + status, e.getResponse().getStatusInfo().getReasonPhrase(), status, e.getMessage(), null));
    }

    private static Response answer(Problem problem) {
        return Response.status(problem.status()).type("application/problem+json").entity(problem).build();
    }

    private static String slug(String title) {
        return title.toLowerCase().replaceAll("[^a-z0-9]+", "-");
    }
}
