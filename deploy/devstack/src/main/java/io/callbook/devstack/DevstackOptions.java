package io.callbook.devstack;

import java.nio.file.Path;

/**
 * Where a stack lives and how it runs. Port 0 means "pick a free port".
 *
 * @param dir                 folder for data, logs, keys and the state file
 * @param persistent          keep data across runs and stop gracefully; otherwise wipe the folder on start and kill on stop
 * @param cacheDir            binaries and archives kept across {@code mvn clean} (PostgreSQL, redis-server, Kafka CDS)
 * @param kafkaJvmOptions     heap and GC flags of the broker JVM
 */
public record DevstackOptions(
        Path dir,
        boolean persistent,
        int postgresPort,
        int redisPort,
        int kafkaPort,
        int kafkaControllerPort,
        Path cacheDir,
        String kafkaJvmOptions) {

    /** A throw-away stack on free ports, for one test JVM. */
    public static DevstackOptions forTests(Path dir) {
        return new DevstackOptions(dir.toAbsolutePath(), false, 0, 0, 0, 0, defaultCacheDir(),
                System.getProperty("callbook.kafka.jvm-options", KafkaBroker.DEFAULT_JVM_OPTIONS));
    }

    /** The local run's stack: data kept, fixed ports (overridable with system properties). */
    public static DevstackOptions local(Path dir) {
        return new DevstackOptions(dir.toAbsolutePath(), true,
                Integer.getInteger("callbook.postgres.port", 55432),
                Integer.getInteger("callbook.redis.port", 56379),
                Integer.getInteger("callbook.kafka.port", 59092),
                Integer.getInteger("callbook.kafka.controller-port", 59093),
                defaultCacheDir(),
                System.getProperty("callbook.kafka.jvm-options", KafkaBroker.DEFAULT_JVM_OPTIONS));
    }

    /** {@code callbook.cache}, else {@code $XDG_CACHE_HOME/callbook}, else {@code ~/.cache/callbook}. */
    public static Path defaultCacheDir() {
        String explicit = System.getProperty("callbook.cache");
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit).toAbsolutePath();
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("callbook").toAbsolutePath();
    }
}
