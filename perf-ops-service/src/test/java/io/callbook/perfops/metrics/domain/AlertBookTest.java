package io.callbook.perfops.metrics.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AlertBookTest {

    /** The defaults, with lag and outbox age judged over 3 scrapes. */
    static final MetricsConfig.Thresholds THRESHOLDS = new MetricsConfig.Thresholds() {
        public double p95Ms() { return 1000; }
        public double errorRate() { return 0.05; }
        public long minRequests() { return 20; }
        public double cacheHitRate() { return 0.7; }
        public long minLookups() { return 100; }
        public double poolUsage() { return 0.8; }
        public int growingScrapes() { return 3; }
        public double outboxAgeMinSeconds() { return 10; }
    };

    private final AlertBook book = new AlertBook(THRESHOLDS);
    private final List<SuiteMetrics> recent = new ArrayList<>();
    private Instant now = Instant.parse("2026-12-01T10:00:00Z");

    private static SuiteMetrics.ServiceMetrics service(double p95, double requestRate, double errorRate, Double hitRate,
                                                       SuiteMetrics.Pool pool, Long lag, Double outboxAge) {
        return new SuiteMetrics.ServiceMetrics("booking", 1, List.of(), requestRate, p95 / 2, p95, p95 * 1.2,
                errorRate, hitRate, pool, lag, outboxAge == null ? null : 1L, outboxAge, null, null, null,
                List.of(new SuiteMetrics.RouteMetrics("GET /v1/availability", requestRate, p95 / 2, p95, p95, errorRate)));
    }

    private static SuiteMetrics.ServiceMetrics healthy() {
        return service(20, 100, 0, 0.95, new SuiteMetrics.Pool(2, 6, 0, 10, 0.1, 0), 0L, 0.0);
    }

    private AlertBook.Evaluation collect(SuiteMetrics.ServiceMetrics service, double lookups) {
        now = now.plusSeconds(5);
        SuiteMetrics metrics = new SuiteMetrics(now, 5, List.of(service), List.of());
        recent.add(metrics);
        return book.evaluate(metrics, Map.of("booking", lookups), recent);
    }

    private static List<String> names(List<SuiteMetrics.Alert> alerts) {
        return alerts.stream().map(SuiteMetrics.Alert::name).toList();
    }

    @Test
    void aHealthyServiceRaisesNothing() {
        AlertBook.Evaluation evaluation = collect(healthy(), 1000);

        assertTrue(evaluation.active().isEmpty(), evaluation.toString());
    }

    @Test
    void thresholdsCrossedRaiseAlertsThatStayUntilTheFiguresAreBackWithin() {
        SuiteMetrics.ServiceMetrics bad = service(1500, 100, 0.2, 0.5, new SuiteMetrics.Pool(9, 1, 3, 10, 40.0, 0),
                0L, 0.0);

        AlertBook.Evaluation first = collect(bad, 1000);
        assertEquals(List.of("cache-hit-rate", "error-rate", "p95", "pool-usage"), names(first.active()));
        assertEquals(4, first.raised().size());
        Instant raisedAt = first.active().getFirst().since();

        AlertBook.Evaluation second = collect(bad, 1000);
        assertTrue(second.raised().isEmpty(), "already raised: " + second.raised());
        assertEquals(raisedAt, second.active().getFirst().since(), "keeps the time it was first seen");

        AlertBook.Evaluation back = collect(healthy(), 1000);
        assertTrue(back.active().isEmpty());
        assertEquals(List.of("p95", "error-rate", "cache-hit-rate", "pool-usage"), names(back.cleared()));
    }

    @Test
    void tooLittleTrafficOrTooFewLookupsSayNothing() {
        // 2 requests/s over 5 s = 10 requests, under min-requests; 50 lookups, under min-lookups.
        AlertBook.Evaluation evaluation = collect(service(20, 2, 0.5, 0.1, null, null, null), 50);

        assertTrue(evaluation.active().isEmpty(), evaluation.toString());
    }

    @Test
    void consumerLagRaisesOnlyWhenItGrewAtEachOfTheLastScrapes() {
        long[] lags = {5, 10, 20, 30};
        AlertBook.Evaluation evaluation = null;
        for (int i = 0; i < lags.length; i++) {
            evaluation = collect(service(20, 100, 0, 0.95, null, lags[i], 0.0), 1000);
            if (i < lags.length - 1) {
                assertTrue(evaluation.active().isEmpty(), "only " + (i + 1) + " scrapes");
            }
        }
        assertEquals(List.of("consumer-lag"), names(evaluation.active()));
        assertEquals(30, evaluation.active().getFirst().value());

        AlertBook.Evaluation steady = collect(service(20, 100, 0, 0.95, null, 30L, 0.0), 1000);
        assertEquals(List.of("consumer-lag"), names(steady.cleared()));
    }

    @Test
    void aGrowingOutboxAgeRaisesOnceItIsOverTheMinimum() {
        double[] ages = {1, 2, 3, 4};
        for (double age : ages) {
            assertTrue(collect(service(20, 100, 0, 0.95, null, 0L, age), 1000).active().isEmpty(),
                    "young outbox at " + age + " s");
        }
        AlertBook.Evaluation evaluation = null;
        for (double age : new double[]{11, 16, 21}) {
            evaluation = collect(service(20, 100, 0, 0.95, null, 0L, age), 1000);
        }
        assertEquals(List.of("outbox-age"), names(evaluation.active()));

        AlertBook.Evaluation relayed = collect(service(20, 100, 0, 0.95, null, 0L, 0.0), 1000);
        assertEquals(List.of("outbox-age"), names(relayed.cleared()));
    }
}
