package io.oms.channel.shopify.webhooks;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookSignatureTest {

    private static final byte[] BODY = "The quick brown fox jumps over the lazy dog".getBytes(StandardCharsets.UTF_8);

    @Test
    void theKnownHmacSha256OfABodyIsValid() {
        assertThat(WebhookSignature.valid(BODY, "97yD9DBThCSxMpjmqm+xQ+9NWaFJRhdZl0edvC0aPNg=", "key")).isTrue();
    }

    @Test
    void anotherSecretAnotherBodyOrGarbageIsNotValid() {
        assertThat(WebhookSignature.valid(BODY, "97yD9DBThCSxMpjmqm+xQ+9NWaFJRhdZl0edvC0aPNg=", "other")).isFalse();
        assertThat(WebhookSignature.valid("x".getBytes(StandardCharsets.UTF_8), "97yD9DBThCSxMpjmqm+xQ+9NWaFJRhdZl0edvC0aPNg=", "key")).isFalse();
        assertThat(WebhookSignature.valid(BODY, "not base64 !", "key")).isFalse();
        assertThat(WebhookSignature.valid(BODY, null, "key")).isFalse();
        assertThat(WebhookSignature.valid(BODY, "97yD9DBThCSxMpjmqm+xQ+9NWaFJRhdZl0edvC0aPNg=", null)).isFalse();
    }
}
