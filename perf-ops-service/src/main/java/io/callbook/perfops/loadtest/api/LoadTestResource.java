package io.callbook.perfops.loadtest.api;

import io.callbook.common.api.Page;
import io.callbook.common.api.ProblemException;
import io.callbook.common.security.CallerContext;
import io.callbook.common.security.Roles;
import io.callbook.perfops.loadtest.domain.LoadTestRun;
import io.callbook.perfops.loadtest.domain.LoadTests;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
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
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

/** Load tests of the suite: deploy/loadtest's benches started from here, their results kept beside the ops reports. */
@Path("/v1/ops/loadtests")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.OPS, Roles.PLATFORM_ADMIN})
@Tag(name = "Load tests", description = "Benches of deploy/loadtest run against the suite, with their results")
public class LoadTestResource {

    private final LoadTests loadTests;
    private final CallerContext caller;

    public LoadTestResource(LoadTests loadTests, CallerContext caller) {
        this.loadTests = loadTests;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Start a load test",
            description = "Starts the bench as ./callbook bench <bench> <args...> would; it uses the running suite.")
    @APIResponse(responseCode = "202", description = "Started; Location names the run to follow")
    @APIResponse(responseCode = "409", description = "Another load test is running")
    @APIResponse(responseCode = "503", description = "Load tests are not available here (no bench command configured)")
    public Response start(@Valid @NotNull LoadTestRequest request, @jakarta.ws.rs.core.Context UriInfo uri) {
        LoadTestRun run = loadTests.start(request.bench(), request.args(), caller.subject());
        return Response.accepted(response(run, true))
                .location(uri.getBaseUriBuilder().path("v1/ops/loadtests").path(run.id.toString()).build())
                .build();
    }

    @GET
    @Operation(summary = "List the load tests, newest first")
    public Page<LoadTestResponse> list(@QueryParam("after") UUID after,
                                       @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(100) int limit) {
        return Page.of(loadTests.list(after, limit), limit, run -> response(run, false), run -> run.id.toString());
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Get a load test: its status, summary and the last lines of its output")
    @APIResponse(responseCode = "404", description = "No such load test")
    public LoadTestResponse get(@PathParam("id") UUID id) {
        return loadTests.find(id).map(run -> response(run, true))
                .orElseThrow(() -> ProblemException.notFound("Load test " + id));
    }

    private LoadTestResponse response(LoadTestRun run, boolean withLog) {
        return LoadTestResponse.of(run, loadTests.summary(run).orElse(null), withLog ? loadTests.logTail(run) : null);
    }
}
