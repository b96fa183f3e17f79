package io.oms.channel.core.crypto;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.oms.channel.core.config.ChannelConfig;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

/** Seals and opens shop credentials with the configured key; the shop id is the associated data. */
@ApplicationScoped
public class CredentialVault {

    private final CredentialCipher cipher;
    private final ObjectMapper json = new ObjectMapper();

    public CredentialVault(ChannelConfig config) {
        this.cipher = CredentialCipher.fromBase64(config.encryptionKey().orElseThrow(() -> new IllegalStateException(
                "oms.channel.encryption-key (OMS_CHANNEL_ENCRYPTION_KEY) is not set: a base64 AES key of 32 bytes, "
                        + "for example from a Kubernetes Secret")));
    }

    public byte[] seal(UUID shopId, Credentials credentials) {
        try {
            return cipher.encrypt(json.writeValueAsBytes(credentials.values()), aad(shopId));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write credentials", e);
        }
    }

    public Credentials open(UUID shopId, byte[] blob) {
        try {
            return new Credentials(json.readValue(cipher.decrypt(blob, aad(shopId)), new TypeReference<Map<String, String>>() {
            }));
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot read credentials of shop " + shopId);
        }
    }

    private static byte[] aad(UUID shopId) {
        return shopId.toString().getBytes(StandardCharsets.UTF_8);
    }
}
