package io.callbook.webhook.signing.domain;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

/**
 * The voice provider's scheme: {@code x-retell-signature: v=<unix ms>,d=<hex HMAC-SHA256(key, body + ms)>}. The time
 * is signed with the body, so an old request replayed later fails the tolerance check even with a valid digest.
 */
public final class RetellSignature {

    public static final String HEADER = "x-retell-signature";
    public static final Duration TOLERANCE = Duration.ofMinutes(5);

    private final Clock clock;

    public RetellSignature(Clock clock) {
        this.clock = clock;
    }

    public SignatureCheck verify(byte[] body, String header, Hmac.Key key) {
        if (header == null || header.isBlank()) {
            return SignatureCheck.invalid("missing " + HEADER + " header");
        }
        String timestamp = null;
        String digest = null;
        for (String part : header.split(",")) {
            String item = part.strip();
            if (item.startsWith("v=")) {
                timestamp = item.substring(2);
            } else if (item.startsWith("d=")) {
                digest = item.substring(2);
            }
        }
        if (timestamp == null || digest == null) {
            return SignatureCheck.invalid(HEADER + " must look like v=<unix ms>,d=<hex digest>");
        }
        long millis;
        try {
            millis = Long.parseLong(timestamp);
        } catch (NumberFormatException e) {
            return SignatureCheck.invalid(HEADER + " timestamp is not a number");
        }
        Duration age = Duration.between(Instant.ofEpochMilli(millis), clock.instant()).abs();
        if (age.compareTo(TOLERANCE) > 0) {
            return SignatureCheck.invalid("signature timestamp is more than " + TOLERANCE.toMinutes() + " minutes off");
        }
        byte[] expected = key.sha256(body, timestamp.getBytes(StandardCharsets.UTF_8));
        return Hmac.sameBytes(expected, Hmac.hexOrEmpty(digest)) ? SignatureCheck.VALID
                : SignatureCheck.invalid("signature does not match the body");
    }

    /** What the provider would send; used by the local helper that prints a curl command, and by tests. */
    public static String sign(byte[] body, String key, Instant at) {
        String timestamp = Long.toString(at.toEpochMilli());
        return "v=" + timestamp + ",d="
                + HexFormat.of().formatHex(Hmac.sha256(key, body, timestamp.getBytes(StandardCharsets.UTF_8)));
    }
}
