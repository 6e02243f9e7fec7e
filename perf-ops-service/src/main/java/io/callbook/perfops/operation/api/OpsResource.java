package io.callbook.perfops.operation.api;

import io.callbook.common.api.Ids;
import io.callbook.common.api.Page;
import io.callbook.common.security.CallerContext;
import io.callbook.common.security.Roles;
import io.callbook.perfops.operation.domain.OpsReport;
import io.callbook.perfops.operation.domain.OpsReports;
import io.callbook.perfops.operation.domain.OpsRuns;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.Optional;

@Path("/v1/ops")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Operations")
@RolesAllowed({Roles.OPS, Roles.PLATFORM_ADMIN})
public class OpsResource {

    private final OpsRuns runs;
    private final OpsReports reports;
    private final CallerContext caller;

    public OpsResource(OpsRuns runs, OpsReports reports, CallerContext caller) {
        this.runs = runs;
        this.reports = reports;
        this.caller = caller;
    }

    @POST
    @Path("optimize")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Start an optimize run: warm caches, analyse queries, check pools, create advised indexes")
    @APIResponse(responseCode = "202", description = "Started; follow it at the Location")
    @APIResponse(responseCode = "409", description = "Another run is in progress")
    public Response optimize(OptimizeRequest request) {
        OptimizeRequest body = request == null ? new OptimizeRequest(null, null, null, null, null) : request;
        OpsReport report = runs.start(body.options(), OpsReport.API, caller.subject());
        return Response.accepted(ReportView.of(report)).location(URI.create("/v1/ops/reports/" + report.id)).build();
    }

    @GET
    @Path("reports")
    @Operation(summary = "The ops runs, newest first")
    public Page<ReportView> list(@QueryParam("limit") @DefaultValue("20") @Min(1) @Max(100) int limit,
                                 @QueryParam("after") String after) {
        return Page.of(reports.page(Optional.ofNullable(after).map(id -> Ids.parse(id, "Report")), limit + 1), limit,
                ReportView::of, report -> report.id.toString());
    }

    @GET
    @Path("reports/{id}")
    @Operation(summary = "One ops run: its progress while it runs, then what each step found and did")
    public ReportView get(@PathParam("id") String id) {
        return ReportView.of(reports.require(Ids.parse(id, "Report")));
    }
}
