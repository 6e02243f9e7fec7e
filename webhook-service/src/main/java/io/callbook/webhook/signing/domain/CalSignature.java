package io.callbook.webhook.signing.domain;

import java.util.HexFormat;

/**
 * The calendar provider's scheme: {@code X-Cal-Signature-256} = lowercase hex HMAC-SHA256(secret, body). It signs no
 * time, so replays are caught by the inbox's dedupe on booking uid and trigger instead.
 */
public final class CalSignature {

    public static final String HEADER = "X-Cal-Signature-256";

    private CalSignature() {
    }

    public static SignatureCheck verify(byte[] body, String header, Hmac.Key key) {
        if (header == null || header.isBlank()) {
            return SignatureCheck.invalid("missing " + HEADER + " header");
        }
        return Hmac.sameBytes(key.sha256(body), Hmac.hexOrEmpty(header)) ? SignatureCheck.VALID
                : SignatureCheck.invalid("signature does not match the body");
    }

    public static String sign(byte[] body, String secret) {
        return HexFormat.of().formatHex(Hmac.sha256(secret, body));
    }
}
