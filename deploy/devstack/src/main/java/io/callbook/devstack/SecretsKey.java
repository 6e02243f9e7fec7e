package io.callbook.devstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The AES key services encrypt stored third-party secrets with (e.g. webhook-service's provider signing keys), one
 * per stack folder and kept, so secrets stored in an earlier run can still be read. In Kubernetes it is a Secret.
 */
final class SecretsKey {

    static final String FILE = "secrets.key";

    private SecretsKey() {
    }

    static String ensure(Path dir) throws IOException {
        Path file = dir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            Files.createDirectories(dir);
            Files.writeString(file, Base64.getEncoder().encodeToString(key));
        }
        return Files.readString(file).trim();
    }
}
