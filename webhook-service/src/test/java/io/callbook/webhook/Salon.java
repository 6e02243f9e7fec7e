package io.callbook.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.callbook.testsupport.TestTokens;
import io.callbook.webhook.signing.domain.RetellSignature;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

import static io.restassured.RestAssured.given;

/**
 * A company on the real resolver-service and booking-service ({@link VoiceBackends}): one branch, a number, a
 * hairdresser who works every day, and its voice integration. Making one waits for the branch to reach booking-service.
 */
public record Salon(String company, String branch, String number, String otherCompanysNumber, String haircut,
                    String anna, String integration, String key) {

    public static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    public String admin() {
        return TestTokens.tenantAdmin(UUID.fromString(company));
    }

    public LocalDate day(int daysAhead) {
        return LocalDate.now(BERLIN).plusDays(daysAhead);
    }

    /** A voice function called during a call from {@code from} to this salon's number, signed as the provider signs. */
    public Response function(String name, String callId, Map<String, Object> args, String from) {
        try {
            return signed("/v1/voice/functions/" + name, new ObjectMapper().writeValueAsString(Map.of("name", name,
                    "call", Map.of("call_id", callId, "from_number", from, "to_number", number, "agent_id", "agent_1"),
                    "args", args)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Sends each request until it is not the spoken fallback, for at most a minute in all: a service's first requests
     * (class loading, first queries, first tokens) miss the one-second budget on a busy test machine; live services
     * are warm.
     */
    public static void warmUp(List<Supplier<Response>> requests) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        for (Supplier<Response> request : requests) {
            Response response = request.get();
            // a booking in doubt is asked again with the same arguments, as the agent is told to
            while (isFallback(response.asString()) && System.nanoTime() < deadline) {
                response = request.get();
            }
        }
    }

    /**
     * A fallback of an answer that ran out of time: a function's "can't check" or its booking in doubt, the inbound
     * hook's directory_unavailable.
     */
    public static boolean isFallback(String answer) {
        return answer.contains("unavailable") || answer.contains("booking_unconfirmed");
    }

    /** A body signed with this salon's voice integration, as the provider sends it. */
    public Response signed(String path, String body) {
        return given().contentType(ContentType.JSON)
                .header(RetellSignature.HEADER, RetellSignature.sign(body.getBytes(StandardCharsets.UTF_8), key,
                        Instant.now()))
                .body(body).post(path + "?integration={i}", integration);
    }

    /** A Berlin salon whose branch speaks German (de-DE), as most tenants'. */
    public static Salon create() {
        return create("de-DE");
    }

    /** @param locale the branch's locale: the language the voice agent is answered in */
    public static Salon create(String locale) {
        String platform = TestTokens.platformAdmin();
        String company = created(given().auth().oauth2(platform).contentType(ContentType.JSON)
                .body(Map.of("name", "Salon Stimme", "defaultRegion", "DE")).post(VoiceBackends.resolverUrl() + "/v1/companies"));
        String branch = created(given().auth().oauth2(platform).contentType(ContentType.JSON)
                .body(Map.of("name", "Berlin Mitte", "timeZone", "Europe/Berlin", "locale", locale, "phoneRegion", "DE"))
                .post(VoiceBackends.resolverUrl() + "/v1/companies/{c}/branches", company));
        String number = given().auth().oauth2(platform).contentType(ContentType.JSON)
                .body(Map.of("number", randomNumber(), "branchId", branch))
                .post(VoiceBackends.resolverUrl() + "/v1/companies/{c}/phone-numbers", company).then().statusCode(201).extract().path("e164");

        String other = created(given().auth().oauth2(platform).contentType(ContentType.JSON)
                .body(Map.of("name", "Another Salon", "defaultRegion", "DE")).post(VoiceBackends.resolverUrl() + "/v1/companies"));
        String otherBranch = created(given().auth().oauth2(platform).contentType(ContentType.JSON)
                .body(Map.of("name", "Elsewhere", "timeZone", "Europe/Berlin")).post(VoiceBackends.resolverUrl() + "/v1/companies/{c}/branches", other));
        String otherNumber = given().auth().oauth2(platform).contentType(ContentType.JSON)
                .body(Map.of("number", randomNumber(), "branchId", otherBranch))
                .post(VoiceBackends.resolverUrl() + "/v1/companies/{c}/phone-numbers", other).then().statusCode(201).extract().path("e164");

        String admin = TestTokens.tenantAdmin(UUID.fromString(company));
        String haircut = created(given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("name", "Haircut", "durationMinutes", 30, "slotIntervalMinutes", 30, "minNoticeMinutes", 0))
                .post(VoiceBackends.bookingUrl() + "/v1/companies/{c}/services", company));
        String anna = null;
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (anna == null) { // the branch reaches booking-service as a directory event
            Response staff = given().auth().oauth2(admin).contentType(ContentType.JSON)
                    .body(Map.of("branchId", branch, "name", "Anna Weber", "serviceIds", List.of(haircut)))
                    .post(VoiceBackends.bookingUrl() + "/v1/companies/{c}/staff", company);
            if (staff.statusCode() == 201) {
                anna = staff.path("id");
            } else if (staff.statusCode() != 404 || System.nanoTime() > deadline) {
                throw new IllegalStateException("staff: " + staff.statusCode() + " " + staff.asString());
            } else {
                sleep();
            }
        }
        List<Map<String, Object>> week = new ArrayList<>();
        for (String day : List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY")) {
            week.add(Map.of("day", day, "start", "09:00", "end", "18:00"));
        }
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("days", week))
                .put(VoiceBackends.bookingUrl() + "/v1/companies/{c}/staff/{s}/hours", company, anna).then().statusCode(200);

        String key = "key_" + UUID.randomUUID().toString().replace("-", "");
        String integration = created(given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("provider", "voice", "name", "Retell", "secret", key))
                .post("/v1/companies/{c}/integrations", company));
        return new Salon(company, branch, number, otherNumber, haircut, anna, integration, key);
    }

    /**
     * Creates an integration of the company. A calendar binding is checked in booking-service first; a just-started
     * booking-service on a busy machine may miss that check's time-out (503, nothing stored), so that is asked again.
     */
    public static Response createIntegration(String token, String company, Map<String, ?> body) {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (true) {
            Response response = given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                    .post("/v1/companies/{c}/integrations", company);
            if (response.statusCode() != 503 || System.nanoTime() > deadline) {
                return response;
            }
            sleep();
        }
    }

    public static String randomNumber() {
    return "+4930" + (1000000 + ThreadLocalRandom.current().nextInt(8999999));
}

private static String created(Response response) {
        return response.then().statusCode(201).extract().path("id");
    }

    private static void sleep() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
