package io.callbook.devstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/** The RSA key pair that signs (resolver) and verifies (every service) the suite's JWTs, as PEM files. */
final class JwtKeys {

    static final String PRIVATE_KEY_FILE = "jwt-private.pem";
    static final String PUBLIC_KEY_FILE = "jwt-public.pem";

    private JwtKeys() {
    }

    /** Generates the pair once per folder; later calls keep it, so tokens stay valid across restarts. */
    static void ensure(Path dir) throws IOException {
        Path privateKey = dir.resolve(PRIVATE_KEY_FILE);
        Path publicKey = dir.resolve(PUBLIC_KEY_FILE);
        if (Files.isRegularFile(privateKey) && Files.isRegularFile(publicKey)) {
            return;
        }
        KeyPair pair;
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            pair = generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        Files.createDirectories(dir);
        // getEncoded() is PKCS#8 for the private key and X.509 SubjectPublicKeyInfo for the public key
        write(publicKey, pem("PUBLIC KEY", pair.getPublic().getEncoded()));
        write(privateKey, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
    }

    private static String pem(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }

    private static void write(Path file, String content) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, content);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
