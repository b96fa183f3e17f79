package io.oms.sandbox.oidc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The issuer's RSA key, made at start (tokens from an earlier run no longer verify): signs RS256 JWTs, publishes the JWKS. */
@ApplicationScoped
public class SigningKey {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final KeyPair pair;
    private final String kid = UUID.randomUUID().toString();

    public SigningKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            this.pair = generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public String sign(Map<String, Object> claims) {
        Map<String, Object> header = Map.of("alg", "RS256", "typ", "JWT", "kid", kid);
        String input = b64(json(header)) + "." + b64(json(claims));
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(pair.getPrivate());
            signature.update(input.getBytes(StandardCharsets.US_ASCII));
            return input + "." + b64(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The claims of a token this key signed, if its signature verifies and it has not expired. */
    @SuppressWarnings("unchecked")
    public Optional<Map<String, Object>> verify(String token, long nowSeconds) {
        String[] parts = token == null ? new String[0] : token.split("\\.");
        if (parts.length != 3) {
            return Optional.empty();
        }
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initVerify(pair.getPublic());
            signature.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            if (!signature.verify(Base64.getUrlDecoder().decode(parts[2]))) {
                return Optional.empty();
            }
            Map<String, Object> claims = JSON.readValue(Base64.getUrlDecoder().decode(parts[1]), Map.class);
            Object exp = claims.get("exp");
            return exp instanceof Number n && n.longValue() > nowSeconds ? Optional.of(claims) : Optional.empty();
        } catch (GeneralSecurityException | java.io.IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    public Map<String, Object> jwks() {
        RSAPublicKey key = (RSAPublicKey) pair.getPublic();
        Map<String, Object> jwk = new LinkedHashMap<>();
        jwk.put("kty", "RSA");
        jwk.put("use", "sig");
        jwk.put("alg", "RS256");
        jwk.put("kid", kid);
        jwk.put("n", b64(unsigned(key.getModulus())));
        jwk.put("e", b64(unsigned(key.getPublicExponent())));
        return Map.of("keys", List.of(jwk));
    }

    private static byte[] unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            byte[] trimmed = new byte[bytes.length - 1];
            System.arraycopy(bytes, 1, trimmed, 0, trimmed.length);
            return trimmed;
        }
        return bytes;
    }

    private static byte[] json(Object value) {
        try {
            return JSON.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
