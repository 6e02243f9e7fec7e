package io.callbook.loadtest.harness;

/**
 * CPU and memory of a process (or of several, summed) over a run.
 *
 * @param cpuMillis  CPU time spent during the run, all cores together
 * @param wallMillis the run's wall time
 * @param peakRssMb  the highest resident set size seen, sampled every second; -1 when not sampled
 */
public record ProcessUsage(double cpuMillis, double wallMillis, long peakRssMb) {

    public static final ProcessUsage UNKNOWN = new ProcessUsage(Double.NaN, Double.NaN, -1);

    /** From a delta of {@code /proc} clock ticks. */
    public static ProcessUsage of(long cpuTicks, long ticksPerSecond, long wallNanos, long peakRssKb) {
        return new ProcessUsage(cpuTicks * 1000.0 / ticksPerSecond, wallNanos / 1e6, peakRssKb < 0 ? -1 : peakRssKb / 1024);
    }

    public boolean isKnown() {
        return !Double.isNaN(cpuMillis) && wallMillis > 0;
    }

    /** CPU time over wall time, in % of one core (200 % = both cores of a 2-core machine). */
    public double cpuPercent() {
        return isKnown() ? cpuMillis * 100.0 / wallMillis : Double.NaN;
    }

    /**
     * CPU milliseconds per completed operation: unlike latency, this hardly changes between a busy shared machine and
     * a quiet one. NaN when unknown or when nothing completed.
     */
    public double cpuMillisPer(long operations) {
        return isKnown() && operations > 0 ? cpuMillis / operations : Double.NaN;
    }

    /** Two processes measured over the same run, as one: e.g. nginx, php-fpm and Redis serving together. */
    public ProcessUsage plus(ProcessUsage other) {
        if (!isKnown() || !other.isKnown()) {
            return UNKNOWN;
        }
        long rss = peakRssMb < 0 || other.peakRssMb < 0 ? -1 : peakRssMb + other.peakRssMb;
        return new ProcessUsage(cpuMillis + other.cpuMillis, Math.max(wallMillis, other.wallMillis), rss);
    }
}
