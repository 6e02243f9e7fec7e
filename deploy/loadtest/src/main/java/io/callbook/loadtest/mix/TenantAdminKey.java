package io.callbook.loadtest.mix;

import com.fasterxml.jackson.databind.JsonNode;
import io.callbook.loadtest.harness.ApiClient;
import io.callbook.loadtest.harness.ResolverClient;

import java.util.List;
import java.util.Map;

/**
 * A tenant-admin API key of the bench's own in the seeded company, and a token made from it: the admin reads go as a
 * tenant's staff would make them, scoped to their company. Revoked after the run, so no live key is left behind.
 */
public record TenantAdminKey(String companyId, String keyId, String token) {

    /** @param resolver carries a platform-admin token */
    public static TenantAdminKey create(ResolverClient resolver, String companyId, String name) {
        JsonNode created = ApiClient.expect(resolver.post(path(companyId),
                Map.of("name", name, "groups", List.of("tenant-admin"))), "POST " + path(companyId), 201).body();
        return new TenantAdminKey(companyId, created.path("id").asText(), resolver.exchange(created.path("key").asText()));
    }

    public void revoke(ResolverClient resolver) {
        String key = path(companyId) + "/" + keyId;
        ApiClient.expect(resolver.delete(key), "DELETE " + key, 204);
    }

    private static String path(String companyId) {
        return "/v1/companies/" + companyId + "/api-keys";
    }
}
