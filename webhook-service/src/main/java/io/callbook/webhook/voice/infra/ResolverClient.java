package io.callbook.webhook.voice.infra;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import java.util.UUID;

/** resolver-service's number resolution. Paths sit on the methods: {@code @Path} on a type marks a resource. */
@RegisterRestClient(configKey = "resolver")
@Produces(MediaType.APPLICATION_JSON)
public interface ResolverClient {

    @GET
    @Path("/v1/resolve")
    Resolution resolve(@QueryParam("number") String number, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Resolution(String number, UUID companyId, String companyName, UUID branchId, String branchName,
                      String timeZone, String locale, boolean active) {
    }
}
