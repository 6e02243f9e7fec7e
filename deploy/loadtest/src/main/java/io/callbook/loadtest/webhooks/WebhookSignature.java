package io.callbook.loadtest.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs a webhook body the way each provider does (DESIGN: provider facts), for the bench's traffic and for
 * {@code ./callbook sign}. webhook-service verifies these schemes in its own domain code, which a deploy tool may not
 * import; the smoke test proves both sides agree, against the packaged service.
 */
public enum WebhookSignature {

    /** Retell-style: {@code x-retell-signature: v=<unix ms>,d=<hex HMAC-SHA256(secret, body + ms)>}. */
    VOICE("x-retell-signature") {
        @Override
        public String value(byte[] body, String secret, Instant at) {
            String millis = Long.toString(at.toEpochMilli());
            return "v=" + millis + ",d=" + hmacHex(secret, body, millis.getBytes(StandardCharsets.UTF_8));
        }
    },
    /** Cal.com-style: {@code X-Cal-Signature-256: <hex HMAC-SHA256(secret, body)>}; no time is signed. */
    CALENDAR("X-Cal-Signature-256") {
        @Override
        public String value(byte[] body, String secret, Instant at) {
            return hmacHex(secret, body);
        }
    };

    private final String header;

    WebhookSignature(String header) {
        this.header = header;
    }

    public String header() {
        return header;
    }

    /** The header's value for this body, signed at {@code at} where the scheme signs a time. */
    public abstract String value(byte[] body, String secret, Instant at);

    /** The whole header line, as curl's {@code -H} takes it. */
    public String headerLine(byte[] body, String secret, Instant at) {
        return header + ": " + value(body, secret, at);
    }

    private static String hmacHex(String secret, byte[]... parts) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            for (byte[] part : parts) {
                mac.update(part);
            }
            return HexFormat.of().formatHex(mac.doFinal());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
