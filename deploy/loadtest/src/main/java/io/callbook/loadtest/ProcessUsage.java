package io.callbook.loadtest;

/**
 * CPU and memory of one process over a run.
 *
 * @param cpuPercent  CPU time over wall time, in % of one core (200 % = both cores of a 2-core machine)
 * @param peakRssMb   the highest resident set size seen, sampled every second
 */
public record ProcessUsage(double cpuPercent, long peakRssMb) {

    public static final ProcessUsage UNKNOWN = new ProcessUsage(Double.NaN, -1);

    public boolean isKnown() {
        return !Double.isNaN(cpuPercent);
    }
}
