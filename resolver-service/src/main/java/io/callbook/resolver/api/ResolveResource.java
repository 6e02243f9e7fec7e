package io.callbook.resolver.api;

import io.callbook.common.api.ProblemException;
import io.callbook.common.ratelimit.RateLimited;
import io.callbook.common.security.CallerContext;
import io.callbook.common.security.Roles;
import io.callbook.resolver.domain.Companies;
import io.callbook.resolver.domain.NumberResolver;
import io.callbook.resolver.domain.Resolution;
import io.callbook.resolver.domain.ResolverConfig;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Predicate;

@Path("/v1/resolve")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Resolution", description = "Which company and branch answer a dialled number")
public class ResolveResource {

    private final NumberResolver resolver;
    private final Companies companies;
    private final CallerContext caller;
    private final ResolverConfig config;

    public ResolveResource(NumberResolver resolver, Companies companies, CallerContext caller, ResolverConfig config) {
        this.resolver = resolver;
        this.companies = companies;
        this.caller = caller;
        this.config = config;
    }

    @GET
    @RateLimited("resolve")
    @RolesAllowed({Roles.AGENT, Roles.TENANT_ADMIN, Roles.PLATFORM_ADMIN, Roles.OPS})
    @Operation(summary = "Resolve a dialled number",
            description = "E.164 as providers send it, or a national format read with `region`, else the caller's "
                    + "company region, else the default region.")
    @APIResponse(responseCode = "404", description = "No company answers the number")
    @APIResponse(responseCode = "422", description = "The number is anonymous or not a valid phone number")
    public CompletionStage<Resolution> resolve(@QueryParam("number") @NotBlank String number,
                                               @QueryParam("region") @Pattern(regexp = "[A-Za-z]{2}", message = "must be a two-letter region") String region) {
        // Read the caller here: a miss completes on a worker thread.
        Optional<UUID> tenant = caller.tenant();
        Predicate<UUID> visible = caller.visibility();
        CompletionStage<Resolution> resolution = region != null || number.strip().startsWith("+") || tenant.isEmpty()
                ? resolver.resolve(number, region != null ? region : config.defaultRegion())
                // Only a national number of a tenant needs the company's region, from the database.
                : CompletableFuture.supplyAsync(() -> companies.defaultRegion(tenant.get()), Infrastructure.getDefaultWorkerPool())
                        .thenCompose(companyRegion -> resolver.resolve(number, companyRegion));
        return resolution.thenApply(found -> {
            if (!visible.test(found.companyId())) {
                throw ProblemException.notFound("No company answers " + found.number() + "; number");
            }
            return found;
        });
    }
}
