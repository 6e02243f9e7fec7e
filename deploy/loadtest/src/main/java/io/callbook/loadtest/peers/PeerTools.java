package io.callbook.loadtest.peers;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The programs the static and PHP peers run on, as this machine has them (Debian puts servers in /usr/sbin). */
public record PeerTools(Path nginx, Path phpFpm, Path redisServer, Path redisCli) {

    public static final String INSTALL = "apt-get install nginx php-fpm php-redis redis-server";

    private static final Pattern PHP_FPM = Pattern.compile("php-fpm[0-9.]*");
    private static final Pattern VERSION = Pattern.compile("(\\d+\\.\\d+(\\.\\d+)?)");

    /** Empty when something is missing; {@link #missing()} tells what. */
    static Optional<PeerTools> find() {
        if (!missing().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new PeerTools(executable("nginx").orElseThrow(), findPhpFpm().orElseThrow(),
                executable("redis-server").orElseThrow(), executable("redis-cli").orElseThrow()));
    }

    /** e.g. ["php-fpm", "redis-server"]; empty when everything is there. */
    static List<String> missing() {
        List<String> missing = new ArrayList<>();
        Optional<Path> phpFpm = findPhpFpm();
        if (executable("nginx").isEmpty()) {
            missing.add("nginx");
        }
        if (phpFpm.isEmpty()) {
            missing.add("php-fpm");
        } else if (!hasRedisExtension(phpFpm.get())) {
            missing.add("the php-redis extension of " + phpFpm.get().getFileName());
        }
        for (String program : List.of("redis-server", "redis-cli")) {
            if (executable(program).isEmpty()) {
                missing.add(program);
            }
        }
        return missing;
    }

    /** e.g. "nginx 1.22.1, PHP 8.2.29 (FPM), Redis 7.0.15", for the notes. */
    String versions() {
        return "nginx " + version(nginx, "-v") + ", PHP " + version(phpFpm, "-v") + " (FPM), Redis "
                + version(redisServer, "--version");
    }

    private static String version(Path program, String option) {
        Matcher version = VERSION.matcher(output(program, option));
        return version.find() ? version.group(1) : "?";
    }

    private static boolean hasRedisExtension(Path phpFpm) {
        return output(phpFpm, "-m").lines().anyMatch(line -> line.trim().equalsIgnoreCase("redis"));
    }

    private static String output(Path program, String option) {
        try {
            Process process = new ProcessBuilder(program.toString(), option).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            process.waitFor(10, TimeUnit.SECONDS);
            return output;
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    private static Optional<Path> executable(String name) {
        return searchPath().stream().map(dir -> dir.resolve(name)).filter(Files::isExecutable).findFirst();
    }

    /** Debian names it after the PHP version (php-fpm8.2); the newest wins. */
    private static Optional<Path> findPhpFpm() {
        for (Path dir : searchPath()) {
            try (Stream<Path> files = Files.list(dir)) {
                Optional<Path> found = files.filter(file -> PHP_FPM.matcher(file.getFileName().toString()).matches())
                        .filter(Files::isExecutable).max(Comparator.comparing(file -> file.getFileName().toString()));
                if (found.isPresent()) {
                    return found;
                }
            } catch (IOException e) {
                // not a folder here
            }
        }
        return Optional.empty();
    }

    private static List<Path> searchPath() {
        Set<Path> dirs = new LinkedHashSet<>();
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isBlank()) {
                dirs.add(Path.of(dir));
            }
        }
        // a user's PATH often lacks the sbin folders, where Debian installs nginx and php-fpm
        Stream.of("/usr/local/sbin", "/usr/local/bin", "/usr/sbin", "/usr/bin").map(Path::of).forEach(dirs::add);
        return dirs.stream().filter(Files::isDirectory).toList();
    }
}
