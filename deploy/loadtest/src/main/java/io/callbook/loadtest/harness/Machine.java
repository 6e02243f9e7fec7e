package io.callbook.loadtest.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** What a figure was measured on: the machine, the JDK, and the exact code (commit, and whether the tree was dirty). */
record Machine(int cores, double memoryGib, String cpuModel, String jdk, String os, String commit, boolean dirty) {

    static Machine describe(Path repoRoot) {
        String status = git(repoRoot, "status", "--porcelain");
        return new Machine(
                Runtime.getRuntime().availableProcessors(),
                memoryKb() / 1024.0 / 1024.0,
                readCpuModel(),
                System.getProperty("java.vm.vendor", "?") + " " + System.getProperty("java.runtime.version", "?"),
                System.getProperty("os.name") + " " + System.getProperty("os.version"),
                git(repoRoot, "rev-parse", "--short", "HEAD"),
                status != null && !status.isBlank());
    }

    String describeHardware() {
        return String.format(Locale.ROOT, "%d cores (%s), %.1f GiB, %s, %s", cores, cpuModel, memoryGib, os, jdk);
    }

    String describeCode() {
        return commit == null ? "no git commit" : "commit " + commit + (dirty ? " with uncommitted changes" : " (clean tree)");
    }

    private static long memoryKb() {
        return procLine("/proc/meminfo", "MemTotal:").map(line -> Long.parseLong(line.replaceAll("\\D+", ""))).orElse(0L);
    }

    private static String readCpuModel() {
        return procLine("/proc/cpuinfo", "model name").map(line -> line.substring(line.indexOf(':') + 1).trim()).orElse("?");
    }

    private static Optional<String> procLine(String file, String prefix) {
        try {
            return Files.readAllLines(Path.of(file)).stream().filter(line -> line.startsWith(prefix)).findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The command's output, or null when git or the repository is missing. */
    private static String git(Path repoRoot, String... args) {
        try {
            List<String> command = new ArrayList<>(List.of("git", "-C", repoRoot.toString()));
            command.addAll(List.of(args));
            Process git = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String output = new String(git.getInputStream().readAllBytes()).trim();
            return git.waitFor(10, TimeUnit.SECONDS) && git.exitValue() == 0 ? output : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
