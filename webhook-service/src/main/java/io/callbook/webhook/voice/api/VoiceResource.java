package io.callbook.webhook.voice.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.callbook.common.api.ProblemException;
import io.callbook.common.http.RequestArrival;
import io.callbook.common.ratelimit.RateLimited;
import io.callbook.webhook.integration.domain.Integration;
import io.callbook.webhook.integration.domain.JsonBodies;
import io.callbook.webhook.integration.domain.Provider;
import io.callbook.webhook.integration.domain.SignedRequests;
import io.callbook.webhook.live.domain.LiveActivity;
import io.callbook.webhook.signing.domain.RetellSignature;
import io.callbook.webhook.tenant.domain.CompanyInactive;
import io.callbook.webhook.voice.domain.CallContext;
import io.callbook.webhook.voice.domain.InboundBriefing;
import io.callbook.webhook.voice.domain.InboundCalls;
import io.callbook.webhook.voice.domain.SpokenLanguages;
import io.callbook.webhook.voice.domain.VoiceAnswer;
import io.callbook.webhook.voice.domain.VoiceConfig;
import io.callbook.webhook.voice.domain.VoiceFunctions;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The voice agent's live calls into Callbook: the inbound-call hook and the custom functions. Signed like the voice
 * provider's webhooks (x-retell-signature over the raw body with the integration's secret), with no token.
 */
@Path("/v1/voice")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.WILDCARD)
@PermitAll
// The voice platform calls for every tenant's calls from a few addresses: the default per-address limit
// (600 a minute) would refuse a busy platform's function calls mid-call.
@RateLimited("voice")
@Tag(name = "Voice", description = "The voice agent's inbound-call hook and custom functions, answered within a second")
public class VoiceResource {

    static final String NOT_SERVED_REASON = "company_not_served";

    private final SignedRequests signedRequests;
    private final InboundCalls inboundCalls;
    private final VoiceFunctions functions;
    private final SpokenLanguages languages;
    private final ObjectMapper json;
    private final LiveActivity activity;
    private final VoiceConfig config;

    public VoiceResource(SignedRequests signedRequests, InboundCalls inboundCalls, VoiceFunctions functions,
                         SpokenLanguages languages, ObjectMapper json, LiveActivity activity, VoiceConfig config) {
        this.signedRequests = signedRequests;
        this.inboundCalls = inboundCalls;
        this.functions = functions;
        this.languages = languages;
        this.json = json;
        this.activity = activity;
        this.config = config;
    }

    /** What the agent says for a suspended or deleted company: the caller still gets an answer, in German. */
    private String notServed() {
        return languages.fallback().messages().notServed();
    }

    @POST
    @Path("inbound")
    @APIResponse(responseCode = "401", description = "Unknown or inactive integration, or a signature that does not verify")
    @Operation(summary = "Who answers this call",
            description = """
                    The provider's inbound-call hook, body `{from_number, to_number, agent_id}`. The dialled number is \
                    resolved within the integration's company; the answer's dynamic variables name the company and \
                    branch (`business_identified: "true"`), the caller recognised by `from_number` (`caller_known`, \
                    `caller_name`, `next_appointment` as spoken in the branch's language, `next_appointment_id`, \
                    `next_appointment_start`), the active services with duration and price (`services`) and today's \
                    hours (`opening_hours_today`, `open_now`). These lookups run side by side, each within its own \
                    budget; one that misses it leaves its variables empty (named in the metadata's \
                    `lookups_missed`) rather than delay the answer. A withheld number looks nobody up. An unknown \
                    number, another company's number or a directory that cannot answer in time gives \
                    `business_identified: "false"` and a polite `fallback_message` (still 200); so does a suspended or \
                    deleted company, with a German `fallback_message` and `reason: company_not_served` in the \
                    metadata. 401: bad signature or unknown integration; 400: malformed JSON.""")
    public InboundResponse inbound(@QueryParam("integration") @Parameter(required = true)
                                   UUID integration,
                                   @HeaderParam(RetellSignature.HEADER) String signature, byte[] body) {
        Integration verified;
        try {
            verified = verify(integration, signature, body);
        } catch (CompanyInactive e) {
            return notServed(integration, read(body, InboundRequest.class));
        }
        InboundRequest request = read(body, InboundRequest.class);
        InboundCalls.InboundAnswer answer = inboundCalls.answer(verified.companyId, verified.id, request.fromNumber(),
                request.toNumber(), request.agentId(), RequestArrival.nanoTime().orElseGet(System::nanoTime));
        return new InboundResponse(new CallInbound(answer.dynamicVariables(), answer.metadata()));
    }

