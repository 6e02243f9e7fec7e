package io.callbook.common.audit;

import io.callbook.common.api.Page;
import io.callbook.common.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

/** Every service serves its own audit log: the actions it performed, kept in its own database. */
@Path("/v1/audit-log")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.PLATFORM_ADMIN)
@Tag(name = "Audit log", description = "Administrative actions of this service, append-only, for platform admins")
public class AuditLogResource {

    private final AuditLog audit;

    public AuditLogResource(AuditLog audit) {
        this.audit = audit;
    }

    @GET
    @Operation(summary = "List recorded admin actions, newest first, one page at a time")
    public Page<AuditEntry> list(@QueryParam("company") UUID company,
                                 @QueryParam("action") @Pattern(regexp = "[a-z.-]{1,64}",
                                         message = "must be an action name such as api-key.created") String action,
                                 @QueryParam("after") UUID after,
                                 @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(200) int limit) {
        return Page.of(audit.list(company, action, after, limit), limit, e -> e, e -> e.id().toString());
    }
}
