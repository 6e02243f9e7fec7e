package io.callbook.common.http;

import io.callbook.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * A log line written while serving a request carries the request's id and the tenant it acts for (MDC fields, which
 * the JSON log of a packaged service writes on every line); a request without a tenant carries none.
 */
@QuarkusTest
class RequestLogContextTest {

    /** requestId and tenant as each line had them when it was written. */
    private record Line(String message, String requestId, String tenant) {
    }

    private final List<Line> lines = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            ExtLogRecord line = (ExtLogRecord) record;
            lines.add(new Line(line.getMessage(), line.getMdc("requestId"), line.getMdc("tenant")));
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void captureLines() {
        Logger.getLogger(LogContextTestResource.LOGGER).addHandler(capture);
    }

    @AfterEach
    void stopCapture() {
        Logger.getLogger(LogContextTestResource.LOGGER).removeHandler(capture);
    }

    @Test
    void aLineWrittenForAnAuthenticatedCallerNamesItsRequestAndTenant() {
        UUID company = UUID.randomUUID();

        given().auth().oauth2(TestTokens.agent(company)).header("X-Request-Id", "log-context-1")
                .get("/test/log-context/agent").then().statusCode(200);

        assertEquals(List.of(new Line("serving an agent", "log-context-1", company.toString())), lines);
    }

    @Test
    void theTenantEndsWithItsRequest() {
        given().auth().oauth2(TestTokens.agent(UUID.randomUUID())).get("/test/log-context/agent").then().statusCode(200);
        lines.clear();

        given().header("X-Request-Id", "log-context-2").get("/test/log-context/anyone").then().statusCode(200);

        assertEquals(1, lines.size(), lines.toString());
        assertEquals("log-context-2", lines.get(0).requestId());
        assertNull(lines.get(0).tenant(), lines.toString());
    }
}
