package io.oms.channel.core.oauth;

import io.oms.channel.core.api.ProblemException;
import io.oms.channel.core.config.ChannelConfig;
import io.oms.channel.core.crypto.CredentialVault;
import io.oms.channel.core.crypto.Credentials;
import io.oms.channel.core.db.Sql;
import io.oms.channel.core.marketplace.ConnectRequest;
import io.oms.channel.core.marketplace.ConnectedShop;
import io.oms.channel.core.marketplace.MarketplaceRefusal;
import io.oms.channel.core.shop.Shop;
import io.oms.channel.core.shop.ShopService;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.transaction.Transactional;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The OAuth 2.0 authorization code flow with PKCE (S256). Step one stores a random state with the code verifier
 * and the connection request (sealed with the credential key) for {@code oms.channel.oauth.state-ttl} (5 minutes)
 * and answers the consent page address; step two (the callback) takes the state once, exchanges the code and
 * connects the shop. A late callback gets a clear error; a re-authentication that lands on another account is
 * refused by the channel before anything is stored, so nothing changes.
 */
@ApplicationScoped
public class OAuthFlow {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String VERIFIER = "oauth.codeVerifier";
    private static final String REDIRECT = "oauth.redirectUri";
    /** Credential names that identify the marketplace app rather than the authorization (Etsy's keystring and shared secret). */
    private static final java.util.Set<String> APP_KEYS = java.util.Set.of("keystring", "sharedSecret", "clientId", "clientSecret");

    private final Instance<OAuthChannel> channels;
    private final ShopService shops;
    private final CredentialVault vault;
    private final io.oms.channel.core.shop.ShopCredentials credentials;
    private final Sql sql;
    private final ChannelConfig config;
    private final Clock clock;

    public OAuthFlow(Instance<OAuthChannel> channels, ShopService shops, CredentialVault vault, io.oms.channel.core.shop.ShopCredentials credentials,
            Sql sql, ChannelConfig config, Clock clock) {
        this.credentials = credentials;
        this.channels = channels;
        this.shops = shops;
        this.vault = vault;
        this.sql = sql;
        this.config = config;
        this.clock = clock;
    }

    /**
     * Starts an authorization: a new connection ({@code reauthenticate} null) or a re-authentication of a connected
     * shop, whose marketplace shop id is then fixed to the one connected.
     */
    @Transactional
    public Authorization start(Map<String, Object> body, UUID reauthenticate) {
        OAuthChannel channel = channel();
        Map<String, Object> fields = new HashMap<>(body == null ? Map.of() : body);
        if (reauthenticate != null) {
            Shop shop = shops.get(reauthenticate);
            fields.put("shopId", shop.externalShopId());
            // the app's keys stay as stored unless the operator gives new ones; tokens are never copied into the request
            credentials.current(reauthenticate).values().forEach((k, v) -> {
                if (APP_KEYS.contains(k)) {
                    fields.putIfAbsent(k, v);
                }
            });
        }
        ConnectRequest request = new ConnectRequest(fields);
        String state = token(24);
        String verifier = token(48);
        String redirectUri = config.oauth().redirectUri();
        String url = channel.authorizeUrl(request, state, challenge(verifier), redirectUri);
        Instant now = clock.instant();
        Instant expiresAt = now.plus(config.oauth().stateTtl());
        UUID id = UUID.randomUUID();
        Map<String, String> sealed = new HashMap<>();
        request.fields().forEach((k, v) -> sealed.put(k, String.valueOf(v)));
        sealed.put(VERIFIER, verifier);
        sealed.put(REDIRECT, redirectUri);
        sql.update("delete from channel_oauth_state where expires_at < ?", now.minus(config.oauth().stateTtl()));
        sql.update("insert into channel_oauth_state (state, id, shop_id, sealed, created_at, expires_at) values (?, ?, ?, ?, ?, ?)",
                state, id, reauthenticate, vault.seal(id, new Credentials(sealed)), now, expiresAt);
        return new Authorization(url, state, expiresAt);
    }

    /** The callback: exchanges the code of a state that is known and not expired, and connects the shop. */
    public Shop complete(String state, String code, String error) {
        if (state == null || state.isBlank()) {
            throw ProblemException.badField("state", "state is required");
        }
        Pending pending = take(state).orElseThrow(() -> new ProblemException(400, "Unknown authorization",
                "this authorization is unknown or was already used: start the connection again", "state"));
        if (!pending.expiresAt().isAfter(clock.instant())) {
            throw new ProblemException(410, "Authorization expired", "the login took longer than " + config.oauth().stateTtl().toMinutes()
                    + " minutes and its authorization expired: start the connection again", "state");
        }
        if (error != null && !error.isBlank()) {
            throw new MarketplaceRefusal("the marketplace did not authorize the shop: " + error);
        }
        if (code == null || code.isBlank()) {
            throw ProblemException.badField("code", "code is required");
        }
        Map<String, Object> fields = new HashMap<>(pending.values().values());
        String verifier = (String) fields.remove(VERIFIER);
        String redirectUri = (String) fields.remove(REDIRECT);
        ConnectRequest request = new ConnectRequest(fields);
        ConnectedShop connected = channel().completeAuthorization(request, code, verifier, redirectUri);
        if (pending.shopId() != null) {
            Shop shop = shops.get(pending.shopId());
            if (!shop.externalShopId().equals(connected.externalShopId())) {
                throw new MarketplaceRefusal("the login was for shop " + connected.externalShopId() + ", not for the shop being re-authenticated ("
                        + shop.externalShopId() + "): nothing was changed", "shopId");
            }
        }
        Shop shop = shops.connected(connected, request.text("name").orElse(connected.name()));
        Log.infof("shop %s connected through OAuth (%s)", shop.id(), shop.externalShopId());
        return shop;
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    Optional<Pending> take(String state) {
        Optional<Pending> pending = sql.one("select id, shop_id, sealed, expires_at from channel_oauth_state where state = ? for update",
                rs -> new Pending(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getBytes(3), Sql.instant(rs.getTimestamp(4))), state);
        pending.ifPresent(p -> sql.update("delete from channel_oauth_state where state = ?", state));
        return pending.map(p -> p.open(vault));
    }

    private OAuthChannel channel() {
        if (!channels.isResolvable()) {
            throw new ProblemException(501, "Not implemented", "this channel does not offer the OAuth flow", null);
        }
        return channels.get();
    }

    static String challenge(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String token(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    /** Where to send the operator, and until when the login may take. */
    public record Authorization(String authorizeUrl, String state, Instant expiresAt) {
    }

    record Pending(UUID id, UUID shopId, byte[] sealed, Instant expiresAt, Credentials values) {

        Pending(UUID id, UUID shopId, byte[] sealed, Instant expiresAt) {
            this(id, shopId, sealed, expiresAt, null);
        }

        Pending open(CredentialVault vault) {
            return new Pending(id, shopId, sealed, expiresAt, vault.open(id, sealed));
        }

        @Override
        public String toString() {
            return "Pending[" + id + "]";
        }
    }
}
