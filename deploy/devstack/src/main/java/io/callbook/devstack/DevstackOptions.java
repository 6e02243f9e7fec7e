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

    /**
     * The local run's stack: data kept, fixed ports (overridable with system properties). The ports the services dial
     * lie below Linux's ephemeral range (32768 and up): a client still dialling a broker that just stopped could get
     * 59092 as its own local port and hold it in TIME_WAIT, and the next {@code ./callbook up} found the port "in use".
     * The controller's port, which only the broker's own JVM dials, stays: existing KRaft logs record it.
     */
    public static DevstackOptions local(Path dir) {
        return new DevstackOptions(dir.toAbsolutePath(), true,
                Integer.getInteger("callbook.postgres.port", 25432),
                Integer.getInteger("callbook.redis.port", 26379),
                Integer.getInteger("callbook.kafka.port", 29092),
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
