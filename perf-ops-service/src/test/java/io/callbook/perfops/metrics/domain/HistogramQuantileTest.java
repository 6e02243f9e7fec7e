package io.callbook.perfops.metrics.domain;

import org.junit.jupiter.api.Test;

import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class HistogramQuantileTest {

    private static TreeMap<Double, Double> buckets(double... boundAndCount) {
        TreeMap<Double, Double> buckets = new TreeMap<>();
        for (int i = 0; i < boundAndCount.length; i += 2) {
            buckets.put(boundAndCount[i], boundAndCount[i + 1]);
        }
        return buckets;
    }

    @Test
    void interpolatesWithinTheBucketTheRankFallsIn() {
        // 100 observations: 50 up to 10 ms, 40 more up to 20 ms, 10 more up to 100 ms.
        TreeMap<Double, Double> buckets = buckets(0.01, 50, 0.02, 90, 0.1, 100, Double.POSITIVE_INFINITY, 100);

        assertEquals(0.01, HistogramQuantile.of(0.5, buckets), 1e-12);
        assertEquals(0.01 + 0.01 * 25 / 40, HistogramQuantile.of(0.75, buckets), 1e-12);
        assertEquals(0.02 + 0.08 * 5 / 10, HistogramQuantile.of(0.95, buckets), 1e-12);
    }

    @Test
    void theFirstBucketStartsAtZero() {
        assertEquals(0.002, HistogramQuantile.of(0.5, buckets(0.004, 10, Double.POSITIVE_INFINITY, 10)), 1e-12);
    }

    @Test
    void aRankInTheInfiniteBucketAnswersTheHighestFiniteBound() {
        TreeMap<Double, Double> buckets = buckets(0.1, 50, 1.0, 80, Double.POSITIVE_INFINITY, 100);

        assertEquals(1.0, HistogramQuantile.of(0.99, buckets));
    }

    @Test
    void noObservationsGiveNoQuantile() {
        assertNull(HistogramQuantile.of(0.95, buckets(0.1, 0, Double.POSITIVE_INFINITY, 0)));
        assertNull(HistogramQuantile.of(0.95, new TreeMap<>()));
    }

    @Test
    void emptyBucketsBeforeTheRankAreSkipped() {
        TreeMap<Double, Double> buckets = buckets(0.001, 0, 0.005, 0, 0.01, 4, 0.05, 4, Double.POSITIVE_INFINITY, 4);

        assertEquals(0.0075, HistogramQuantile.of(0.5, buckets), 1e-12);
        assertEquals(0.01, HistogramQuantile.of(1.0, buckets), 1e-12);
    }
}
