package io.oms.sandbox.etsy.oauth;

import io.oms.sandbox.SandboxClock;
import io.oms.sandbox.SandboxConfig;
import io.oms.sandbox.etsy.EtsyShop;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Etsy's OAuth 2.0 state: authorization codes, access tokens, rotating refresh tokens. */
@Singleton
public class TokenService {

    /** Every scope Etsy defines; tokens issued through the control API carry all of them. */
    public static final Set<String> ALL_SCOPES = Set.of("address_r", "address_w", "billing_r", "cart_r", "cart_w",
            "email_r", "favorites_r", "favorites_w", "feedback_r", "listings_d", "listings_r", "listings_w",
            "profile_r", "profile_w", "recommend_r", "recommend_w", "shops_r", "shops_w", "transactions_r",
            "transactions_w");

    public record AuthCode(String code, String clientId, String redirectUri, String challenge, Set<String> scopes,
                           long shopId, long userId, Instant expiresAt) {
    }

    /** An access or refresh token. */
    public static final class Token {
        public final String value;
        public final String keystring;
        public final long shopId;
        public final long userId;
        public final Set<String> scopes;
        /** Volatile, not final: a shorter lifetime set for the shop cuts the tokens it already holds. */
        public volatile Instant expiresAt;
        public volatile boolean revoked;

        Token(String value, String keystring, long shopId, long userId, Set<String> scopes, Instant expiresAt) {
            this.value = value;
            this.keystring = keystring;
            this.shopId = shopId;
            this.userId = userId;
            this.scopes = scopes;
            this.expiresAt = expiresAt;
        }
    }

    /** What the token endpoint hands out. */
    public record Grant(Token access, Token refresh) {
    }

    private final SecureRandom random = new SecureRandom();
    private final SandboxClock clock;
    private final SandboxConfig config;
    private final Map<String, AuthCode> codes = new ConcurrentHashMap<>();
    private final Map<String, Token> access = new ConcurrentHashMap<>();
    private final Map<String, Token> refresh = new ConcurrentHashMap<>();
    /** Per-shop access-token lifetime set through the control API (fault runs: tokens expiring every minute). */
    private final Map<Long, Duration> accessLifetimeByShop = new ConcurrentHashMap<>();

    public TokenService(SandboxClock clock, SandboxConfig config) {
        this.clock = clock;
        this.config = config;
    }

    public AuthCode newCode(EtsyShop shop, String redirectUri, String challenge, Set<String> scopes) {
        AuthCode code = new AuthCode(randomString(48), shop.keystring, redirectUri, challenge, scopes, shop.shopId,
                shop.userId, clock.instant().plusSeconds(600));
        codes.put(code.code(), code);
        return code;
    }

    /** Takes a code once; a second use finds nothing. */
    public Optional<AuthCode> takeCode(String code) {
        return Optional.ofNullable(code == null ? null : codes.remove(code));
    }

    public static boolean verifierMatches(String verifier, String challenge) {
        if (verifier == null || challenge == null) {
            return false;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest).equals(challenge);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public Grant issue(String keystring, long shopId, long userId, Set<String> scopes) {
        Instant now = clock.instant();
        Token a = new Token(userId + "." + randomString(64), keystring, shopId, userId, scopes,
                now.plus(accessTokenLifetime(shopId)));
        Token r = new Token(userId + "." + randomString(64), keystring, shopId, userId, scopes,
                now.plus(config.etsy().refreshTokenLifetime()));
        access.put(a.value, a);
        refresh.put(r.value, r);
        return new Grant(a, r);
    }

    public Optional<Token> access(String value) {
        return Optional.ofNullable(value == null ? null : access.get(value));
    }

    public Optional<Token> refresh(String value) {
        return Optional.ofNullable(value == null ? null : refresh.get(value));
    }

    /** Rotates: the old refresh token stops working, a new pair is issued. */
    public Grant rotate(Token old) {
        refresh.remove(old.value);
        return issue(old.keystring, old.shopId, old.userId, old.scopes);
    }

    /** The lifetime of the shop's new access tokens: its own when set, else {@code sandbox.etsy.access-token-lifetime}. */
    public Duration accessTokenLifetime(long shopId) {
        return accessLifetimeByShop.getOrDefault(shopId, config.etsy().accessTokenLifetime());
    }

    /**
     * Sets the shop's access-token lifetime (null: back to the configured one); tokens it holds that would outlive
     * the new lifetime expire at now + lifetime, as if issued now.
     */
    public void accessTokenLifetime(long shopId, Duration lifetime) {
        if (lifetime == null) {
            accessLifetimeByShop.remove(shopId);
            return;
        }
        accessLifetimeByShop.put(shopId, lifetime);
        Instant latest = clock.instant().plus(lifetime);
        access.values().stream().filter(t -> t.shopId == shopId && t.expiresAt.isAfter(latest)).forEach(t -> t.expiresAt = latest);
    }

    public boolean expired(Token token) {
        return !clock.instant().isBefore(token.expiresAt);
    }

    /** Forgets every token of a shop (reset). */
    public void forgetShop(long shopId) {
        access.values().removeIf(t -> t.shopId == shopId);
        refresh.values().removeIf(t -> t.shopId == shopId);
        codes.values().removeIf(c -> c.shopId() == shopId);
        accessLifetimeByShop.remove(shopId);
    }

    public void clear() {
        access.clear();
        refresh.clear();
        codes.clear();
        accessLifetimeByShop.clear();
    }

    private String randomString(int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes).substring(0, length);
    }
}
