package io.callbook.loadtest.harness;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** The platform-admin token a bench acts with: the one given (--token, CALLBOOK_TOKEN), else one made from a key. */
final class AdminToken {

    private AdminToken() {
    }

    /** The local suite's platform-admin API key, unless a token was given. */
    static Optional<String> bootstrapKey(Path repoRoot, String givenToken) {
        Path keyFile = repoRoot.resolve(".callbook/bootstrap.key");
        if (isGiven(givenToken) || !Files.isRegularFile(keyFile)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.readString(keyFile).trim());
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + keyFile, e);
        }
    }

    static String obtain(ResolverClient anonymous, String givenToken, Optional<String> bootstrapKey, PrintStream out) {
        if (isGiven(givenToken)) {
            return givenToken;
        }
        String key = bootstrapKey.orElseThrow(() -> new IllegalStateException(
                "No token: pass --token, set CALLBOOK_TOKEN, or run the local suite (which keeps .callbook/bootstrap.key)"));
        String token = anonymous.exchange(key);
        out.println("Token: platform-admin token made from .callbook/bootstrap.key");
        return token;
    }

    private static boolean isGiven(String token) {
        return token != null && !token.isBlank();
    }
}
