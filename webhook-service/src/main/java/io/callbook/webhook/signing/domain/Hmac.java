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
        return new Key(key).sha256(parts);
    }

    public static byte[] sha256(String key, byte[]... parts) {
        return new Key(key).sha256(parts);
    }

    /**
     * A key made ready to sign with once. Looking the algorithm up and deriving the key's inner and outer pads cost
     * more than hashing a webhook (1.3 % of webhook-service's CPU under the processed bench), so a key kept for an
     * integration is copied per use instead. Safe to share between threads: the prototype itself never signs.
     */
    public static final class Key {

        private final Mac prototype;

        public Key(byte[] key) {
            try {
                prototype = Mac.getInstance(ALGORITHM);
                prototype.init(new SecretKeySpec(key, ALGORITHM));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
            }
        }

        public Key(String key) {
            this(key.getBytes(StandardCharsets.UTF_8));
        }

        public byte[] sha256(byte[]... parts) {
            Mac mac;
            try {
                mac = (Mac) prototype.clone();
            } catch (CloneNotSupportedException e) {
                throw new IllegalStateException("The JDK's HmacSHA256 can be copied", e);
            }
            for (byte[] part : parts) {
                mac.update(part);
            }
            return mac.doFinal();
        }
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
