package io.callbook.booking.customer.infra;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The part of webhook-service's API a customer's export needs. Bodies are read tolerantly (unknown fields are
 * ignored by the suite's mapper), so webhook-service can add fields.
 */
@RegisterRestClient(configKey = "webhook")
@Produces(MediaType.APPLICATION_JSON)
public interface WebhookClient {

    @GET
    @Path("/v1/companies/{companyId}/caller-data")
    CallerData callerData(@PathParam("companyId") UUID companyId, @QueryParam("phone") String e164,
                          @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);

    record CallerData(List<Call> calls) {
    }

    record Call(UUID id, String callId, String fromNumber, String toNumber, UUID branchId, Instant startedAt,
                Instant endedAt, Long durationMs, String disconnectionReason, String summary, String sentiment,
                List<UUID> appointmentIds) {
    }
}
