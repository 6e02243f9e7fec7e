package io.callbook.perfops.metrics.domain;

import io.callbook.perfops.suite.domain.PrometheusText;
import io.callbook.perfops.suite.domain.ReplicaScrape;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class SuiteMetricsCalculatorTest {

    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
    private static final Instant T1 = T0.plusSeconds(10);

    private static ReplicaScrape scrape(String replica, Instant at, String text) {
        return new ReplicaScrape("booking", URI.create(replica), at, PrometheusText.parse(text), Optional.empty());
    }

    /** One route's histogram: counts at or below 10 ms, 100 ms, 1 s and in all, with so many 5xx among them. */
    private static String requests(long upTo10ms, long upTo100ms, long upTo1s, long all, long errors) {
        String route = "method=\"GET\",uri=\"/v1/availability\"";
        return """
                http_server_requests_seconds_count{%1$s,status="200"} %6$d
                http_server_requests_seconds_count{%1$s,status="503"} %7$d
                http_server_requests_seconds_bucket{%1$s,status="200",le="0.01"} %2$d
                http_server_requests_seconds_bucket{%1$s,status="200",le="0.1"} %3$d
                http_server_requests_seconds_bucket{%1$s,status="200",le="1.0"} %4$d
                http_server_requests_seconds_bucket{%1$s,status="200",le="+Inf"} %5$d
                """.formatted(route, upTo10ms, upTo100ms, upTo1s, all - errors, all - errors, errors);
    }

    @Test
    void ratesAndPercentilesComeFromTheIncreaseMergedOverReplicas() {
        List<ReplicaScrape> before = List.of(
                scrape("http://a:8082", T0, requests(100, 100, 100, 100, 0)),
                scrape("http://b:8082", T0, requests(0, 0, 0, 0, 0)));
        // a: 50 more, all under 10 ms; b: 50 more, 40 of them between 10 and 100 ms, 10 of them 5xx (not in buckets).
        List<ReplicaScrape> after = List.of(
                scrape("http://a:8082", T1, requests(150, 150, 150, 150, 0)),
                scrape("http://b:8082", T1, requests(0, 40, 40, 50, 10)));

        SuiteMetrics metrics = SuiteMetricsCalculator.compute(T0, before, T1, after, List.of(), Map.of()).metrics();

        SuiteMetrics.ServiceMetrics booking = metrics.services().getFirst();
        assertEquals(10, metrics.window(), 1e-9);
        assertEquals(2, booking.replicas());
        assertEquals(10.0, booking.requestRate(), 1e-9, "100 requests in 10 s");
        assertEquals(0.1, booking.errorRate(), 1e-9);
        // 90 observations: 50 up to 10 ms, 40 up to 100 ms. p50 at rank 45 is in the first bucket.
        assertEquals(9.0, booking.p50Ms(), 1e-9);
        assertEquals(10 + 90 * (85.5 - 50) / 40, booking.p95Ms(), 1e-9);
        SuiteMetrics.RouteMetrics route = booking.routes().getFirst();
        assertEquals("GET /v1/availability", route.route());
        assertEquals(booking.p95Ms(), route.p95Ms(), 1e-9);
    }

    @Test
    void aRestartedReplicaCountsItsWholeCounterAsTheIncrease() {
        List<ReplicaScrape> before = List.of(scrape("http://a:8082", T0, requests(1000, 1000, 1000, 1000, 0)));
        List<ReplicaScrape> after = List.of(scrape("http://a:8082", T1, requests(20, 20, 20, 20, 0)));

        SuiteMetrics.ServiceMetrics booking = SuiteMetricsCalculator.compute(T0, before, T1, after, List.of(), Map.of())
                .metrics().services().getFirst();

        assertEquals(2.0, booking.requestRate(), 1e-9);
    }

    @Test
    void withoutBucketsOrAPreviousScrapeTheReportedQuantilesStandIn() {
        String text = """
                http_server_requests_seconds_count{method="GET",uri="/v1/x",status="200"} 10
                http_server_requests_seconds{method="GET",uri="/v1/x",status="200",quantile="0.95"} 0.25
                """;
        List<ReplicaScrape> after = List.of(scrape("http://a:8082", T1, text), scrape("http://b:8082", T1,
                text.replace("0.25", "0.5")));

        SuiteMetrics.ServiceMetrics booking = SuiteMetricsCalculator.compute(null, List.of(), T1, after, List.of(),
                Map.of()).metrics().services().getFirst();

        assertEquals(500.0, booking.p95Ms(), 1e-9, "the worst replica's");
        assertNull(booking.p50Ms());
        assertEquals(0.0, booking.requestRate());
    }

    @Test
    void cacheHitRateUsesCallbooksMeterOverCaffeinesForTheSameCache() {
        String before = """
                callbook_cache_lookups_total{cache="availability",level="redis",result="hit"} 10
                callbook_cache_lookups_total{cache="availability",level="source",result="miss"} 10
                cache_gets_total{cache="availability",result="miss"} 20
                cache_gets_total{cache="branch-zones",result="hit"} 0
                cache_gets_total{cache="branch-zones",result="miss"} 0
                """;
        String after = """
                callbook_cache_lookups_total{cache="availability",level="redis",result="hit"} 70
                callbook_cache_lookups_total{cache="availability",level="source",result="miss"} 30
                cache_gets_total{cache="availability",result="miss"} 100
                cache_gets_total{cache="branch-zones",result="hit"} 20
                cache_gets_total{cache="branch-zones",result="miss"} 0
                """;

        SuiteMetricsCalculator.Computed computed = SuiteMetricsCalculator.compute(T0,
                List.of(scrape("http://a:8082", T0, before)), T1, List.of(scrape("http://a:8082", T1, after)),
                List.of(), Map.of());

        // availability: 60 hits of 80; branch-zones: 20 of 20.
        assertEquals(80.0 / 100, computed.metrics().services().getFirst().cacheHitRate(), 1e-9);
        assertEquals(100.0, computed.cacheLookups().get("booking"), 1e-9);
    }

    @Test
    void poolsAddUpOverReplicasAndTheOutboxIsTheLargestReport() {
        String a = """
                agroal_active_count{datasource="default"} 3
                agroal_available_count{datasource="default"} 5
                agroal_awaiting_count{datasource="default"} 1
                callbook_datasource_max_size{datasource="default"} 10
                agroal_leak_detection_count_total{datasource="default"} 0
                agroal_blocking_time_average_milliseconds{datasource="default"} 2
                callbook_outbox_backlog 7
                callbook_outbox_oldest_age_seconds 1.5
                process_resident_memory_bytes 2.0E8
                jvm_memory_used_bytes{area="heap",id="G1 Eden Space"} 1000
                jvm_memory_used_bytes{area="nonheap",id="Metaspace"} 99999
                """;
        String b = a.replace("agroal_active_count{datasource=\"default\"} 3", "agroal_active_count{datasource=\"default\"} 7")
                .replace("agroal_blocking_time_average_milliseconds{datasource=\"default\"} 2",
                        "agroal_blocking_time_average_milliseconds{datasource=\"default\"} 4")
                .replace("callbook_outbox_backlog 7", "callbook_outbox_backlog 9");

        SuiteMetrics.ServiceMetrics booking = SuiteMetricsCalculator.compute(null, List.of(), T1,
                List.of(scrape("http://a:8082", T1, a), scrape("http://b:8082", T1, b),
                        new ReplicaScrape("booking", URI.create("http://c:8082"), T1, List.of(), Optional.of("timeout"))),
                List.of(), Map.of("booking", new SuiteMetricsCalculator.InboxCounts(4, 1))).metrics().services().getFirst();

        assertEquals(new SuiteMetrics.Pool(10, 10, 2, 20, 3.0, 0), booking.pool());
        assertEquals(0.5, booking.pool().usage(), 1e-9);
        assertEquals(9L, booking.outboxBacklog());
        assertEquals(1.5, booking.outboxOldestAge());
        assertEquals(4L, booking.inboxDepth());
        assertEquals(1L, booking.deadLetters());
        assertEquals(2000.0, booking.jvm().heapUsedBytes());
        assertEquals(4.0E8, booking.jvm().rssBytes());
        assertEquals(List.of("http://c:8082: timeout"), booking.down());
        assertEquals(2, booking.replicas());
    }
}
