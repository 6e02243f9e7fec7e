package io.callbook.common.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.callbook.common.Stubs;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.jboss.logging.MDC;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every way a request can fail ends as one problem shape, located at the request and carrying its id. */
class ProblemExceptionMappersTest {

    private final ProblemExceptionMappers mappers = new ProblemExceptionMappers();
    private final HttpServerRequest request = Stubs.of(HttpServerRequest.class, Map.of(
            "path", args -> "/v1/things/42",
            "method", args -> HttpMethod.POST));

    record Thing(@NotBlank String name, @Size(max = 2) String code) {
    }

    @BeforeEach
    void bindRequestId() {
        RequestId.bind("req-4711");
    }

    @AfterEach
    void unbindRequestId() {
        MDC.remove("requestId");
    }

    @Test
    void aProblemExceptionAnswersWithItsOwnProblemLocatedAtTheRequest() {
        Response response = mappers.problem(ProblemException.notFound("Thing 42"), request);

        Problem problem = problem(response, 404);
        assertEquals("https://callbook.io/problems/not-found", problem.type().toString());
        assertEquals("Not found", problem.title());
        assertEquals("Thing 42 not found", problem.detail());
        assertEquals("/v1/things/42", problem.instance());
        assertEquals("req-4711", problem.requestId());
    }

    @Test
    void violationsNameEachFieldWithoutTheMethodPath() {
        Validator validator = Validation.byDefaultProvider().configure()
                .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory().getValidator();
        var violations = validator.validate(new Thing(" ", "abc"));

        Problem problem = problem(mappers.validation(new ConstraintViolationException(violations), request), 400);

        assertEquals("https://callbook.io/problems/validation", problem.type().toString());
        @SuppressWarnings("unchecked")
        List<Map<String, String>> listed = (List<Map<String, String>>) problem.extensions().get("violations");
        assertEquals(List.of("code", "name"), listed.stream().map(v -> v.get("field")).toList(), "sorted by field");
        assertTrue(problem.detail().startsWith("code: "), problem.detail());
    }

    @Test
    void aBodyThatIsNotJsonIsAMalformedBody() {
        Problem problem = problem(mappers.malformedJson(new com.fasterxml.jackson.core.JsonParseException(null, "x"),
                request), 400);

        assertEquals("https://callbook.io/problems/malformed-body", problem.type().toString());
        assertEquals("The request body is not valid JSON", problem.detail());
    }

    @Test
    void aValueOfTheWrongTypeIsNamedByItsField() throws Exception {
        MismatchedInputException wrongType;
        try {
            new ObjectMapper().readValue("{\"count\": \"many\"}", Counted.class);
            throw new AssertionError("Jackson accepted a string as an int");
        } catch (MismatchedInputException e) {
            wrongType = e;
        }

        Problem problem = problem(mappers.malformedJson(wrongType, request), 400);

        assertTrue(problem.detail().startsWith("Invalid value at 'count': "), problem.detail());
    }

    record Counted(int count) {
    }

    @Test
    void anUnauthenticatedCallerIsToldToBringABearerToken() {
        Response response = mappers.unauthenticated(new UnauthorizedException(), request);

        assertEquals("https://callbook.io/problems/unauthenticated", problem(response, 401).type().toString());
        assertEquals("Bearer", response.getHeaderString("WWW-Authenticate"));
    }

    @Test
    void aForbiddenCallIsAProblemToo() {
        assertEquals("https://callbook.io/problems/forbidden",
                problem(mappers.forbidden(new ForbiddenException(), request), 403).type().toString());
    }

    @Test
    void aPlainJaxRsErrorKeepsItsStatusAndHeaders() {
        Response original = Response.status(405).header("Allow", "GET").build();

        Response response = mappers.webApplication(new WebApplicationException("Use GET", original), request);

        Problem problem = problem(response, 405);
        assertEquals("https://callbook.io/problems/method-not-allowed", problem.type().toString());
        assertEquals("GET", response.getHeaderString("Allow"));
    }

    @Test
    void aFullBulkheadShedsTheRequestWithRetryAfter() {
        Response response = mappers.overloaded(new BulkheadException("full"), request);

        assertEquals("https://callbook.io/problems/overloaded", problem(response, 503).type().toString());
        assertEquals("1", response.getHeaderString("Retry-After"));
    }

    @Test
    void aConcurrentChangeFoundAtCommitIsAConflict() {
        RuntimeException atCommit = new RuntimeException("rollback",
                new jakarta.persistence.OptimisticLockException("row was updated"));

        assertEquals("https://callbook.io/problems/conflict", problem(mappers.unexpected(atCommit, request), 409).type().toString());
    }

    @Test
    void aValueTheDatabaseCannotStoreIsAnInvalidValueThatRevealsNothing() {
        RuntimeException atCommit = new RuntimeException("rollback", new RuntimeException("could not execute statement",
                new java.sql.SQLException("ERROR: invalid byte sequence for encoding \"UTF8\": 0x00 in customers", "22021")));

        Problem problem = problem(mappers.unexpected(atCommit, request), 400);

        assertEquals("https://callbook.io/problems/invalid-value", problem.type().toString());
        assertFalse(problem.detail().contains("customers"), problem.detail());
        assertEquals(500, mappers.unexpected(new RuntimeException(new java.sql.SQLException("deadlock", "40P01")), request)
                .getStatus(), "only data exceptions (class 22) are the request's fault");
    }

    @Test
    void aDateTooFarOutForJdbcIsAnInvalidValue() {
        RuntimeException atCommit;
        try {
            java.sql.Timestamp.from(java.time.OffsetDateTime.parse("+999999999-12-31T23:59:59.999999999-18:00")
                    .toInstant());
            throw new AssertionError("Timestamp.from took a date beyond its range");
        } catch (IllegalArgumentException overflow) {
            // As the transaction's commit wraps it when Hibernate binds the value.
            atCommit = new RuntimeException("rollback", overflow);
        }

        assertEquals("https://callbook.io/problems/invalid-value",
                problem(mappers.unexpected(atCommit, request), 400).type().toString());
        assertEquals(500, mappers.unexpected(new ArithmeticException("/ by zero"), request).getStatus(),
                "other arithmetic failures are ours");
    }

    @Test
    void noConnectionFromThePoolInTimeIsA503WithRetryAfter() {
        // As Hibernate wraps Agroal's failure when PostgreSQL is frozen and every pooled connection hangs.
        RuntimeException noConnection = new RuntimeException(
                "Unable to acquire JDBC Connection [Acquisition timeout while waiting for new connection]",
                new java.sql.SQLException("Acquisition timeout while waiting for new connection"));

        Response response = mappers.unexpected(noConnection, request);

        assertEquals("https://callbook.io/problems/database-timeout", problem(response, 503).type().toString());
        assertEquals("1", response.getHeaderString("Retry-After"));
    }

    @Test
    void anythingElseIsAnInternalErrorThatRevealsNothing() {
        Problem problem = problem(mappers.unexpected(new IllegalStateException("secret table name"), request), 500);

        assertEquals("https://callbook.io/problems/internal", problem.type().toString());
        assertFalse(problem.detail().contains("secret"), problem.detail());
        assertEquals("req-4711", problem.requestId());
    }

    private static Problem problem(Response response, int status) {
        assertEquals(status, response.getStatus());
        assertEquals(Problem.MEDIA_TYPE, response.getMediaType().toString());
        return (Problem) response.getEntity();
    }
}
