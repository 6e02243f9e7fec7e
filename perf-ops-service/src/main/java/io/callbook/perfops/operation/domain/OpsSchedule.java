package io.callbook.perfops.operation.domain;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Duration;

/**
 * The runs that happen without anyone asking: warm caches every 30 min, a pool check hourly, analysis daily at 04:00
 * (each cron in {@code callbook.ops.schedule.*}; "off" turns one off).
 * <p>
 * Every replica has this schedule, but a run happens once per cluster: the run lock lets one replica in, and a
 * replica whose clock is a little behind finds that the same scheduled run has just started and leaves it.
 */
@ApplicationScoped
public class OpsSchedule {

    private static final Logger LOG = Logger.getLogger(OpsSchedule.class);
    /** Shorter than the shortest interval (30 min), longer than any clock skew between replicas. */
    private static final Duration SAME_RUN = Duration.ofMinutes(10);

    static final String WARM_CACHES = "schedule:warm-caches";
    static final String POOL_CHECK = "schedule:pool-check";
    static final String ANALYSIS = "schedule:analysis";

    private final OpsRuns runs;
    private final OpsReports reports;

    public OpsSchedule(OpsRuns runs, OpsReports reports) {
        this.runs = runs;
        this.reports = reports;
    }

    @Scheduled(identity = "ops-warm-caches", cron = "{callbook.ops.schedule.warm-caches}",
            timeZone = "{callbook.ops.schedule.time-zone}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void warmCaches() {
        start(WARM_CACHES, new OptimizeOptions(true, false, false, false, false));
    }

    @Scheduled(identity = "ops-pool-check", cron = "{callbook.ops.schedule.pool-check}",
            timeZone = "{callbook.ops.schedule.time-zone}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void checkPools() {
        start(POOL_CHECK, new OptimizeOptions(false, false, true, false, false));
    }

    @Scheduled(identity = "ops-analysis", cron = "{callbook.ops.schedule.analysis}",
            timeZone = "{callbook.ops.schedule.time-zone}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void analyse() {
        start(ANALYSIS, new OptimizeOptions(false, true, false, false, false));
    }

    /** @return whether this replica started the run */
    boolean start(String schedule, OptimizeOptions options) {
        if (reports.scheduledRecently(schedule, SAME_RUN)) {
            LOG.debugf("%s: already started by another replica", schedule);
            return false;
        }
        try {
            runs.start(options, OpsReport.SCHEDULE, schedule);
            return true;
        } catch (RunInProgress e) {
            LOG.infof("%s skipped: another ops run is in progress", schedule);
            return false;
        }
    }
}
