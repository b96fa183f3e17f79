package io.oms.channel.core.crypto;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * AES-GCM for credentials at rest. Each blob is {@code version byte | 12-byte nonce | ciphertext+tag}; the
 * associated data (the shop id) binds a blob to its row, so a blob copied to another shop does not decrypt.
 */
public final class CredentialCipher {

    private static final byte VERSION = 1;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    public CredentialCipher(byte[] key) {
        if (key.length != 16 && key.length != 24 && key.length != 32) {
            throw new IllegalArgumentException("an AES key has 16, 24 or 32 bytes, not " + key.length);
        }
        this.key = new SecretKeySpec(key, "AES");
    }

    /** From the base64 text of configuration (oms.channel.encryption-key). */
    public static CredentialCipher fromBase64(String base64Key) {
        return new CredentialCipher(Base64.getDecoder().decode(base64Key.trim()));
    }

    public byte[] encrypt(byte[] plaintext, byte[] associatedData) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData);
            byte[] sealed = cipher.doFinal(plaintext);
            return ByteBuffer.allocate(1 + NONCE_BYTES + sealed.length).put(VERSION).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encrypt credentials", e);
        }
    }

    public byte[] decrypt(byte[] blob, byte[] associatedData) {
        if (blob.length < 1 + NONCE_BYTES || blob[0] != VERSION) {
            throw new IllegalStateException("not a credentials blob of version " + VERSION);
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, blob, 1, NONCE_BYTES));
            cipher.updateAAD(associatedData);
            return cipher.doFinal(blob, 1 + NONCE_BYTES, blob.length - 1 - NONCE_BYTES);
        } catch (GeneralSecurityException e) {
            // never the cause's text: it could help an attacker; the key or the row is wrong
            throw new IllegalStateException("credentials do not decrypt: wrong key or tampered row");
        }
    }
}
