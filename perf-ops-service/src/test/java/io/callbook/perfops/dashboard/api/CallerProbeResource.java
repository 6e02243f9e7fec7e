package io.callbook.perfops.dashboard.api;

import io.callbook.common.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Test only: an ops endpoint like /v1/ops/..., to see which credentials the JWT mechanism accepts. */
@Path("/test/dashboard/caller")
@Tag(name = "Test")
public class CallerProbeResource {

    private final JsonWebToken token;

    public CallerProbeResource(JsonWebToken token) {
        this.token = token;
    }

    @GET
    @Produces(MediaType.TEXT_PLAIN)
    @RolesAllowed({Roles.OPS, Roles.PLATFORM_ADMIN})
    @Operation(summary = "The caller's subject")
    public String caller() {
        return token.getSubject();
    }
}
