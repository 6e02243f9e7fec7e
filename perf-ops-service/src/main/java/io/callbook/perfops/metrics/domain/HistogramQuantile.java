package io.callbook.perfops.metrics.domain;

import java.util.Map;
import java.util.NavigableMap;

/**
 * A quantile from cumulative histogram buckets, as Prometheus's {@code histogram_quantile} computes it: find the bucket
 * the rank falls in and interpolate linearly within it, the first bucket starting at 0. A rank in the +Inf bucket
 * answers the highest finite bound, since nothing is known above it.
 */
public final class HistogramQuantile {

    private HistogramQuantile() {
    }

    /**
     * @param q       0 to 1
     * @param buckets upper bound ({@code le}, +Inf included) to the cumulative count of observations at or below it
     * @return the quantile in the buckets' unit, or null when the buckets hold no observation
     */
    public static Double of(double q, NavigableMap<Double, Double> buckets) {
        if (buckets.isEmpty()) {
            return null;
        }
        double total = buckets.lastEntry().getValue();
        if (!(total > 0)) {
            return null;
        }
        double rank = q * total;
        double lowerBound = 0;
        double lowerCount = 0;
        for (Map.Entry<Double, Double> bucket : buckets.entrySet()) {
            double upperBound = bucket.getKey();
            double count = bucket.getValue();
            if (count >= rank) {
                if (Double.isInfinite(upperBound)) {
                    return lowerBound;
                }
                double inBucket = count - lowerCount;
                if (inBucket <= 0) {
                    return upperBound;
                }
                return lowerBound + (upperBound - lowerBound) * (rank - lowerCount) / inBucket;
            }
            lowerBound = upperBound;
            // Counts read from several scrapes may dip a little out of order; keep them monotonic.
            lowerCount = Math.max(lowerCount, count);
        }
        return lowerBound;
    }
}
