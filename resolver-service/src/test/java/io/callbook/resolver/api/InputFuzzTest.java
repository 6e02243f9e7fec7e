package io.callbook.resolver.api;

import io.callbook.resolver.Directory;
import io.callbook.testsupport.Fuzz;
import io.callbook.testsupport.Fuzz.Body;
import io.callbook.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;

/**
 * Hostile input to every body and query of the directory and resolution API: each answer is a success or a 4xx
 * problem, never a 500, and a refused request writes nothing.
 *
 * <p>jqwik's generators run programmatically here ({@link Fuzz#samples}) rather than as {@code @Property} methods:
 * a property gets no Quarkus injection or started application, and this test needs both (real PostgreSQL, tokens).
 */
@QuarkusTest
class InputFuzzTest {

    @Inject
    DataSource dataSource;

    private UUID company;
    private UUID branch;
    private String number;
    private String admin;
    private String agent;

    @BeforeEach
    void directory() {
        company = Directory.company("Fuzz GmbH");
        admin = TestTokens.tenantAdmin(company);
        agent = TestTokens.agent(company);
        branch = Directory.branch(company, "Fuzz Mitte");
        number = Directory.freshBerlinNumber();
        Directory.number(company, branch, number);
    }

    @Test
    void companyBodies() {
        String platformAdmin = TestTokens.platformAdmin();
        Fuzz.check(samples(Map.of("name", "Salon Fuzz", "defaultRegion", "DE"), "companies"),
                body -> send(body, platformAdmin, "POST", "/v1/companies"), this::companies);
        Fuzz.check(samples(Map.of("name", "Salon Fuzz", "defaultRegion", "AT", "active", true), "company-update"),
                body -> send(body, admin, "PUT", "/v1/companies/" + company), this::tenantRows);
    }

    @Test
    void branchBodiesWithTimeZones() {
        Arbitrary<String> zones = zones();
        Map<String, Object> valid = Map.of("name", "Filiale", "timeZone", "Europe/Berlin", "locale", "de-DE",
                "phoneRegion", "DE");
        Fuzz.check(Fuzz.samples(Fuzz.bodies(valid, zones), Fuzz.TRIES, "branches"),
                body -> send(body, admin, "POST", "/v1/companies/" + company + "/branches"),
                this::tenantRows);
        Fuzz.check(Fuzz.samples(Fuzz.bodies(Map.of("name", "Filiale", "timeZone", "Europe/Vienna", "active", true), zones),
                        Fuzz.TRIES, "branch-update"),
                body -> send(body, admin, "PUT",
                        "/v1/companies/" + company + "/branches/" + branch), this::tenantRows);
    }

    @Test
    void aBranchKeepsOnlyTimeZonesThatExist() {
        for (String zone : Fuzz.samples(zones(), 60, "zones")) {
            Response response = send(Body.json(Map.of("name", "Zone", "timeZone", zone, "phoneRegion", "DE")),
                    admin, "POST", "/v1/companies/" + company + "/branches");
            Fuzz.assertProblemOrSuccess(response, zone);
            if (response.statusCode() == 201) {
                String stored = response.path("timeZone");
                assertDoesNotThrow(() -> ZoneId.of(stored), zone + " stored as " + stored);
            }
        }
    }

    @Test
    void phoneNumberBodies() {
        Arbitrary<String> numbers = phoneNumbers();
        String path = "/v1/companies/" + company + "/phone-numbers";
        Fuzz.check(Fuzz.samples(Fuzz.bodies(Map.of("number", Directory.freshBerlinNumber(), "branchId", branch.toString(),
                        "label", "Empfang"), numbers), Fuzz.TRIES, "numbers"),
                body -> send(body, admin, "POST", path), this::tenantRows);
        Fuzz.check(Fuzz.samples(Fuzz.bodies(Map.of("items", List.of(
                        Map.of("number", Directory.freshBerlinNumber(), "branchId", branch.toString(), "label", "a"),
                        Map.of("number", Directory.freshBerlinNumber(), "branchId", branch.toString()))), numbers),
                        Fuzz.TRIES / 3, "number-batch"),
                body -> send(body, admin, "POST", path + "/batch"), this::tenantRows);
    }

