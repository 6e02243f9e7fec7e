package io.callbook.perfops.dashboard.api;

import io.callbook.common.security.Roles;
import io.callbook.perfops.metrics.domain.SuiteMetrics;
import io.quarkus.arc.properties.IfBuildProperty;
import io.smallrye.mutiny.Multi;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestStreamElementType;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * TEMPORARY, test only: the documented contract of the metrics, optimize/reports and databases endpoints, which other
 * branches build. Active only with {@code -Dcallbook.test.fake-ops-api=true}, so the dashboard tests run against the
 * real endpoints by default. Delete once the real endpoints are merged.
 */
@Path("/v1/ops")
@Tag(name = "Test")
@RolesAllowed({Roles.OPS, Roles.PLATFORM_ADMIN})
@IfBuildProperty(name = "callbook.test.fake-ops-api", stringValue = "true")
public class FakeOpsApi {

    private static final Map<String, Started> RUNS = new ConcurrentHashMap<>();

    private record Started(String id, Map<String, Boolean> options, Instant at) {
    }

    @GET
    @Path("metrics/history")
    @Operation(summary = "Fake history")
    public List<SuiteMetrics> history(@QueryParam("minutes") Integer minutes) {
        Instant now = Instant.now();
        List<SuiteMetrics> list = new ArrayList<>();
        for (int i = 10; i > 0; i--) {
            list.add(sample(now.minusSeconds(i * 5L)));
        }
        return list;
    }

    @GET
    @Path("metrics/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @Operation(summary = "Fake stream")
    public Multi<SuiteMetrics> stream() {
        return Multi.createFrom().ticks().every(Duration.ofSeconds(1)).map(tick -> sample(Instant.now()));
    }

    @GET
    @Path("databases")
    @Operation(summary = "Fake table sizes")
    public List<Map<String, Object>> databases() {
        return List.of(Map.of("service", "perf-ops", "database", "perfops", "tables", List.of(
                Map.of("table", "ops_reports", "rows", 12, "totalBytes", 81920, "indexBytes", 32768, "seqScans", 3),
                Map.of("table", "outbox", "rows", 0, "totalBytes", 16384, "indexBytes", 8192, "seqScans", 40))));
    }

    @POST
    @Path("optimize")
    @Operation(summary = "Fake optimize")
    public Response optimize(Map<String, Boolean> options) {
        String id = UUID.randomUUID().toString();
        RUNS.put(id, new Started(id, options, Instant.now()));
        return Response.accepted(report(RUNS.get(id))).location(URI.create("/v1/ops/reports/" + id)).build();
    }

    @GET
    @Path("reports")
    @Operation(summary = "Fake reports")
    public Map<String, Object> reports(@QueryParam("limit") Integer limit) {
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("items", RUNS.values().stream().map(FakeOpsApi::report).toList());
        page.put("nextCursor", null);
        return page;
    }

    @GET
    @Path("reports/{id}")
    @Operation(summary = "Fake report")
    public Map<String, Object> report(@PathParam("id") String id) {
        Started run = RUNS.get(id);
        if (run == null) {
            throw new NotFoundException();
        }
        return report(run);
    }

    private static Map<String, Object> report(Started run) {
        long ms = Duration.between(run.at(), Instant.now()).toMillis();
        boolean done = ms > 2500;
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("id", run.id());
        report.put("trigger", "api");
        report.put("requestedBy", "test");
        report.put("options", run.options());
        report.put("status", done ? "SUCCEEDED" : "RUNNING");
        report.put("progress", done ? 100 : (int) Math.min(99, ms / 25));
        report.put("currentStep", done ? null : "analyze");
        report.put("startedAt", run.at());
        report.put("finishedAt", done ? run.at().plusMillis(2500) : null);
        report.put("steps", done ? List.of(Map.of("step", "analyze", "summary", "2 slow queries, 1 index advised",
                "durationMs", 2400, "actions", List.of(),
                "tables", List.of(Map.of("title", "Slow queries", "columns", List.of("service", "statement", "mean ms", "calls"),
                        "rows", List.of(List.of("perf-ops", "select * from ops_reports where status = $1", "12.5", "340")))),
                "findings", List.of(Map.of("key", "idx:ops_reports(status)", "service", "perf-ops", "kind", "missing-index",
                        "text", "ops_reports is scanned by status", "action",
                        "CREATE INDEX CONCURRENTLY ops_reports_status_idx ON ops_reports (status)")))) : List.of());
        report.put("newFindings", List.of());
        report.put("error", null);
        return report;
    }

    private static SuiteMetrics sample(Instant at) {
        double wave = Math.sin(at.getEpochSecond() / 10.0);
        var pool = new SuiteMetrics.Pool(2 + Math.round(2 * wave), 3, 0, 8, 0.3, 0);
        var jvm = new SuiteMetrics.Jvm(80e6, 512e6, 0.001, 0.2, 180e6);
        var service = new SuiteMetrics.ServiceMetrics("perf-ops", 1, List.of(), 20 + 5 * wave, 2.0 + wave, 8.0 + wave,
                15.0 + 2 * wave, 0.01, 0.9, pool, 0L, 0L, 0.0, null, null, jvm, List.of());
        var alerts = wave > 0.5 ? List.of(new SuiteMetrics.Alert("perf-ops", "p95", 1200, 1000,
                "p95 1.2 s above 1 s", at.minusSeconds(20))) : List.<SuiteMetrics.Alert>of();
        return new SuiteMetrics(at, 5, List.of(service), alerts);
    }
}
