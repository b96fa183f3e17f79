package io.oms.rest;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * 401 (no token, or one that does not verify) and 403 (a valid token without the role) leave every API as
 * application/problem+json (RFC 9457), like every other error. Needs {@code quarkus.http.auth.proactive=false}, so that
 * authentication happens where these mappers apply.
 */
public class SecurityProblems {

    public static final String TYPE = "https://oms.io/problems/";
    public static final String PROBLEM_JSON = "application/problem+json";

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthorized(RuntimeException e) {
        return answer(401, "unauthorized", "Unauthorized",
                "a valid bearer token (Authorization: Bearer ...) from the configured OIDC issuer is required")
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return answer(403, "forbidden", "Forbidden",
                "the token's roles do not allow this call (roles: " + Roles.VIEWER + " reads, " + Roles.OPERATOR
                        + " works on orders, stock, shipments and syncs, " + Roles.ADMIN + " manages shops, credentials and mappings)")
                .build();
    }

    private static Response.ResponseBuilder answer(int status, String slug, String title, String detail) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", TYPE + slug);
        problem.put("title", title);
        problem.put("status", status);
        problem.put("detail", detail);
        return Response.status(status).type(PROBLEM_JSON).entity(problem);
    }
}