    @Test
    void apiKeyAndTokenBodies() {
        Fuzz.check(samples(Map.of("name", "Telefonie", "groups", List.of("agent")), "api-keys"),
                body -> send(body, admin, "POST", "/v1/companies/" + company + "/api-keys"),
                this::tenantRows);
        // In production the token route allows 30 requests a minute per client (raised in tests).
        Fuzz.check(Fuzz.samples(Fuzz.bodies(Map.of("apiKey", "cbk_" + "a".repeat(40))), 25, "tokens"),
                body -> send(body, null, "POST", "/v1/tokens"), null);
    }

    @Test
    void resolveAnyNumberAndRegion() {
        Arbitrary<String> regions = Arbitraries.oneOf(Arbitraries.of("DE", "de", "US", "ZZ", "001", "", " ", "DEU"),
                Arbitraries.strings().all().ofMaxLength(3));
        var queries = Fuzz.samples(Combinators.combine(phoneNumbers(), regions.injectNull(0.5)).as(java.util.Arrays::asList),
                Fuzz.TRIES, "resolve");
        for (List<String> query : queries) {
            var request = given().auth().oauth2(agent).queryParam("number", query.get(0));
            if (query.get(1) != null) {
                request.queryParam("region", query.get(1));
            }
            Fuzz.assertProblemOrSuccess(request.get("/v1/resolve"), query);
        }
    }

    @Test
    void telAndSipUrisOfANumberResolveToItsBranch() {
        String digits = number.substring(1);
        for (String uri : List.of("tel:" + number, "tel:+" + digits.substring(0, 2) + "-" + digits.substring(2),
                "sip:" + number + "@sip.provider.com;user=phone", "sips:" + number + "@10.0.0.1:5061;transport=tls",
                "<sip:" + number + "@pstn.example.com>", "sip:%2B" + digits + "@trunk.example.de",
                "tel:" + digits.substring(2) + ";phone-context=+49")) {
            given().auth().oauth2(agent).queryParam("number", uri).get("/v1/resolve")
                    .then().statusCode(200).body("number", equalTo(number)).body("branchId", equalTo(branch.toString()));
        }
    }

    private static List<Body> samples(Map<String, ?> valid, String salt) {
        return Fuzz.samples(Fuzz.bodies(valid), Fuzz.TRIES, salt);
    }

    private static Response send(Body body, String token, String method, String path) {
        var request = Fuzz.given(body);
        if (token != null) {
            request.auth().oauth2(token);
        }
        return request.request(method, path);
    }

    private static Arbitrary<String> zones() {
        return Arbitraries.oneOf(Arbitraries.of(ZoneId.getAvailableZoneIds()),
                Arbitraries.of("UTC", "Z", "GMT+14", "UTC+99", "+01:00", "+18:00", "-18:01", "Etc/GMT+14", "SystemV/AST4",
                        "EST", "CET", "Europe/Atlantis", "europe/berlin", "Europe/Berlin ", "../Europe/Berlin",
                        "Europe/Berlin\u0000", "", " ", "x".repeat(64), "America/Argentina/ComodRivadavia"),
                Arbitraries.strings().all().ofMaxLength(20));
    }

    private static Arbitrary<String> phoneNumbers() {
        Arbitrary<String> digits = Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(18);
        return Arbitraries.oneOf(
                Combinators.combine(Arbitraries.of("", "+", "+49", "0", "00", "tel:", "tel:+", "sip:", "sip:+", "<sip:+",
                                "sips:%2B"), digits,
                        Arbitraries.of("", "@sip.provider.com;user=phone", ";ext=1", ";phone-context=+49", "@", ">", " x 12"))
                        .as((prefix, number, suffix) -> prefix + number + suffix),
                Arbitraries.strings().withChars("+0123456789 ()-./#;=:@%<>telsipx").ofMaxLength(70),
                Arbitraries.strings().all().ofMaxLength(70),
                Arbitraries.of("anonymous", "sip:anonymous@anonymous.invalid", "unknown", "restricted", "+", "tel:",
                        "sip:" + "9".repeat(300) + "@host", "0".repeat(250)));
    }

    private Map<String, Long> tenantRows() {
        return Fuzz.tenantRows(dataSource, company);
    }

    private Map<String, Long> companies() {
        try (Connection connection = dataSource.getConnection();
             ResultSet rows = connection.createStatement().executeQuery("select count(*) from companies")) {
            rows.next();
            return Map.of("companies", rows.getLong(1));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
