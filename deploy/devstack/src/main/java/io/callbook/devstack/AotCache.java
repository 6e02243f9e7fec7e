package io.callbook.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The JDK's ahead-of-time cache (JDK 25: classes loaded and linked, and method profiles) for each service of the local
 * run. The first start after a build trains: the JVM records what the session loads and runs and writes the cache when
 * it stops; every later start of the same build reads it, starts faster and reaches compiled code sooner. A cache that
 * no longer fits the jars is ignored by the JVM itself, and a new build trains again.
 */
final class AotCache {

    private static final int FIRST_JDK_WITH_PROFILES = 25;

    private final Path directory;

    AotCache(Path home) {
        this.directory = home.resolve("aot");
    }

    /** The flags for this start of the service, or none when switched off or the JDK has no AOT cache. */
    List<String> flags(String module, Path runnerJar) {
        if (!Boolean.parseBoolean(System.getProperty("callbook.service.aot", "true"))
                || Runtime.version().feature() < FIRST_JDK_WITH_PROFILES) {
            return List.of();
        }
        Path cache = directory.resolve(module + ".aot");
        Path stamp = directory.resolve(module + ".build");
        // What a training JVM writes first; left behind when it was stopped before the cache was complete.
        Path recording = directory.resolve(module + ".aot.config");
        String build = build(runnerJar);
        try {
            Files.createDirectories(directory);
            if (Files.isRegularFile(cache) && Files.size(cache) > 0 && !Files.exists(recording)
                    && Files.isRegularFile(stamp) && Files.readString(stamp).equals(build)) {
                return List.of("-XX:AOTCache=" + cache);
            }
            Files.deleteIfExists(cache);
            Files.deleteIfExists(recording);
            Files.writeString(stamp, build);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare the AOT cache of " + module + " in " + directory, e);
        }
        return List.of("-XX:AOTCacheOutput=" + cache);
    }

    /** @return whether this start trains the cache rather than reading one */
    static boolean trains(List<String> flags) {
        return flags.stream().anyMatch(flag -> flag.startsWith("-XX:AOTCacheOutput="));
    }

    private static String build(Path runnerJar) {
        try {
            return Files.getLastModifiedTime(runnerJar).toMillis() + ":" + Files.size(runnerJar);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + runnerJar, e);
        }
    }
}
