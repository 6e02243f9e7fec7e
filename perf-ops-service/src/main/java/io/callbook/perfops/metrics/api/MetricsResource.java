package io.callbook.perfops.metrics.api;

import io.callbook.common.security.Roles;
import io.callbook.perfops.metrics.domain.DatabaseSizes;
import io.callbook.perfops.metrics.domain.MetricsCollector;
import io.callbook.perfops.metrics.domain.SuiteMetrics;
import io.smallrye.mutiny.Multi;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestStreamElementType;

import java.time.Duration;
import java.util.List;

/** The suite's live figures, their recent history and the services' databases, for operators and the dashboard. */
@Path("/v1/ops")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.OPS, Roles.PLATFORM_ADMIN})
@Tag(name = "Suite metrics", description = "Rates, latency percentiles, errors, caches, pools, lag and alerts of every service")
public class MetricsResource {

    private final MetricsCollector collector;
    private final DatabaseSizes databases;

    public MetricsResource(MetricsCollector collector, DatabaseSizes databases) {
        this.collector = collector;
        this.databases = databases;
    }

    @GET
    @Path("metrics")
    @Operation(summary = "The suite's latest metrics and alerts")
    public SuiteMetrics latest() {
        return collector.latestOrCollect();
    }

    @GET
    @Path("metrics/history")
    @Operation(summary = "The suite's metrics over the last minutes, oldest first")
    public List<SuiteMetrics> history(@QueryParam("minutes") @DefaultValue("15") @Min(1) @Max(1440) int minutes) {
        return collector.history(Duration.ofMinutes(minutes));
    }

    @GET
    @Path("metrics/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @Operation(summary = "The suite's metrics as server-sent events, one per scrape, starting with the latest")
    public Multi<SuiteMetrics> stream() {
        return collector.feed();
    }

    @GET
    @Path("databases")
    @Operation(summary = "Table and index sizes, bloat and scan counts of every service's database")
    public List<DatabaseSizes.DatabaseReport> databases() {
        return databases.all();
    }
}
