package io.callbook.loadtest.harness;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One measured run: what was asked, what came back, and what it cost the service under test.
 *
 * @param cache         cold or warm; empty when the run involves no cache
 * @param askedRate     requests per second asked of an open run; 0 for a closed one
 * @param users         concurrent users of a closed run; 0 for an open one
 * @param windowSeconds from the first user's start to the last user's end
 * @param usage         what the run cost the service under test, the rest of the suite, the generator and the machine
 * @param report        folder of the Gatling HTML report; null for a row computed from the service's own data (the
 *                      webhook bench's received → processed times)
 */
public record RunResult(String scenario, String cache, int askedRate, int users, ResponseStats stats, double windowSeconds,
                        RunUsage usage, Path report) {

    /** More errors than this fails a run. */
    public static final double MAX_ERROR_PERCENT = 1.0;
    /** An open run that completes less than this share of its asked rate could not keep up. */
    public static final double MIN_RATE_SHARE = 0.95;

    /** Correct answers (the expected statuses, e.g. a resolver's 404 for an unknown number) per second. */
    public double achievedRate() {
        return windowSeconds <= 0 ? 0 : stats.ok() / windowSeconds;
    }

    /**
     * The service's CPU time per correct answer (for a row of processed webhooks: per event processed in time). The
     * figure that travels between machines, where latency swings with whatever else shares the cores.
     */
    public double cpuMillisPerOperation() {
        return usage.service().cpuMillisPer(stats.ok());
    }

    public ProcessUsage service() {
        return usage.service();
    }

    public ProcessUsage generator() {
        return usage.generator();
    }

    public List<String> flags() {
        List<String> flags = new ArrayList<>();
        if (stats.total() == 0) {
            flags.add("NO REQUESTS");
        }
        if (stats.errorPercent() > MAX_ERROR_PERCENT) {
            flags.add("ERRORS>1%");
        }
        if (askedRate > 0 && achievedRate() < askedRate * MIN_RATE_SHARE) {
            flags.add("RATE<95%");
        }
        return flags;
    }

    public boolean isFlagged() {
        return !flags().isEmpty();
    }
}