    @POST
    @Path("functions/{name}")
    @APIResponse(responseCode = "401", description = "Unknown or inactive integration, or a signature that does not verify")
    @APIResponse(responseCode = "404", description = "No voice function of this name")
    @Operation(summary = "Run a voice function during a call",
            description = """
                    Body `{name, call: {call_id, from_number, to_number}, args}`; the branch is the one `to_number` \
                    reaches. Functions: `check_availability` (service, date or from/to, optional staff), \
                    `book_appointment` (service, start, optional staff, customer_name, optional customer_phone, \
                    default the caller's number; retries with the same call and arguments book once), \
                    `cancel_appointment` (appointment_id, else the caller's next appointment), `find_customer` \
                    (the caller's name and number, never an e-mail address), `reschedule_appointment` (new_start, \
                    optional appointment_id and staff; a retry moves once), `list_my_appointments` (the caller's next \
                    appointments); their schemas: `GET /v1/voice/functions`. All but `check_availability` and \
                    `book_appointment` act only on the caller's own number (`from_number`): another number in \
                    `phone`, another customer's appointment_id or a withheld number get a polite refusal to speak \
                    (`error: not_callers_number` or `number_withheld`) and no data, unless the company allows other \
                    numbers (`PUT /v1/companies/{id}/voice-policy`). Always 200 with `{result: "<sentence to \
                    speak>", ...data}`: a missing or unreadable argument is a question in `result` (with `missing` or \
                    `invalid` naming it) so the agent can ask the caller and call again; a taken slot offers the \
                    nearest free times; a service that cannot answer in time says so (`error: \
                    temporarily_unavailable`), and a booking that may have been made all the same asks the agent to \
                    call again with the same arguments (`error: booking_unconfirmed`); a suspended or deleted \
                    company is refused in German (`error: company_not_served`) and nothing is done. 404: unknown \
                    function; 401: bad signature; 400: malformed JSON.""")
    public Map<String, Object> function(@PathParam("name") String name,
                                        @QueryParam("integration") @Parameter(required = true)
                                        UUID integration,
                                        @HeaderParam(RetellSignature.HEADER) String signature, byte[] body) {
        Integration verified;
        try {
            verified = verify(integration, signature, body);
        } catch (CompanyInactive e) {
            read(body, FunctionRequest.class);
            Map<String, Object> refusal = new LinkedHashMap<>();
            refusal.put("result", notServed());
            refusal.put("error", NOT_SERVED_REASON);
            return refusal;
        }
        FunctionRequest request = read(body, FunctionRequest.class);
        CallInfo call = request.call() == null ? new CallInfo(null, null, null) : request.call();
        CallContext context = new CallContext(verified.companyId, verified.id, call.callId(), call.fromNumber(),
                call.toNumber());
        VoiceAnswer answer = RequestArrival.age().compareTo(config.maxQueueWait()) > 0
                ? functions.notAttempted(name, context, request.args())
                : functions.call(name, context, request.args());
        activity.functionUsed(verified.companyId, call.callId(), name, answer.result(), answer.details());
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("result", answer.result());
        response.putAll(answer.details());
        return response;
    }

    /** Like an unknown number: the agent is told whom it does not serve, and says so instead of booking. */
    private InboundResponse notServed(UUID integration, InboundRequest request) {
        Map<String, String> variables = new LinkedHashMap<>();
        variables.put("business_identified", "false");
        variables.put("company_name", "");
        variables.put("branch_name", "");
        variables.put("fallback_message", notServed());
        variables.putAll(InboundBriefing.empty());
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("integration_id", integration.toString());
        metadata.put("reason", NOT_SERVED_REASON);
        if (request.toNumber() != null) {
            metadata.put("dialled_number", request.toNumber());
        }
        return new InboundResponse(new CallInbound(variables, metadata));
    }

    private Integration verify(UUID integration, String signature, byte[] body) {
        return signedRequests.verify(Provider.VOICE, integration, body, signature);
    }

    private <T> T read(byte[] body, Class<T> type) {
        JsonNode parsed = JsonBodies.object(json, new String(body, StandardCharsets.UTF_8));
        try {
            return json.convertValue(parsed, type);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("The body does not have the fields of a voice request: "
                    + e.getMessage().lines().findFirst().orElse(""));
        }
    }

    // Read with ObjectMapper from the raw body (after its signature is checked), where Quarkus REST cannot see them.
    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record InboundRequest(@JsonProperty("from_number") String fromNumber,
                                 @JsonProperty("to_number") String toNumber,
                                 @JsonProperty("agent_id") String agentId) {
    }

    public record InboundResponse(@JsonProperty("call_inbound") CallInbound callInbound) {
    }

    public record CallInbound(@JsonProperty("dynamic_variables") Map<String, String> dynamicVariables,
                              Map<String, Object> metadata) {
    }

    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record FunctionRequest(String name, CallInfo call, JsonNode args) {
    }

    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record CallInfo(@JsonProperty("call_id") String callId, @JsonProperty("from_number") String fromNumber,
                           @JsonProperty("to_number") String toNumber) {
    }
}
