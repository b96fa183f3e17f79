package io.oms.channel.core.crypto;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CredentialCipherTest {

    private static final String KEY = Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8));
    private final CredentialCipher cipher = CredentialCipher.fromBase64(KEY);

    @Test
    void sealedCredentialsOpenWithTheSameKeyAndShop() {
        byte[] sealed = cipher.encrypt(utf8("refresh-token-secret"), utf8("shop-1"));

        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("refresh-token-secret");
        assertThat(cipher.decrypt(sealed, utf8("shop-1"))).isEqualTo(utf8("refresh-token-secret"));
    }

    @Test
    void theSameSecretSealsDifferentlyEachTime() {
        assertThat(cipher.encrypt(utf8("s"), utf8("shop-1"))).isNotEqualTo(cipher.encrypt(utf8("s"), utf8("shop-1")));
    }

    @Test
    void aBlobCopiedToAnotherShopDoesNotOpen() {
        byte[] sealed = cipher.encrypt(utf8("secret"), utf8("shop-1"));

        assertThatThrownBy(() -> cipher.decrypt(sealed, utf8("shop-2"))).hasMessageContaining("do not decrypt");
    }

    @Test
    void anotherKeyDoesNotOpenAndATamperedBlobIsRefused() {
        byte[] sealed = cipher.encrypt(utf8("secret"), utf8("shop-1"));
        CredentialCipher other = new CredentialCipher("fedcba9876543210fedcba9876543210".getBytes(StandardCharsets.UTF_8));
        byte[] tampered = sealed.clone();
        tampered[tampered.length - 1] ^= 1;

        assertThatThrownBy(() -> other.decrypt(sealed, utf8("shop-1"))).hasMessageContaining("do not decrypt");
        assertThatThrownBy(() -> cipher.decrypt(tampered, utf8("shop-1"))).hasMessageContaining("do not decrypt");
    }

    @Test
    void aKeyOfTheWrongLengthIsRefused() {
        assertThatThrownBy(() -> new CredentialCipher(new byte[7])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void credentialsNeverPrintTheirValues() {
        Credentials credentials = new Credentials(java.util.Map.of("refreshToken", "very-secret"));

        assertThat(credentials.toString()).contains("refreshToken").doesNotContain("very-secret");
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
