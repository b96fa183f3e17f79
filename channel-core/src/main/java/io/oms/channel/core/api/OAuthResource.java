package io.oms.channel.core.api;

import io.oms.rest.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.annotation.security.PermitAll;
import io.oms.channel.core.oauth.OAuthFlow;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.util.Map;
import java.util.UUID;

/** The OAuth 2.0 flow with PKCE: start (new shop or re-authentication), and the marketplace's callback. */
@Path("/api/v1/shops")
@Produces(MediaType.APPLICATION_JSON)
public class OAuthResource {

    private final OAuthFlow flow;

    public OAuthResource(OAuthFlow flow) {
        this.flow = flow;
    }

    /** Body as the channel defines it without the authorization (Etsy: name, shopId, keystring, sharedSecret). */
    @RolesAllowed(Roles.ADMIN)
    @POST
    @Path("/oauth/authorize")
    public OAuthFlow.Authorization authorize(Map<String, Object> body) {
        return flow.start(body, null);
    }

    /** Re-authentication of a connected shop: the login must be for the same marketplace shop. */
    @RolesAllowed(Roles.ADMIN)
    @POST
    @Path("/{id}/oauth/authorize")
    public OAuthFlow.Authorization reauthorize(@PathParam("id") UUID id, Map<String, Object> body) {
        return flow.start(body, id);
    }

    @PermitAll
    @GET
    @Path("/oauth/callback")
    public ShopView callback(@QueryParam("state") String state, @QueryParam("code") String code, @QueryParam("error") String error) {
        return ShopView.of(flow.complete(state, code, error));
    }
}
