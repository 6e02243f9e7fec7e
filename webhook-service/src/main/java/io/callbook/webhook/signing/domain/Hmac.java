package io.callbook.webhook.signing.domain;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;

/** HMAC-SHA256 and the constant-time comparison every signature scheme here needs. */
public final class Hmac {

    private static final String ALGORITHM = "HmacSHA256";

    private Hmac() {
    }

    public static byte[] sha256(byte[] key, byte[]... parts) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(key, ALGORITHM));
            for (byte[] part : parts) {
                mac.update(part);
            }
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    public static byte[] sha256(String key, byte[]... parts) {
        return sha256(key.getBytes(StandardCharsets.UTF_8), parts);
    }

    /** Compares in time that does not depend on where the values differ, so a forger learns nothing from timing. */
    public static boolean sameBytes(byte[] expected, byte[] given) {
        return MessageDigest.isEqual(expected, given);
    }

    /** @return the bytes of a hex string, or an empty array when it is not hex (which then never matches) */
    public static byte[] hexOrEmpty(String hex) {
        try {
            return HexFormat.of().parseHex(hex.strip().toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return new byte[0];
        }
    }
}
