package io.callbook.webhook.signing.domain;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Signs outbound webhooks as the Standard Webhooks spec says: {@code webhook-signature: v1,<base64 HMAC-SHA256(key,
 * "<id>.<timestamp>.<body>")>}, where the key is the base64 part of a {@code whsec_} secret.
 */
public final class StandardWebhookSigner {

    public static final String SECRET_PREFIX = "whsec_";

    private StandardWebhookSigner() {
    }

    /** @param timestampSeconds unix seconds, as sent in {@code webhook-timestamp} */
    public static String signature(String secret, String messageId, long timestampSeconds, byte[] body) {
        byte[] key = key(secret);
        byte[] signed = Hmac.sha256(key, (messageId + "." + timestampSeconds + ".").getBytes(StandardCharsets.UTF_8), body);
        return "v1," + Base64.getEncoder().encodeToString(signed);
    }

    static byte[] key(String secret) {
        if (secret == null || !secret.startsWith(SECRET_PREFIX)) {
            throw new IllegalArgumentException("A Standard Webhooks secret starts with " + SECRET_PREFIX);
        }
        return Base64.getDecoder().decode(secret.substring(SECRET_PREFIX.length()));
    }
}
