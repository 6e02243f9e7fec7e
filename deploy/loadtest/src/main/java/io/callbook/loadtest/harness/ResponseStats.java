package io.callbook.loadtest.harness;

/** The "All Requests" line of a Gatling report; times in milliseconds (Gatling's resolution). */
public record ResponseStats(long total, long ok, long ko, int p50, int p95, int p99, int max, int mean) {

    public double errorPercent() {
        return total == 0 ? 0 : ko * 100.0 / total;
    }
}
