package io.callbook.devstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;

/**
 * The platform's bootstrap API key of the local run ({@code cbk_<8>_<32>}, lowercase letters and digits), created once
 * and kept in {@code .callbook/bootstrap.key} so tokens and scripts keep working across runs.
 */
final class BootstrapKey {

    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private BootstrapKey() {
    }

    static String loadOrCreate(Path file) throws IOException {
        if (Files.isRegularFile(file)) {
            String key = Files.readString(file).trim();
            if (key.matches("cbk_[a-z0-9]{8}_[a-z0-9]{32}")) {
                return key;
            }
        }
        String key = "cbk_" + random(8) + "_" + random(32);
        Files.createDirectories(file.getParent());
        Files.writeString(file, key + "\n");
        return key;
    }

    private static String random(int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return text.toString();
    }
}
