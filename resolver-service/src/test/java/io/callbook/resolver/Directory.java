package io.callbook.resolver;

import io.callbook.testsupport.TestTokens;
import io.restassured.http.ContentType;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static io.restassured.RestAssured.given;

/** Creates directory data through the public API, as a platform admin. */
public final class Directory {

    private Directory() {
    }

    public static UUID company(String name) {
        return UUID.fromString(given().auth().oauth2(TestTokens.platformAdmin()).contentType(ContentType.JSON)
                .body(Map.of("name", name, "defaultRegion", "DE"))
                .post("/v1/companies").then().statusCode(201).extract().path("id"));
    }

    public static UUID branch(UUID company, String name) {
        return UUID.fromString(given().auth().oauth2(TestTokens.platformAdmin()).contentType(ContentType.JSON)
                .body(Map.of("name", name, "timeZone", "Europe/Berlin", "locale", "de-DE", "phoneRegion", "DE"))
                .post("/v1/companies/{company}/branches", company).then().statusCode(201).extract().path("id"));
    }

    public static UUID number(UUID company, UUID branch, String number) {
        return UUID.fromString(given().auth().oauth2(TestTokens.platformAdmin()).contentType(ContentType.JSON)
                .body(Map.of("number", number, "branchId", branch.toString(), "label", "test"))
                .post("/v1/companies/{company}/phone-numbers", company).then().statusCode(201).extract().path("id"));
    }

    /** A valid Berlin number nobody else in this test run uses. */
    public static String freshBerlinNumber() {
        return "+4930" + NEXT_NUMBER.getAndIncrement();
    }

    private static final AtomicInteger NEXT_NUMBER = new AtomicInteger(2_000_000 + (int) (System.nanoTime() % 5_000_000));
}
