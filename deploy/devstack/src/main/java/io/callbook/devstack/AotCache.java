package io.callbook.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The JDK's ahead-of-time cache (JDK 25: classes loaded and linked, and method profiles) for each service of the local
 * run. The first start after a build trains: the JVM records what the session loads and runs and writes the cache when
 * it stops; every later start of the same build reads it, starts faster and reaches compiled code sooner. A cache that
 * no longer fits the jars is ignored by the JVM itself, and a new build trains again, as does a start under other
 * compilers than the training's.
 */
final class AotCache {

    private static final int FIRST_JDK_WITH_PROFILES = 25;

    private final Path directory;

    AotCache(Path home) {
        this.directory = home.resolve("aot");
    }

    /**
     * The flags for this start of the service, or none when switched off or the JDK has no AOT cache.
     *
     * @param jvmOptions the service's other JVM options: a cache trained under other compilers is trained again
     */
    List<String> flags(String module, Path runnerJar, List<String> jvmOptions) {
        if (!Boolean.parseBoolean(System.getProperty("callbook.service.aot", "true"))
                || Runtime.version().feature() < FIRST_JDK_WITH_PROFILES) {
            return List.of();
        }
        Path cache = directory.resolve(module + ".aot");
        Path stamp = directory.resolve(module + ".build");
        // What a training JVM writes first; left behind when it was stopped before the cache was complete.
        Path recording = directory.resolve(module + ".aot.config");
        String build = build(runnerJar) + " jit:" + compilers(jvmOptions);
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

    /**
     * The options that choose the JIT's compilers, "default" for the suite's own (C1 only, {@link ServiceProcess}). A
     * cache trained with C1 only holds no method profiles for C2: a start with other compilers than the training's
     * (e.g. {@code -XX:TieredStopAtLevel=4}) trains again rather than read it, and C2 then has profiles to start from.
     */
    static String compilers(List<String> jvmOptions) {
        String chosen = jvmOptions.stream()
                .filter(option -> option.startsWith("-XX:TieredStopAtLevel=") || option.endsWith("TieredCompilation"))
                .collect(Collectors.joining(" "));
        return chosen.isEmpty() ? "default" : chosen;
    }

    private static String build(Path runnerJar) {
        try {
            return Files.getLastModifiedTime(runnerJar).toMillis() + ":" + Files.size(runnerJar);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + runnerJar, e);
        }
    }
}
