package io.callbook.resolver.api;

import io.callbook.common.security.Roles;
import io.callbook.resolver.domain.NumberResolver;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/internal/cache")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Operations")
public class CacheResource {

    private final NumberResolver resolver;

    public CacheResource(NumberResolver resolver) {
        this.resolver = resolver;
    }

    /** Loads the assigned numbers into the in-process cache and Redis, as many as its budget allows. */
    @POST
    @Path("warm")
    @RolesAllowed({Roles.OPS, Roles.PLATFORM_ADMIN})
    @Operation(summary = "Load the assigned numbers into the caches (within callbook.resolver.warm-budget)")
    public WarmResult warm() {
        long start = System.nanoTime();
        int warmed = resolver.warm();
        return new WarmResult("resolution", warmed, (System.nanoTime() - start) / 1_000_000);
    }

    /** Empties this replica's in-process cache and the shared Redis level; the next lookups go to the database. */
    @DELETE
    @RolesAllowed({Roles.OPS, Roles.PLATFORM_ADMIN})
    @Operation(summary = "Empty the resolution caches")
    public ClearResult clear() {
        resolver.forgetAll();
        return new ClearResult("resolution", true);
    }

    public record ClearResult(String cache, boolean cleared) {
    }

    public record WarmResult(String cache, int entries, long durationMs) {
    }
}
