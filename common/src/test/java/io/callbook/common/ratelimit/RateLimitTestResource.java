package io.callbook.common.ratelimit;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Routes with small limits (test application.properties) for RateLimitOverHttpTest. */
@Path("/test/rate-limit")
@Produces(MediaType.TEXT_PLAIN)
public class RateLimitTestResource {

    /** Anonymous, like the token exchange. */
    @POST
    @Path("/exchange")
    @PermitAll
    @RateLimited("test-exchange")
    public String exchange() {
        return "ok";
    }

    @GET
    @Path("/mine")
    @RolesAllowed({"agent", "tenant-admin"})
    @RateLimited("test-mine")
    public String mine() {
        return "ok";
    }

    @GET
    @Path("/other")
    @RolesAllowed({"agent", "tenant-admin"})
    public String other() {
        return "ok";
    }
}
