package io.callbook.loadtest.harness;

import io.gatling.app.Gatling$;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Runs simulations inside this JVM through Gatling's own entry point ({@code Gatling.fromArgs}, as its launchers do),
 * one run after the other, and moves each report to {@code <results>/<run name>/}.
 *
 * <p>The JVM needs {@code --add-opens=java.base/java.lang=ALL-UNNAMED}: Gatling's log writer reads String internals.
 */
public final class GatlingRunner {

    private final Path resultsDir;

    public GatlingRunner(Path resultsDir) {
        this.resultsDir = resultsDir.toAbsolutePath();
    }

    public Path resultsDir() {
        return resultsDir;
    }

    /**
     * @param listener told when users start and when the last one is done
     * @return the report folder (with {@code index.html}), or null when {@code withReport} is false
     */
    public Path run(String runName, SimulationSettings settings, boolean withReport, RunWindow.Listener listener) {
        Path gatlingResults = resultsDir.resolve("." + runName + ".gatling");
        List<String> args = new ArrayList<>(List.of(
                "--simulation", settings.simulation().getName(),
                "--results-folder", gatlingResults.toString(),
                "--run-description", runName));
        if (!withReport) {
            args.add("--no-reports");
        }
        Map<String, String> properties = settings.toProperties();
        properties.forEach(System::setProperty);
        RunWindow.listen(listener);
        int status;
        try {
            Files.createDirectories(gatlingResults);
            status = Gatling$.MODULE$.fromArgs(args.toArray(String[]::new));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            RunWindow.stopListening();
            properties.keySet().forEach(System::clearProperty);
        }
        if (status != 0) {
            throw new IllegalStateException("Gatling run " + runName + " ended with status " + status + " (see its output above)");
        }
        return withReport ? moveReport(gatlingResults, resultsDir.resolve(runName)) : deleteQuietly(gatlingResults);
    }

    private static Path moveReport(Path gatlingResults, Path target) {
        try (Stream<Path> children = Files.list(gatlingResults)) {
            Path report = children.filter(Files::isDirectory).findFirst()
                    .orElseThrow(() -> new IllegalStateException("Gatling wrote no report into " + gatlingResults));
            deleteQuietly(target);
            Files.move(report, target);
            deleteQuietly(gatlingResults);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot move the report out of " + gatlingResults, e);
        }
    }

    private static Path deleteQuietly(Path dir) {
        if (!Files.exists(dir)) {
            return null;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            // a leftover folder of a warm-up is harmless
        }
        return null;
    }
}
