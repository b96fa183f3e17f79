package io.oms.channel.etsy.client;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import java.util.List;
import java.util.Map;

/** The Etsy Open API v3 operations the connector uses (base URL: etsy.api-base-url). */
@Path("/v3")
@RegisterRestClient(configKey = "etsy")
@RegisterProvider(RateLimitHeaders.class)
@Produces(MediaType.APPLICATION_JSON)
public interface EtsyApi {

    /** Etsy's token endpoint, refresh_token grant: every refresh rotates the refresh token. */
    @POST
    @Path("/public/oauth/token")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    EtsyModel.Token refreshToken(@FormParam("grant_type") String grantType, @FormParam("client_id") String clientId,
            @FormParam("refresh_token") String refreshToken);

    @GET
    @Path("/application/users/me")
    EtsyModel.Me getMe(@HeaderParam("x-api-key") String apiKey, @HeaderParam("Authorization") String bearer);

    @GET
    @Path("/application/shops/{shop_id}")
    EtsyModel.Shop getShop(@HeaderParam("x-api-key") String apiKey, @HeaderParam("Authorization") String bearer,
            @PathParam("shop_id") long shopId);

    @GET
    @Path("/application/shops/{shop_id}/receipts")
    EtsyModel.Receipts getShopReceipts(@HeaderParam("x-api-key") String apiKey, @HeaderParam("Authorization") String bearer,
            @PathParam("shop_id") long shopId,
            @QueryParam("min_last_modified") Long minLastModified,
            @QueryParam("min_created") Long minCreated,
            @QueryParam("max_created") Long maxCreated,
            @QueryParam("sort_on") String sortOn,
            @QueryParam("sort_order") String sortOrder,
            @QueryParam("limit") int limit,
            @QueryParam("offset") int offset);

    /** The authorization_code grant (OAuth 2.0 with PKCE). */
    @POST
    @Path("/public/oauth/token")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    EtsyModel.Token authorizationCode(@FormParam("grant_type") String grantType, @FormParam("client_id") String clientId,
            @FormParam("redirect_uri") String redirectUri, @FormParam("code") String code, @FormParam("code_verifier") String codeVerifier);

    @GET
    @Path("/application/shops/{shop_id}/receipts/{receipt_id}")
    EtsyModel.ReceiptShipments getShopReceipt(@HeaderParam("x-api-key") String apiKey, @HeaderParam("Authorization") String bearer,
            @PathParam("shop_id") long shopId, @PathParam("receipt_id") long receiptId);

    @GET
    @Path("/application/shops/{shop_id}/listings")
    EtsyModel.Listings getListingsByShop(@HeaderParam("x-api-key") String apiKey, @HeaderParam("Authorization") String bearer,
            @PathParam("shop_id") long shopId, @QueryParam("state") String state, @QueryParam("limit") int limit,
            @QueryParam("offset") int offset, @QueryParam("includes") List<String> includes);

    /** Up to 100 listings by id ("Limit 100 ids maximum per query"); with includes=Inventory, each with its inventory. */
    @GET
    @Path("/application/listings/batch")
    EtsyModel.Listings getListingsByListingIds(@HeaderParam("x-api-key") String apiKey, @HeaderParam("Authorization") String bearer,
            @QueryParam("listing_ids") List<Long> listingIds, @QueryParam("includes") List<String> includes);

    @GET
    @Path("/application/listings/{listing_id}/inventory")
    EtsyModel.Inventory getListingInventory(@HeaderParam("x-api-key") String apiKey, @HeaderParam("Authorization") String bearer,
            @PathParam("listing_id") long listingId);

    /** Replaces the listing's whole inventory: every product and offering must be sent. */
    @PUT
    @Path("/application/listings/{listing_id}/inventory")
    @Consumes(MediaType.APPLICATION_JSON)
    EtsyModel.Inventory updateListingInventory(@HeaderParam("x-api-key") String apiKey, @HeaderParam("Authorization") String bearer,
            @PathParam("listing_id") long listingId, Map<String, Object> inventory);

    @GET
    @Path("/application/shipping-carriers")
    EtsyModel.Carriers getShippingCarriers(@HeaderParam("x-api-key") String apiKey, @HeaderParam("Authorization") String bearer,
            @QueryParam("origin_country_iso") String originCountryIso);

    @POST
    @Path("/application/shops/{shop_id}/receipts/{receipt_id}/tracking")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    EtsyModel.ReceiptShipments createReceiptShipment(@HeaderParam("x-api-key") String apiKey, @HeaderParam("Authorization") String bearer,
            @PathParam("shop_id") long shopId, @PathParam("receipt_id") long receiptId, @FormParam("tracking_code") String trackingCode,
            @FormParam("carrier_name") String carrierName, @FormParam("note_to_buyer") String noteToBuyer);

    /** Changes a listing's state (active, inactive); other fields are left as they are. */
    @PATCH
    @Path("/application/shops/{shop_id}/listings/{listing_id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    EtsyModel.Listing updateListingState(@HeaderParam("x-api-key") String apiKey, @HeaderParam("Authorization") String bearer,
            @PathParam("shop_id") long shopId, @PathParam("listing_id") long listingId, @FormParam("state") String state);

    @POST
    @Path("/application/shops/{shop_id}/listings")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    EtsyModel.Listing createDraftListing(@HeaderParam("x-api-key") String apiKey, @HeaderParam("Authorization") String bearer,
            @PathParam("shop_id") long shopId, @FormParam("quantity") int quantity, @FormParam("title") String title,
            @FormParam("description") String description, @FormParam("price") double price, @FormParam("who_made") String whoMade,
            @FormParam("when_made") String whenMade, @FormParam("taxonomy_id") long taxonomyId,
            @FormParam("shipping_profile_id") Long shippingProfileId, @FormParam("image_ids") List<Long> imageIds);
}
