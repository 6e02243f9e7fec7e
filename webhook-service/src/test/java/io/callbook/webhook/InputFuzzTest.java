package io.callbook.webhook;

import io.callbook.testsupport.Fuzz;
import io.callbook.testsupport.Fuzz.Body;
import io.callbook.webhook.signing.domain.CalSignature;
import io.callbook.webhook.signing.domain.RetellSignature;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Hostile input to the internet-facing routes (provider webhooks with their signature headers, the voice agent's hook
 * and functions) and to the tenant API's bodies: each answer is a success or a 4xx problem, never a 500; a wrong
 * signature is always 401; a refused request stores nothing.
 *
 * <p>jqwik's generators run programmatically here ({@link Fuzz#samples}) rather than as {@code @Property} methods:
 * a property gets no Quarkus injection or started application, and this test needs both (real PostgreSQL, and the
 * real resolver- and booking-service behind the voice functions).
 */
@QuarkusTest
class InputFuzzTest {

    /** One salon for the class: making it waits for its branch to reach booking-service over Kafka. */
    private static Salon salon;
    private static String calendar;
    private static String calendarSecret;

    @Inject
    DataSource dataSource;

    @BeforeEach
    void salon() {
        if (salon == null) {
            salon = Salon.create();
            // The first class against a just-started booking-service may see its binding check time out (503).
            var created = Salon.createIntegration(salon.admin(), salon.company(), Map.of("provider", "calendar",
                            "name", "Cal.com", "branchId", salon.branch(), "serviceId", salon.haircut(), "staffId", salon.anna()))
                    .then().statusCode(201).extract();
            calendar = created.path("id");
            calendarSecret = created.path("secret");
        }
    }

