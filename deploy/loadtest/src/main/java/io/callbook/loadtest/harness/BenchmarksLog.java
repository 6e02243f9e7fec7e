package io.callbook.loadtest.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * docs/benchmarks.md, append-only: other sections (start-up, memory) belong to others. Each bench adds one
 * self-contained, dated block; the guide to the columns is added once, before the first block.
 */
final class BenchmarksLog {

    static final String GUIDE_HEADING = "## Load tests: how to read them";

    static final String GUIDE = GUIDE_HEADING + """

            Blocks below are appended by `./callbook bench resolve`, `booking`, `webhooks`, `peers` and `mix` (Gatling 3.15
            Java DSL, `deploy/loadtest`), one per bench run; nothing is rewritten. The resolve columns are explained
            here; a booking, webhooks, peers or mix block explains its scenarios in its own notes (peers: the server
            columns are the processes that answer, nginx's, PHP-FPM's and Redis's summed for the PHP peer).
            - **scenario**: `open N/s` sends N lookups per second whatever the answers take (open model, Poisson
              arrivals: queueing shows as latency instead of slowing the sender down, so no coordinated omission);
              `normal`, `peak`, `stress` keep 100, 500, 1 000 users sending lookups back to back (closed model);
              `saturation N/s` are the steps of the search for the highest sustained rate.
            - **cache**: `cold` right after `DELETE /internal/cache` (first lookups read PostgreSQL); `warm` after
              `POST /internal/cache/warm` and a warm-up at the same rate.
            - **asked/s**, **achieved/s**: lookups per second asked, and correct answers per second over the run. 404 for
              unknown and 422 for anonymous or malformed numbers are correct answers.
            - **p50 … max**: response times in ms as the client measures them (Gatling's resolution is 1 ms).
            - **err %**: any other status, time-outs and connection errors.
            - **resolver CPU %**: the resolver JVM's CPU time over the run's wall time, 100 = one core; **resolver RSS
              MB**: its peak resident memory, sampled every second; **generator CPU %**: the Gatling JVM's CPU.
            - **resolver CPU ms/op**: the service's CPU time over the run (utime + stime from `/proc/<pid>/stat`)
              divided by its correct answers (webhooks' `processed … e2e` row: by the events processed, with CPU
              counted until they are). Latency on a shared 2-core machine swings 3–10× between machines; CPU per
              operation hardly does.
            - **machine CPU %**: all cores together, whatever ran (200 = both cores of a 2-core machine); much more
              than the processes measured means something else used the machine during the run.
            - **others CPU % (ms/op)**: every other process of the suite found running, e.g. `booking 40 (0.120) ·
              pg 35 · redis 3 · kafka 5`: the other Callbook services with their CPU ms per operation of this run in
              brackets, then the devstack's PostgreSQL (every backend included), Redis and Kafka broker as CPU %.
            - **FLAG**: `ERRORS>1%`, or `RATE<95%` when an open run achieved less than 95 % of its asked rate.
            - Traffic: 4 000 numbers of 20 companies (2 branches each); 80 % of known-number lookups hit 20 % of the
              numbers; 5 % unknown numbers, 3 % anonymous or malformed; a fifth of known numbers in national format
              with `region=DE`, the rest E.164.
            - The load generator runs on the same machine as the suite and takes CPU from it: figures are a lower
              bound of what the resolver does on cores of its own.
            """;

    private BenchmarksLog() {
    }

    static void append(Path file, String block) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            String existing = Files.isRegularFile(file) ? Files.readString(file) : "";
            StringBuilder addition = new StringBuilder();
            if (existing.isEmpty()) {
                addition.append("# Benchmarks\n\nMeasured on this project's own machines with its own tools.\n");
            }
            if (!existing.contains(GUIDE_HEADING)) {
                addition.append(separator(existing, addition)).append(GUIDE);
            }
            addition.append(separator(existing, addition)).append(block);
            Files.writeString(file, addition, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot append to " + file, e);
        }
    }

    /** A blank line between what is there and what comes, however the file ended. */
    private static String separator(String existing, CharSequence addition) {
        String before = addition.isEmpty() ? existing : addition.toString();
        if (before.isEmpty()) {
            return "";
        }
        return before.endsWith("\n\n") ? "" : before.endsWith("\n") ? "\n" : "\n\n";
    }
}
