package io.callbook.devstack;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.interfaces.RSAPrivateCrtKey;
import java.util.Arrays;
import java.util.Base64;

/**
 * The token keys of a stack: resolver-service's signing key ({@code jwt-signing/signing.pem}, the folder its
 * {@code callbook.tokens.key-dir} points at) and the matching public JWKS ({@code jwks.json}), which tests' services
 * verify against where they do not fetch resolver-service's own. The key id is the RFC 7638 thumbprint, the one
 * resolver-service computes.
 */
final class JwtKeys {

    static final String SIGNING_DIR = "jwt-signing";
    static final String SIGNING_KEY_FILE = "signing.pem";
    static final String JWKS_FILE = "jwks.json";
    /** Where earlier runs kept the pair; the private key moves into the signing folder so its tokens stay valid. */
    private static final String OLD_PRIVATE_KEY_FILE = "jwt-private.pem";
    private static final String OLD_PUBLIC_KEY_FILE = "jwt-public.pem";

    private JwtKeys() {
    }

    /** Generates the signing key once per folder (later calls keep it, so tokens stay valid across restarts). */
    static void ensure(Path dir) throws IOException {
        Path signing = dir.resolve(SIGNING_DIR).resolve(SIGNING_KEY_FILE);
        Files.createDirectories(signing.getParent());
        Path old = dir.resolve(OLD_PRIVATE_KEY_FILE);
        if (!Files.isRegularFile(signing) && Files.isRegularFile(old)) {
            Files.move(old, signing, StandardCopyOption.ATOMIC_MOVE);
        }
        Files.deleteIfExists(old);
        Files.deleteIfExists(dir.resolve(OLD_PUBLIC_KEY_FILE));
        if (!Files.isRegularFile(signing)) {
            try {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                // getEncoded() of an RSA private key is PKCS#8
                write(signing, pem("PRIVATE KEY", generator.generateKeyPair().getPrivate().getEncoded()));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
        write(dir.resolve(JWKS_FILE), jwks(signing));
    }

    /** The kid resolver-service signs with when this is its signing key. */
    static String keyId(Path signingKey) throws IOException {
        RSAPrivateCrtKey key = privateKey(signingKey);
        return thumbprint(base64Url(key.getPublicExponent()), base64Url(key.getModulus()));
    }

    static RSAPrivateCrtKey privateKey(Path pemFile) throws IOException {
        String text = Files.readString(pemFile);
        String body = text.substring(text.indexOf("-----BEGIN PRIVATE KEY-----") + 27, text.indexOf("-----END PRIVATE KEY-----"));
        try {
            return (RSAPrivateCrtKey) KeyFactory.getInstance("RSA")
                    .generatePrivate(new java.security.spec.PKCS8EncodedKeySpec(Base64.getMimeDecoder().decode(body)));
        } catch (GeneralSecurityException e) {
            throw new IOException(pemFile + " holds no RSA private key", e);
        }
    }

    private static String jwks(Path signingKey) throws IOException {
        RSAPrivateCrtKey key = privateKey(signingKey);
        String e = base64Url(key.getPublicExponent());
        String n = base64Url(key.getModulus());
        return "{\"keys\":[{\"kty\":\"RSA\",\"use\":\"sig\",\"alg\":\"RS256\",\"kid\":\"" + thumbprint(e, n)
                + "\",\"n\":\"" + n + "\",\"e\":\"" + e + "\"}]}\n";
    }

    /** RFC 7638: SHA-256 over the required members in lexical order, without white space. */
    private static String thumbprint(String e, String n) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(("{\"e\":\"" + e + "\",\"kty\":\"RSA\",\"n\":\"" + n + "\"}").getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (GeneralSecurityException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static String base64Url(BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            bytes = Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String pem(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }

    private static void write(Path file, String content) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, content);
        if (content.contains("PRIVATE KEY")) {
            Files.setPosixFilePermissions(tmp, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
