package io.callbook.common.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 as lowercase hex, for API-key hashes and rate-limit buckets. */
public final class Hashes {

    // MessageDigest.getInstance looks the provider up and checks algorithm constraints on every call, which cost more
    // than hashing a request's token; a digest is reset by digest(), so a thread can reuse its own.
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(Hashes::newSha256);

    private Hashes() {
    }

    public static String sha256Hex(String value) {
        return HexFormat.of().formatHex(sha256(value.getBytes(StandardCharsets.UTF_8)));
    }

    public static byte[] sha256(byte[] value) {
        return SHA_256.get().digest(value);
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JVM has SHA-256", e);
        }
    }
}
