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
    /** The secret webhook-service exchanges for its agent tokens at resolver-service (docs/adr/0013). */
    static final String AGENT_EXCHANGE_FILE = "agent-exchange.secret";

    private SecretsKey() {
    }

    static String ensure(Path dir) throws IOException {
        return ensure(dir, FILE);
    }

    static String ensure(Path dir, String name) throws IOException {
        Path file = dir.resolve(name);
        if (!Files.isRegularFile(file)) {
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            Files.createDirectories(dir);
            Files.writeString(file, Base64.getEncoder().encodeToString(key));
        }
        return Files.readString(file).trim();
    }
}
