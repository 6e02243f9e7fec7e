package io.callbook.booking;

import io.callbook.common.contracts.directory.DirectoryEvents;
import io.callbook.testsupport.CloudEventRecords;
import io.callbook.testsupport.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import static org.awaitility.Awaitility.await;

/**
 * A fresh company set up on a running, packaged booking-service from outside, as in production: its branch arrives
 * as resolver-service's directory event over Kafka, its service, staff member and hours through the API.
 *
 * @param http a request to the service (base URI set), for the tests that start the service themselves
 */
public record PackagedSalon(Supplier<RequestSpecification> http, UUID company, UUID branch, String service,
                            String staff) {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    public static PackagedSalon create(Supplier<RequestSpecification> http, String kafkaBootstrapServers) {
        UUID company = UUID.randomUUID();
        UUID branch = UUID.randomUUID();
        announceBranch(kafkaBootstrapServers, company, branch);
        String admin = TestTokens.tenantAdmin(company);
        String service = http.get().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("name", "Haarschnitt", "durationMinutes", 30, "slotIntervalMinutes", 30))
                .post("/v1/companies/{c}/services", company).then().statusCode(201).extract().path("id");
        // The staff member's branch must have reached this service's replica of the directory first.
        String[] staff = new String[1];
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            var response = http.get().auth().oauth2(admin).contentType(ContentType.JSON)
                    .body(Map.of("branchId", branch, "name", "Anna Weber", "serviceIds", List.of(service)))
                    .post("/v1/companies/{c}/staff", company);
            staff[0] = response.statusCode() == 201 ? response.path("id") : null;
            return staff[0] != null;
        });
        List<Map<String, String>> everyDay = Arrays.stream(DayOfWeek.values())
                .map(day -> Map.of("day", day.name(), "start", "08:00", "end", "20:00")).toList();
        http.get().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("days", everyDay))
                .put("/v1/companies/{c}/staff/{s}/hours", company, staff[0]).then().statusCode(200);
        return new PackagedSalon(http, company, branch, service, staff[0]);
    }

    public String admin() {
        return TestTokens.tenantAdmin(company);
    }

    /** The wire form of a start {@code slot} half hours after 08:00 in Berlin, three days ahead. */
    public String start(int slot) {
        return LocalDate.now(BERLIN).plusDays(3).atTime(8, 0).plusMinutes(30L * slot).atZone(BERLIN)
                .toOffsetDateTime().toString();
    }

    /** An appointment request for that slot with Anna, for a caller of the given number. */
    public Map<String, Object> booking(int slot, String callerPhone) {
        return Map.of("branchId", branch.toString(), "serviceId", service, "staffId", staff, "start", start(slot),
                "customer", Map.of("phone", callerPhone, "name", "Erika Mustermann"));
    }

    private static void announceBranch(String kafkaBootstrapServers, UUID company, UUID branch) {
        String data = """
                {"id":"%s","companyId":"%s","name":"Berlin Mitte","timeZone":"Europe/Berlin","locale":"de-DE",\
                "phoneRegion":"DE","active":true}""".formatted(branch, company);
        ProducerRecord<String, String> record = CloudEventRecords.record(DirectoryEvents.TOPIC, branch.toString(),
                UUID.randomUUID().toString(), DirectoryEvents.BRANCH_UPSERTED, "/callbook/resolver", company, data);
        try (KafkaCompanion kafka = new KafkaCompanion(kafkaBootstrapServers)) {
            kafka.produceStrings().fromRecords(record).awaitCompletion();
        }
    }
}
