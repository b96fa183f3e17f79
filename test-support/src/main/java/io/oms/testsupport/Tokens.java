package io.oms.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Real RS256-signed bearer tokens for tests, Keycloak-shaped (roles under {@code realm_access.roles}). Services verify them
 * with the public key that test-support's {@code META-INF/microprofile-config.properties} sets for the test profile.
 */
public final class Tokens {

    public static final String ISSUER = "https://oms.test/issuer";
    private static final PrivateKey KEY = load();

    private Tokens() {
    }

    /**
     * The public key that verifies these tokens (base64 DER), for a service run as a process:
     * {@code QUARKUS_OIDC_PUBLIC_KEY=<this>} without {@code QUARKUS_OIDC_AUTH_SERVER_URL}.
     */
    public static String publicKey() {
        try (InputStream in = Tokens.class.getResourceAsStream("test-token-public-key.b64")) {
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String admin() {
        return withRoles("test-admin", "oms-admin");
    }

    public static String operator() {
        return withRoles("test-operator", "oms-operator");
    }

    public static String viewer() {
        return withRoles("test-viewer", "oms-viewer");
    }

    /** A valid token of the given user with the given realm roles (none: authenticated but allowed nothing). */
    public static String withRoles(String user, String... roles) {
        long now = Instant.now().getEpochSecond();
        String roleList = List.of(roles).stream().map(r -> "\"" + r + "\"").collect(Collectors.joining(","));
        String claims = "{\"iss\":\"" + ISSUER + "\",\"sub\":\"" + user + "\",\"preferred_username\":\"" + user
                + "\",\"iat\":" + now + ",\"exp\":" + (now + 3600) + ",\"realm_access\":{\"roles\":[" + roleList + "]}}";
        return sign(claims);
    }

    /** A token whose signature does not verify (signed, then its payload changed). */
    public static String tampered() {
        String[] parts = admin().split("\\.");
        String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8).replace("test-admin", "intruder");
        return parts[0] + "." + b64(claims.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
    }

    private static String sign(String claims) {
        String input = b64("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + b64(claims.getBytes(StandardCharsets.UTF_8));
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(KEY);
            signature.update(input.getBytes(StandardCharsets.US_ASCII));
            return input + "." + b64(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static PrivateKey load() {
        try (InputStream in = Tokens.class.getResourceAsStream("test-token-signing-key.b64")) {
            byte[] der = Base64.getMimeDecoder().decode(in.readAllBytes());
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