    @Test
    void voiceSignatureHeaders() {
        byte[] body = callEvent("call-" + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
        Instant now = Instant.now();
        String valid = RetellSignature.sign(body, salon.key(), now);
        String digest = valid.substring(valid.indexOf(",d=") + 3);
        String millis = Long.toString(now.toEpochMilli());
        Arbitrary<String> timestamps = Arbitraries.of(millis, Long.toString(now.minusSeconds(400).toEpochMilli()),
                Long.toString(now.plusSeconds(400).toEpochMilli()), "0", "-1", Long.toString(Long.MAX_VALUE),
                Long.toString(Long.MIN_VALUE), "1e3", "", " " + millis, "00" + millis, "9".repeat(40), millis + ".5");
        Arbitrary<String> digests = Arbitraries.of(digest, digest.toUpperCase(), digest.substring(1), digest + "00",
                digest.replace(digest.charAt(0), digest.charAt(0) == 'a' ? 'b' : 'a'), "", "zz", "0".repeat(64),
                "a".repeat(10_000), HexFormat.of().formatHex(digest.getBytes(StandardCharsets.UTF_8)));
        Arbitrary<String> headers = Arbitraries.oneOf(
                Combinators.combine(timestamps, digests, Arbitraries.of("v=%s,d=%s", "d=%2$s,v=%1$s", "v=%s, d=%s",
                        "v=%s,d=%s,v=0", "V=%s,D=%s", "v=%s;d=%s", "v=%s,d=%s,d=00")).as((t, d, f) -> f.formatted(t, d)),
                printable(200));
        checkSignatures(headers, RetellSignature.HEADER, body, "/v1/webhooks/voice?integration=" + salon.integration(),
                header -> header.equals(valid) || header.equals(valid.replace(digest, digest.toUpperCase()))
                        || header.equals("d=" + digest + ",v=" + millis) || header.equals("v=" + millis + ", d=" + digest)
                        || header.equals("d=" + digest.toUpperCase() + ",v=" + millis)
                        || header.equals("v=" + millis + ", d=" + digest.toUpperCase()));
    }

    @Test
    void calendarSignatureHeaders() {
        byte[] body = calendarEvent("uid-" + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
        String valid = CalSignature.sign(body, calendarSecret);
        Arbitrary<String> headers = Arbitraries.oneOf(
                Arbitraries.of(valid, valid.toUpperCase(), "sha256=" + valid, valid.substring(2), valid + "0", "",
                        " " + valid, valid + " ", "0".repeat(64), "g".repeat(64), "a".repeat(10_000)),
                printable(100));
        checkSignatures(headers, CalSignature.HEADER, body, "/v1/webhooks/calendar?integration=" + calendar,
                header -> header.strip().equalsIgnoreCase(valid));
    }

    @Test
    void signedWebhookBodies() {
        Map<String, Object> call = Map.of("event", "call_started", "call", Map.of("call_id", "call-" + UUID.randomUUID(),
                "from_number", "+4917012345678", "to_number", salon.number(), "agent_id", "agent_1",
                "start_timestamp", 1795400000000L));
        for (Body body : Fuzz.samples(Fuzz.bodies(call, phoneNumbers()), Fuzz.TRIES, "voice-webhooks")) {
            signedAndChecked(body, RetellSignature.HEADER, RetellSignature.sign(body.bytes(), salon.key(), Instant.now()),
                    "/v1/webhooks/voice?integration=" + salon.integration());
        }
        Map<String, Object> booking = Map.of("triggerEvent", "BOOKING_CREATED", "createdAt", "2026-11-23T10:00:00Z",
                "payload", Map.of("uid", "uid-" + UUID.randomUUID(), "startTime", salon.day(20) + "T10:00:00Z",
                        "endTime", salon.day(20) + "T10:30:00Z", "attendees", List.of(Map.of("name", "Clara",
                                "email", "clara@example.org", "timeZone", "Europe/Berlin", "phoneNumber", "+4917012345678"))));
        for (Body body : Fuzz.samples(Fuzz.bodies(booking, phoneNumbers()), Fuzz.TRIES, "calendar-webhooks")) {
            signedAndChecked(body, CalSignature.HEADER, CalSignature.sign(body.bytes(), calendarSecret),
                    "/v1/webhooks/calendar?integration=" + calendar);
        }
    }

    @Test
    void voiceHookAndFunctions() {
        Map<String, Object> inbound = Map.of("from_number", "+4917012345678", "to_number", salon.number(),
                "agent_id", "agent_1");
        for (Body body : Fuzz.samples(Fuzz.bodies(inbound, phoneNumbers()), Fuzz.TRIES / 2, "voice-inbound")) {
            signedAndChecked(body, RetellSignature.HEADER, RetellSignature.sign(body.bytes(), salon.key(), Instant.now()),
                    "/v1/voice/inbound?integration=" + salon.integration());
        }
        Map<String, Map<String, Object>> functions = Map.of(
                "check_availability", Map.of("service", "Haircut", "date", salon.day(10).toString(), "staff", "Anna"),
                "book_appointment", Map.of("service", "Haircut", "start", salon.day(40) + "T11:00",
                        "customer_name", "Fuzz Kunde", "customer_phone", "+4917012345678"),
                "find_customer", Map.of("phone", "+4917012345678"),
                "cancel_appointment", Map.of("appointment_id", UUID.randomUUID().toString()),
                "reschedule_appointment", Map.of("new_start", salon.day(41) + "T11:00", "staff", "Anna"),
                "list_my_appointments", Map.of(),
                "no_such_function", Map.of());
        Arbitrary<Object> args = Arbitraries.oneOf(phoneNumbers().map(p -> p), Arbitraries.of("Haircut", "haircut",
                "Anna", "morgen", "tomorrow", salon.day(1).toString(), salon.day(1) + "T25:00", salon.day(2) + "T09:00",
                salon.day(2) + "T09:00+14:00", "2026-02-30", "+999999999-12-31T00:00", salon.anna(), salon.haircut()));
        functions.forEach((name, arguments) -> {
            Map<String, Object> request = Map.of("name", name, "call", Map.of("call_id", "call-" + UUID.randomUUID(),
                    "from_number", "+4917012345678", "to_number", salon.number()), "args", arguments);
            for (Body body : Fuzz.samples(Fuzz.bodies(request, args), Fuzz.TRIES / 3, "voice-" + name)) {
                signedAndChecked(body, RetellSignature.HEADER, RetellSignature.sign(body.bytes(), salon.key(),
                        Instant.now()), "/v1/voice/functions/" + name + "?integration=" + salon.integration());
            }
        });
    }

    @Test
    void telAndSipUrisNameTheCallerAndTheDialledNumber() {
        String digits = salon.number().substring(1);
        for (String dialled : List.of("tel:" + salon.number(), "sip:" + salon.number() + "@sip.provider.com;user=phone",
                "<sip:%2B" + digits + "@pstn.example.com>")) {
            String body = "{\"from_number\":\"sip:+4917012345678@sip.provider.com;user=phone\",\"to_number\":\""
                    + dialled + "\",\"agent_id\":\"agent_1\"}";
            signed("/v1/voice/inbound", body).then().statusCode(200)
                    .body("call_inbound.dynamic_variables.business_identified", equalTo("true"))
                    .body("call_inbound.dynamic_variables.branch_id", equalTo(salon.branch()));
        }
        String caller = "+49170" + (1_000_000 + (int) (Math.random() * 8_000_000));
        String body = "{\"name\":\"book_appointment\",\"call\":{\"call_id\":\"call-" + UUID.randomUUID()
                + "\",\"from_number\":\"tel:" + caller + "\",\"to_number\":\"sip:" + salon.number()
                + "@sip.provider.com;user=phone\"},\"args\":{\"service\":\"Haircut\",\"start\":\"" + salon.day(45)
                + "T14:00\",\"customer_name\":\"Uri Sip\"}}";
        signed("/v1/voice/functions/book_appointment", body).then().statusCode(200)
                .body("appointment_id", org.hamcrest.Matchers.notNullValue());
        given().auth().oauth2(salon.admin()).queryParam("phone", caller)
                .get(VoiceBackends.bookingUrl() + "/v1/companies/{c}/customers", salon.company())
                .then().statusCode(200).body("items[0].phone", equalTo(caller));
    }

    @Test
    void tenantApiBodies() {
        String integrations = "/v1/companies/" + salon.company() + "/integrations";
        check("POST", integrations, Map.of("provider", "calendar", "name", "Cal.com", "secret", "s".repeat(32),
                "branchId", salon.branch(), "serviceId", salon.haircut(), "staffId", salon.anna()));
        // Its own integration: a rotation would change the secret the other tests sign with.
        String rotated = given().auth().oauth2(salon.admin()).contentType(ContentType.JSON)
                .body(Map.of("provider", "voice", "name", "Rotated")).post(integrations)
                .then().statusCode(201).extract().path("id");
        check("POST", integrations + "/" + rotated + "/rotate", Map.of("secret", "t".repeat(32)));
        String endpoints = "/v1/companies/" + salon.company() + "/webhook-endpoints";
        check("POST", endpoints, Map.of("url", "http://127.0.0.1:1/hook", "eventTypes", List.of("*")));
    }

    private void checkSignatures(Arbitrary<String> headers, String name, byte[] body, String path,
                                 java.util.function.Predicate<String> accepted) {
        for (String header : Fuzz.samples(headers, Fuzz.TRIES, name)) {
            long before = inboxRows();
            Response response = given().contentType(ContentType.JSON).header(name, header).body(body).post(path);
            Fuzz.assertProblemOrSuccess(response, name + ": " + header);
            if (!accepted.test(header)) {
                assertEquals(401, response.statusCode(), name + ": " + header + " (seed " + Fuzz.SEED + ")");
                assertEquals(before, inboxRows(), "a refused webhook was stored: " + header);
            }
        }
    }

    /** Signed like the provider would sign it, so the body itself is what is tried. */
    private void signedAndChecked(Body body, String header, String signature, String path) {
        long before = inboxRows();
        Map<String, Long> rowsBefore = rows();
        Response response = Fuzz.given(body).header(header, signature).post(path);
        Fuzz.assertProblemOrSuccess(response, body);
        if (response.statusCode() >= 400) {
            assertEquals(before, inboxRows(), "a refused request was stored: " + body + " (seed " + Fuzz.SEED + ")");
            if (!path.startsWith("/v1/webhooks/")) {
                assertEquals(rowsBefore, rows(), "a refused request wrote rows: " + body + " (seed " + Fuzz.SEED + ")");
            }
        }
    }

    private void check(String method, String path, Map<String, ?> valid) {
        Fuzz.check(Fuzz.samples(Fuzz.bodies(valid), Fuzz.TRIES / 2, method + path.replace(salon.company(), "")),
                body -> Fuzz.given(body).auth().oauth2(salon.admin()).request(method, path), this::rows);
    }

    /**
     * The tenant's rows that only a request writes. Deliveries (booking events of earlier successful bookings), calls,
     * their transfers and the live-activity outbox rows (inbox processing of accepted webhooks) are written by consumers
     * in the background, so they change between two counts without any request.
     */
    private Map<String, Long> rows() {
        Map<String, Long> rows = new java.util.TreeMap<>(Fuzz.tenantRows(dataSource, UUID.fromString(salon.company())));
        rows.keySet().removeAll(Set.of("deliveries", "calls", "call_transfers", "outbox"));
        return rows;
    }

    /** The inbox alone: accepted webhooks are processed later, and their processing writes other rows meanwhile. */
    private long inboxRows() {
        return rows().getOrDefault("inbound_events", 0L);
    }

    private static Response signed(String path, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return given().contentType(ContentType.JSON).header(RetellSignature.HEADER,
                RetellSignature.sign(bytes, salon.key(), Instant.now())).body(bytes)
                .post(path + "?integration={i}", salon.integration());
    }

    private static Arbitrary<String> printable(int maxLength) {
        return Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(maxLength);
    }

    private static Arbitrary<String> phoneNumbers() {
        return Arbitraries.oneOf(
                Combinators.combine(Arbitraries.of("", "+", "+49", "0", "tel:", "tel:+", "sip:+", "<sip:+", "sips:%2B"),
                                Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(18),
                                Arbitraries.of("", "@sip.provider.com;user=phone", ";ext=1", ";phone-context=+49", ">"))
                        .as((prefix, number, suffix) -> prefix + number + suffix),
                Arbitraries.of("anonymous", "sip:anonymous@anonymous.invalid", "", "+", "0".repeat(200),
                        "tel:" + salon.number(), "sip:" + salon.number() + "@sip.provider.com;user=phone"));
    }

    private static String callEvent(String callId) {
        return """
                {"event":"call_started","call":{"call_id":"%s","from_number":"+4917012345678","to_number":"%s",\
                "agent_id":"agent_1","start_timestamp":1795400000000}}""".formatted(callId, salon.number());
    }

    private static String calendarEvent(String uid) {
        return """
                {"triggerEvent":"BOOKING_CREATED","createdAt":"2026-11-23T10:00:00Z","payload":{"uid":"%s",\
                "startTime":"%sT10:00:00Z","endTime":"%sT10:30:00Z","attendees":[{"name":"Clara",\
                "email":"clara@example.org","timeZone":"Europe/Berlin"}]}}""".formatted(uid, salon.day(21), salon.day(21));
    }
}
