package io.callbook.webhook.voice.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.callbook.common.security.CallerContext;
import io.callbook.common.security.Roles;
import io.callbook.webhook.voice.domain.VoiceFunctionSchemas;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What a tenant pastes into the voice agent's configuration so that its agent calls the voice functions. The class
 * shares {@link VoiceResource}'s path: a longer class path would take {@code /v1/voice/functions/{name}} from it.
 */
@Path("/v1/voice")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.PLATFORM_ADMIN, Roles.TENANT_ADMIN})
@Tag(name = "Voice", description = "The voice agent's inbound-call hook and custom functions, answered within a second")
public class VoiceFunctionSchemaResource {

    private final VoiceFunctionSchemas schemas;
    private final CallerContext caller;

    public VoiceFunctionSchemaResource(VoiceFunctionSchemas schemas, CallerContext caller) {
        this.schemas = schemas;
        this.caller = caller;
    }

    @GET
    @Path("functions")
    @Operation(summary = "The voice functions as custom functions for the agent configuration",
            description = """
                    Every voice function as the voice platform's custom function (Retell `general_tools` entries: \
                    `type: custom`, `name`, `description` for the agent's LLM, `url`, `parameters` as a JSON Schema \
                    object). With `?integration=<id>` of one of the company's voice integrations, each `url` is the \
                    address the agent calls for that integration; without it the entries have no `url`.""")
    @APIResponse(responseCode = "404", description = "No voice integration of this id that the caller may see")
    public FunctionSchemasResponse functions(@QueryParam("integration") UUID integration, @Context UriInfo uri) {
        return new FunctionSchemasResponse(integration == null ? schemas.tools()
                : schemas.tools(integration, caller.visibility(), uri.getBaseUri().toString()));
    }

    /** @param generalTools the value of the agent's {@code general_tools} (add the platform's own, e.g. end_call) */
    public record FunctionSchemasResponse(@JsonProperty("general_tools") List<Map<String, Object>> generalTools) {
    }
}
