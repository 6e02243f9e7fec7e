package io.callbook.perfops.dashboard.api;

import io.callbook.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.containsStringIgnoringCase;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Sign-in, session cookie and static files of the dashboard, over plain HTTP. */
@QuarkusTest
@TestProfile(DashboardTestProfile.class)
class DashboardPageTest {

    private static final String COOKIE = "callbook_ops";

    @Test
    void withoutSessionThePageIsTheLoginFormOnly() {
        given().redirects().follow(false).get("/")
                .then().statusCode(200)
                .contentType(containsString("text/html"))
                .header("Content-Security-Policy", containsString("script-src 'self'"))
                .body(containsString("id=\"login-form\""))
                .body(not(containsString("dashboard.js")))
                .body(not(containsString("id=\"charts\"")));
    }

    @Test
    void refusedTokensGetTheFormAgainWithTheReason() {
        UUID company = UUID.randomUUID();
        refused("not-a-token", "not valid here");
        refused("", "Paste a bearer token");
        refused(TestTokens.expired(company), "expired");
        refused(TestTokens.signedWithAnotherKey(company), "not valid here");
        refused(TestTokens.tenantAdmin(company), "tenant");
        refused(TestTokens.agent(company), "tenant");
    }

    @Test
    void anOpsTokenOpensTheDashboardThroughAnHttpOnlyStrictCookie() {
        String token = TestTokens.ops();
        Response login = given().redirects().follow(false).formParam("token", "Bearer " + token).post("/login");
        login.then().statusCode(303).header("Location", containsString("/"));
        String setCookie = login.getHeader("Set-Cookie");
        assertTrue(setCookie.startsWith(COOKIE + "=" + token + ";"), setCookie);
        assertTrue(setCookie.contains("HttpOnly"), setCookie);
        assertTrue(setCookie.contains("SameSite=Strict"), setCookie);
        assertTrue(setCookie.contains("Path=/"), setCookie);

        given().cookie(COOKIE, token).get("/")
                .then().statusCode(200)
                .body(allOf(containsString("id=\"charts\""), containsString("/webjars/uplot/1.6.30/dist/uPlot.iife.min.js"),
                        containsString("dashboard.js"), containsString("id=\"dry-run\"")))
                .body(not(containsString("login-form")));
    }

    @Test
    void platformAdminTokensAlsoSignIn() {
        given().redirects().follow(false).formParam("token", TestTokens.platformAdmin()).post("/login")
                .then().statusCode(303).header("Set-Cookie", containsString(COOKIE + "="));
    }

    @Test
    void theCookieAuthorisesOpsApiCallsAndBearerHeadersStillWork() {
        String token = TestTokens.ops();
        given().cookie(COOKIE, token).get("/test/dashboard/caller").then().statusCode(200);
        given().auth().oauth2(token).get("/test/dashboard/caller").then().statusCode(200);
        given().get("/test/dashboard/caller").then().statusCode(401);
        given().cookie(COOKIE, "garbage").get("/test/dashboard/caller").then().statusCode(401);
        given().cookie(COOKIE, TestTokens.tenantAdmin(UUID.randomUUID())).get("/test/dashboard/caller").then().statusCode(403);
    }

    @Test
    void anInvalidSessionCookieShowsTheFormAndIsCleared() {
        given().cookie(COOKIE, TestTokens.expired(UUID.randomUUID())).get("/")
                .then().statusCode(200)
                .body(containsString("login-form"))
                .body(containsString("expired"))
                .header("Set-Cookie", allOf(containsString(COOKIE + "=;"), containsString("Max-Age=0")));
    }

    @Test
    void logoutClearsTheCookie() {
        given().redirects().follow(false).cookie(COOKIE, TestTokens.ops()).post("/logout")
                .then().statusCode(303)
                .header("Set-Cookie", allOf(containsString(COOKIE + "=;"), containsString("Max-Age=0")));
    }

    @Test
    void chartLibraryAndScriptsAreServed() {
        given().get("/webjars/uplot/1.6.30/dist/uPlot.iife.min.js")
                .then().statusCode(200).body(containsString("uPlot"));
        given().get("/webjars/uplot/1.6.30/dist/uPlot.min.css").then().statusCode(200);
        given().get("/dashboard/dashboard.js")
                .then().statusCode(200).body(containsString("/v1/ops/metrics/stream"));
        given().get("/dashboard/dashboard.css").then().statusCode(200);
    }

    private static void refused(String token, String reason) {
        given().redirects().follow(false).formParam("token", token).post("/login")
                .then().statusCode(401)
                .header("Set-Cookie", nullValue())
                .body(containsString("login-form"))
                .body(containsStringIgnoringCase(reason));
    }
}
