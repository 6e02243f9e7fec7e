package io.callbook.devstack;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The pieces of ./callbook up that need no running stack. */
class LocalRunPartsTest {

    @Test
    void aSecondRunFindsTheLockTakenAndNamesTheHolder(@TempDir Path home) throws Exception {
        Optional<InstanceLock> first = InstanceLock.tryAcquire(home);
        assertTrue(first.isPresent());
        try {
            assertTrue(InstanceLock.tryAcquire(home).isEmpty());
            assertEquals(ProcessHandle.current().pid(), InstanceLock.holder(home).orElseThrow());
        } finally {
            first.get().close();
        }
        Optional<InstanceLock> again = InstanceLock.tryAcquire(home);
        assertTrue(again.isPresent());
        again.get().close();
    }

    @Test
    void bootstrapKeyHasTheApiKeyFormatAndIsKept(@TempDir Path home) throws Exception {
        Path file = home.resolve("bootstrap.key");
        String key = BootstrapKey.loadOrCreate(file);
        assertTrue(key.matches("cbk_[a-z0-9]{8}_[a-z0-9]{32}"), key);
        assertEquals(key, BootstrapKey.loadOrCreate(file));
    }

    @Test
    void leftoversOfADeadOwnerAreStoppedButStrangersAreLeftAlone(@TempDir Path dir) throws Exception {
        Process dead = new ProcessBuilder("true").start();
        dead.waitFor();
        Process leftover = new ProcessBuilder("sleep", "60").start();
        Process stranger = new ProcessBuilder("sleep", "61").start();
        try {
            StackState.create(dir)
                    .put("owner.pid", dead.pid())
                    .put("persistent", false)
                    .put("process.leftover.pid", leftover.pid())
                    .put("process.leftover.marker", "sleep")
                    // a recycled pid now belongs to another program: its command line lacks the marker
                    .put("process.recycled.pid", stranger.pid())
                    .put("process.recycled.marker", "redis-server");

            assertEquals(1, Devstack.stopLeftovers(dir));

            assertTrue(Processes.awaitExit(leftover.toHandle(), Duration.ofSeconds(5)));
            assertTrue(stranger.isAlive());
        } finally {
            leftover.destroyForcibly();
            stranger.destroyForcibly();
        }
    }

    @Test
    void jwtKeysAreMadeOnceAndKept(@TempDir Path dir) throws Exception {
        JwtKeys.ensure(dir);
        Path signing = dir.resolve(JwtKeys.SIGNING_DIR).resolve(JwtKeys.SIGNING_KEY_FILE);
        String privateKey = Files.readString(signing);
        assertTrue(privateKey.startsWith("-----BEGIN PRIVATE KEY-----\n"));
        assertFalse(privateKey.contains("\r"));
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(signing)));
        String jwks = Files.readString(dir.resolve(JwtKeys.JWKS_FILE));
        assertTrue(jwks.contains("\"kid\":\"" + JwtKeys.keyId(signing) + "\""), jwks);
        JwtKeys.ensure(dir);
        assertEquals(privateKey, Files.readString(signing));
        assertEquals(jwks, Files.readString(dir.resolve(JwtKeys.JWKS_FILE)));
    }

    @Test
    void anEarlierRunsKeyPairBecomesTheSigningKeyAndNoPrivateKeyIsLeftBeside(@TempDir Path dir) throws Exception {
        Path older = dir.resolve("older");
        JwtKeys.ensure(older);
        String key = Files.readString(older.resolve(JwtKeys.SIGNING_DIR).resolve(JwtKeys.SIGNING_KEY_FILE));
        Files.writeString(dir.resolve("jwt-private.pem"), key);
        Files.writeString(dir.resolve("jwt-public.pem"), "-----BEGIN PUBLIC KEY-----\n");

        JwtKeys.ensure(dir);

        assertEquals(key, Files.readString(dir.resolve(JwtKeys.SIGNING_DIR).resolve(JwtKeys.SIGNING_KEY_FILE)));
        assertFalse(Files.exists(dir.resolve("jwt-private.pem")));
        assertFalse(Files.exists(dir.resolve("jwt-public.pem")));
    }

    @Test
    void theBannerNamesTheDashboardWhenPerfOpsRuns() {
        java.util.List<LocalService> services = LocalService.DEFAULTS;
        assertEquals(Optional.of("http://127.0.0.1:8084/"), Banner.dashboard(services, services));
        assertEquals(Optional.empty(), Banner.dashboard(services, services.subList(0, 3)));
        java.util.List<LocalService> moved = LocalService.configured(props("callbook.perf-ops.port", "9084"));
        assertEquals(Optional.of("http://127.0.0.1:9084/"), Banner.dashboard(moved, moved));
    }

    @Test
    void perfOpsLearnsWhereTheBenchesAre(@TempDir Path root) {
        assertEquals(java.util.Map.of("callbook.ops.loadtest.root", root.toString()), LocalSuite.loadTestConfig(root));
    }

    private static java.util.Properties props(String key, String value) {
        java.util.Properties properties = new java.util.Properties();
        properties.setProperty(key, value);
        return properties;
    }
}
