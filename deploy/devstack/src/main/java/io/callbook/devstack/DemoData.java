package io.callbook.devstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The demo tenant of the local run, created once through the services' public APIs (so it also proves they work) and
 * recorded in {@code .callbook/demo.json}. Each part is a method of its own; later parts (booking's staff and services)
 * add theirs.
 */
final class DemoData {

    record PhoneNumber(String number, String branch, String label) {
    }

    static final List<PhoneNumber> PHONE_NUMBERS = List.of(
            new PhoneNumber("+49 30 1234567", "berlin", "Front desk"),
            new PhoneNumber("030 98765432", "berlin", "Colour line"),
            new PhoneNumber("(040) 1234-5678", "hamburg", "Front desk"),
            new PhoneNumber("0049 40 5550100", "hamburg", "Voice agent"));

    private final ResolverApi resolver;
    private final ObjectNode demo = ResolverApi.JSON.createObjectNode();

    private DemoData(ResolverApi resolver) {
        this.resolver = resolver;
    }

    /** Creates the demo tenant and writes demo.json; the file is only written when every step succeeded. */
    static JsonNode create(ResolverApi resolver, String bootstrapKey, Path file) throws IOException {
        DemoData data = new DemoData(resolver);
        String platformToken = resolver.token(bootstrapKey);
        try {
            data.directory(platformToken);
        } catch (RuntimeException e) {
            data.removePartialTenant(platformToken);
            throw e;
        }
        data.demo.put("createdAt", Instant.now().toString());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        ResolverApi.JSON.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), data.demo);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return data.demo;
    }

    /** A half-created tenant would hold the demo numbers and make the next attempt fail; remove it. */
    private void removePartialTenant(String platformToken) {
        String companyId = demo.path("company").path("id").asText("");
        if (!companyId.isEmpty()) {
            try {
                resolver.delete("/v1/companies/" + companyId, platformToken);
            } catch (RuntimeException cleanupFailure) {
                System.err.println("Could not remove the half-created demo tenant " + companyId + ": " + cleanupFailure.getMessage());
            }
        }
    }

    static JsonNode read(Path file) throws IOException {
        return ResolverApi.JSON.readTree(file.toFile());
    }

    /** Salon Weber with two branches, four phone numbers written the ways people write them, and a tenant API key. */
    private void directory(String platformToken) {
        JsonNode company = resolver.post("/v1/companies", platformToken,
                Map.of("name", "Salon Weber", "defaultRegion", "DE"), 201);
        String companyId = company.path("id").asText();
        demo.putObject("company").put("id", companyId).put("name", "Salon Weber");

        ObjectNode branches = demo.putObject("branches");
        Map<String, String> branchIds = new LinkedHashMap<>();
        branchIds.put("berlin", branch(platformToken, companyId, branches, "berlin", "Berlin Mitte"));
        branchIds.put("hamburg", branch(platformToken, companyId, branches, "hamburg", "Hamburg Altona"));

        ArrayNode numbers = demo.putArray("phoneNumbers");
        for (PhoneNumber phone : PHONE_NUMBERS) {
            JsonNode created = resolver.post("/v1/companies/" + companyId + "/phone-numbers", platformToken,
                    Map.of("number", phone.number(), "branchId", branchIds.get(phone.branch()), "label", phone.label()),
                    201);
            numbers.addObject()
                    .put("id", created.path("id").asText())
                    .put("number", phone.number())
                    .put("e164", created.path("e164").asText())
                    .put("branch", phone.branch())
                    .put("branchId", branchIds.get(phone.branch()))
                    .put("label", phone.label());
        }

        JsonNode key = resolver.post("/v1/companies/" + companyId + "/api-keys", platformToken,
                Map.of("name", "demo tenant admin", "groups", List.of("tenant-admin", "agent")), 201);
        demo.putObject("tenantApiKey")
                .put("id", key.path("id").asText())
                .put("key", key.path("key").asText())
                .put("groups", "tenant-admin, agent");
    }

    private String branch(String token, String companyId, ObjectNode branches, String handle, String name) {
        JsonNode created = resolver.post("/v1/companies/" + companyId + "/branches", token,
                Map.of("name", name, "timeZone", "Europe/Berlin", "locale", "de-DE", "phoneRegion", "DE"), 201);
        String id = created.path("id").asText();
        branches.putObject(handle).put("id", id).put("name", name);
        return id;
    }
}
