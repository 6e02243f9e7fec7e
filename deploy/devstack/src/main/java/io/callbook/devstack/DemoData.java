package io.callbook.devstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The demo tenant of the local run, created once through the services' public APIs (so it also proves they work) and
 * recorded in {@code .callbook/demo.json}. Each part is a method of its own.
 */
final class DemoData {

    record PhoneNumber(String number, String branch, String label) {
    }

    static final List<PhoneNumber> PHONE_NUMBERS = List.of(
            new PhoneNumber("+49 30 1234567", "berlin", "Front desk"),
            new PhoneNumber("030 98765432", "berlin", "Colour line"),
            new PhoneNumber("(040) 1234-5678", "hamburg", "Front desk"),
            new PhoneNumber("0049 40 5550100", "hamburg", "Voice agent"));

    private final ServiceApi resolver;
    private final ServiceApi booking;
    private final ObjectNode demo = ServiceApi.JSON.createObjectNode();

    private DemoData(ServiceApi resolver, ServiceApi booking) {
        this.resolver = resolver;
        this.booking = booking;
    }

    /**
     * Creates the demo tenant and writes demo.json; the file is only written when the directory part succeeded.
     * The booking part (services, staff, hours) is added when booking-service runs, also to an older demo.json.
     *
     * @param booking null when booking-service is not built
     */
    static JsonNode ensure(ServiceApi resolver, ServiceApi booking, String bootstrapKey, Path file) throws IOException {
        DemoData data = new DemoData(resolver, booking);
        String platformToken = resolver.token(bootstrapKey);
        if (Files.isRegularFile(file)) {
            data.demo.setAll((ObjectNode) read(file));
        } else {
            try {
                data.directory(platformToken);
            } catch (RuntimeException e) {
                data.removePartialTenant(platformToken);
                throw e;
            }
            data.demo.put("createdAt", Instant.now().toString());
        }
        if (booking != null && !data.demo.has("booking")) {
            try {
                data.booking(platformToken);
            } catch (RuntimeException e) {
                System.out.println("The demo's staff and services could not be loaded: " + e.getMessage());
            }
        }
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        ServiceApi.JSON.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), data.demo);
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

    /** The demo tenant's API key (groups tenant-admin and agent), if the demo data has one. */
    static Optional<String> tenantApiKey(JsonNode demo) {
        return demo != null && demo.path("tenantApiKey").hasNonNull("key")
                ? Optional.of(demo.path("tenantApiKey").path("key").asText()) : Optional.empty();
    }

    static JsonNode read(Path file) throws IOException {
        return ServiceApi.JSON.readTree(file.toFile());
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

    /**
     * Two services and three hairdressers with a working week, in both branches. Branches reach booking-service as
     * directory events, so the first staff member of a branch is retried until its branch has arrived.
     */
    private void booking(String platformToken) {
        String companyId = demo.path("company").path("id").asText();
        String base = "/v1/companies/" + companyId;
        ObjectNode part = ServiceApi.JSON.createObjectNode();
        ObjectNode services = part.putObject("services");
        String haircut = booking.post(base + "/services", platformToken, Map.of("name", "Haarschnitt", "durationMinutes", 30,
                "slotIntervalMinutes", 15, "bufferAfterMinutes", 10, "minNoticeMinutes", 60, "priceCents", 3500,
                "currency", "EUR"), 201).path("id").asText();
        services.putObject("haircut").put("id", haircut).put("name", "Haarschnitt");
        String colouring = booking.post(base + "/services", platformToken, Map.of("name", "Färben",
                "durationMinutes", 90, "slotIntervalMinutes", 30, "bufferBeforeMinutes", 10, "bufferAfterMinutes", 15,
                "minNoticeMinutes", 120, "priceCents", 8900, "currency", "EUR"), 201).path("id").asText();
        services.putObject("colouring").put("id", colouring).put("name", "Färben");

        ArrayNode staff = part.putArray("staff");
        staff.add(staffMember(platformToken, base, "berlin", "Anna Weber", List.of(haircut, colouring)));
        staff.add(staffMember(platformToken, base, "berlin", "Ben Fischer", List.of(haircut)));
        staff.add(staffMember(platformToken, base, "hamburg", "Clara Schulz", List.of(haircut, colouring)));
        demo.set("booking", part);
    }

    private ObjectNode staffMember(String token, String base, String branch, String name, List<String> serviceIds) {
        String branchId = demo.path("branches").path(branch).path("id").asText();
        Map<String, Object> body = Map.of("branchId", branchId, "name", name, "serviceIds", serviceIds);
        JsonNode created = null;
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (created == null) {
            try {
                created = booking.post(base + "/staff", token, body, 201);
            } catch (IllegalStateException branchNotThereYet) {
                if (System.nanoTime() > deadline || !branchNotThereYet.getMessage().contains(" 404 ")) {
                    throw branchNotThereYet;
                }
                sleep();
            }
        }
        String staffId = created.path("id").asText();
        List<Map<String, Object>> week = new ArrayList<>();
        for (String day : List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY")) {
            week.add(Map.of("day", day, "start", "09:00", "end", "18:00",
                    "breaks", List.of(Map.of("start", "13:00", "end", "14:00"))));
        }
        week.add(Map.of("day", "SATURDAY", "start", "10:00", "end", "14:00"));
        booking.put(base + "/staff/" + staffId + "/hours", token, Map.of("days", week), 200);
        return ServiceApi.JSON.createObjectNode().put("id", staffId).put("name", name).put("branch", branch)
                .put("branchId", branchId);
    }

    private static void sleep() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the branch replica", e);
        }
    }
}
