package io.callbook.devstack;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * {@code ./callbook token [tenant|admin]}: a fresh bearer token from the running suite's resolver-service, printed
 * alone on stdout so that {@code export TOKEN=$(./callbook token)} works.
 */
final class SuiteToken {

    private SuiteToken() {
    }

    /** @return 0 with the token on out, else 1 (2 for an unknown kind) with the reason on err */
    static int print(Path root, String kind, PrintStream out, PrintStream err) {
        if (!kind.equals("tenant") && !kind.equals("admin")) {
            err.println("Unknown token kind: " + kind + " (tenant: the demo tenant's admin, admin: platform admin)");
            return 2;
        }
        Path home = root.resolve(".callbook");
        Optional<SuiteState> suite = InstanceLock.isHeld(home) ? SuiteState.read(home) : Optional.empty();
        if (suite.isEmpty()) {
            err.println("Callbook is not running: start it with ./callbook up (or ./callbook up --detach).");
            return 1;
        }
        if (suite.get().phase() != SuiteState.Phase.UP) {
            err.println("Callbook is " + suite.get().phase().name().toLowerCase() + "; ./callbook status shows how far it is.");
            return 1;
        }
        Integer resolverPort = suite.get().servicePorts().get("resolver-service");
        if (resolverPort == null) {
            err.println("resolver-service, which makes the tokens, is not part of this run (it was not built).");
            return 1;
        }
        try {
            Optional<String> apiKey = kind.equals("admin") ? bootstrapKey(home) : DemoData.tenantApiKey(demo(home));
            if (apiKey.isEmpty()) {
                err.println(kind.equals("admin") ? "No .callbook/bootstrap.key."
                        : "No demo tenant in .callbook/demo.json (./callbook up creates it when resolver-service runs).");
                return 1;
            }
            out.println(new ServiceApi("http://127.0.0.1:" + resolverPort).token(apiKey.get()));
            return 0;
        } catch (IOException | RuntimeException e) {
            err.println("No token: " + e.getMessage());
            return 1;
        }
    }

    private static Optional<String> bootstrapKey(Path home) throws IOException {
        Path file = home.resolve("bootstrap.key");
        return Files.isRegularFile(file) ? Optional.of(Files.readString(file).trim()) : Optional.empty();
    }

    private static com.fasterxml.jackson.databind.JsonNode demo(Path home) throws IOException {
        Path file = home.resolve("demo.json");
        return Files.isRegularFile(file) ? DemoData.read(file) : null;
    }
}
