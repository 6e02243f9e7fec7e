package io.callbook.webhook.retention.api;

import io.callbook.common.security.CallerContext;
import io.callbook.common.security.Roles;
import io.callbook.webhook.retention.domain.RetainedData;
import io.callbook.webhook.retention.domain.RetentionConfig;
import io.callbook.webhook.retention.domain.RetentionPolicies;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;

@Path("/v1/companies/{companyId}/retention")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.PLATFORM_ADMIN, Roles.TENANT_ADMIN})
@Tag(name = "Retention", description = "How long the tenant's webhooks, call log and deliveries are kept")
public class RetentionResource {

    private final RetentionPolicies policies;
    private final CallerContext caller;

    public RetentionResource(RetentionPolicies policies, CallerContext caller) {
        this.policies = policies;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "Get the company's retention periods")
    @APIResponse(responseCode = "404", description = "Not a company the caller may see")
    public RetentionResponse get(@PathParam("companyId") UUID companyId) {
        caller.requireCompany(companyId, "Company " + companyId);
        return response(policies.overrides(companyId));
    }

    /** A period left out (null) goes back to the platform's default. */
    @PUT
    @Operation(summary = "Set the company's retention periods")
    @APIResponse(responseCode = "404", description = "Not a company the caller may see")
    @APIResponse(responseCode = "422", description = "A period lies outside its allowed range")
    public RetentionResponse put(@PathParam("companyId") UUID companyId, @NotNull RetentionRequest request) {
        caller.requireCompany(companyId, "Company " + companyId);
        Map<RetainedData, Integer> days = new EnumMap<>(RetainedData.class);
        put(days, RetainedData.INBOX, request.inboxDays());
        put(days, RetainedData.CALL_LOG, request.callLogDays());
        put(days, RetainedData.DELIVERIES, request.deliveriesDays());
        return response(policies.replace(companyId, days));
    }

    private static void put(Map<RetainedData, Integer> days, RetainedData data, Integer value) {
        if (value != null) {
            days.put(data, value);
        }
    }

    private RetentionResponse response(Map<RetainedData, Integer> own) {
        return new RetentionResponse(period(own, RetainedData.INBOX), period(own, RetainedData.CALL_LOG),
                period(own, RetainedData.DELIVERIES));
    }

    private Period period(Map<RetainedData, Integer> own, RetainedData data) {
        RetentionConfig.Limits limits = policies.limits(data);
        Integer days = own.get(data);
        return new Period(days == null ? limits.defaultDays() : days, days == null, limits.defaultDays(),
                limits.minDays(), limits.maxDays());
    }

    /** Days per kind of data; null for the platform's default. */
    public record RetentionRequest(Integer inboxDays, Integer callLogDays, Integer deliveriesDays) {
    }

    public record RetentionResponse(Period inbox, Period callLog, Period deliveries) {
    }

    /** @param usesDefault true when the tenant set no period of its own */
    public record Period(int days, boolean usesDefault, int defaultDays, int minDays, int maxDays) {
    }
}
