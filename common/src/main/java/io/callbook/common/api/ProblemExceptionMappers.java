package io.callbook.common.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.HttpServerRequest;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Every exception a request can end in becomes an RFC 9457 problem; nothing leaks a stack trace. */
public class ProblemExceptionMappers {

    private static final Logger LOG = Logger.getLogger(ProblemExceptionMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e, HttpServerRequest request) {
        return ProblemResponses.of(e.problem(), request);
    }

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e, HttpServerRequest request) {
        List<Map<String, String>> violations = e.getConstraintViolations().stream()
                .sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
                .map(v -> Map.of("field", field(v), "message", v.getMessage()))
                .toList();
        return ProblemResponses.of(Problem.validation(violations), request);
    }

    @ServerExceptionMapper
    public Response invalidQueryParameter(QueryParameterConverters.InvalidQueryParameter e, HttpServerRequest request) {
        return ProblemResponses.of(e.problem(), request);
    }

    // Listed one by one: Quarkus has built-in mappers for the subclasses, which would answer plain JSON.
    @ServerExceptionMapper({JsonProcessingException.class, MismatchedInputException.class, InvalidFormatException.class})
    public Response malformedJson(Exception e, HttpServerRequest request) {
        String detail = e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()
                ? "Invalid value at '" + mapping.getPathReference().replaceAll("^.*\\[\"|\"]$", "") + "': "
                  + mapping.getOriginalMessage().split("\n")[0]
                : "The request body is not valid JSON";
        return ProblemResponses.of(Problem.of(400, "malformed-body", "Malformed request body", detail), request);
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthenticated(Exception e, HttpServerRequest request) {
        Response response = ProblemResponses.of(Problem.of(401, "unauthenticated", "Unauthenticated",
                "A valid bearer token is required"), request);
        return Response.fromResponse(response).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, HttpServerRequest request) {
        return ProblemResponses.of(Problem.of(403, "forbidden", "Forbidden",
                "Your role does not allow this operation"), request);
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, HttpServerRequest request) {
        // The JSON reader reports unreadable bodies as a bare 400 with the parser's exception as cause.
        if (e.getCause() instanceof JsonProcessingException unreadable) {
            return malformedJson(unreadable, request);
        }
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            LOG.errorf(e, "Request %s failed", request.path());
        }
        Response.Status known = Response.Status.fromStatusCode(status);
        String title = known == null ? "HTTP " + status : known.getReasonPhrase();
        String detail = status == 404 ? "No resource at " + request.path() : e.getMessage();
        Response response = ProblemResponses.of(Problem.of(status, slug(title), title, detail), request);
        Response.ResponseBuilder builder = Response.fromResponse(response);
        e.getResponse().getHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase(HttpHeaders.CONTENT_TYPE)) {
                values.forEach(value -> builder.header(name, value));
            }
        });
        return builder.build();
    }

    /** A bulkhead is full: shed the request at once, rather than queue until memory runs out. */
    @ServerExceptionMapper
    public Response overloaded(BulkheadException e, HttpServerRequest request) {
        Response response = ProblemResponses.of(Problem.of(503, "overloaded", "Service overloaded",
                "Too many requests of this kind are being worked on right now; retry in a moment"), request);
        return Response.fromResponse(response).header(HttpHeaders.RETRY_AFTER, 1).build();
    }

    @ServerExceptionMapper(priority = 10_000)
    public Response unexpected(Throwable e, HttpServerRequest request) {
        if (isConcurrentChange(e)) {
            return ProblemResponses.of(Problem.of(409, "conflict", "Conflict",
                    "Another request changed or created the same thing at the same time; read it again and retry"), request);
        }
        if (isDatabaseTimeout(e)) {
            LOG.warnf("Database did not answer in time on %s %s: %s", request.method(), request.path(), e.toString());
            Response response = ProblemResponses.of(Problem.of(503, "database-timeout", "Database unavailable",
                    "The database did not answer in time; retry in a moment"), request);
            return Response.fromResponse(response).header(HttpHeaders.RETRY_AFTER, 1).build();
        }
        String invalid = invalidValue(e);
        if (invalid != null) {
            LOG.warnf("Refused a value the database cannot store on %s %s: %s", request.method(), request.path(),
                    invalid);
            return ProblemResponses.of(Problem.of(400, "invalid-value", "Invalid value",
                    "A text, number or date in the request cannot be stored, e.g. a NUL character or a date out of range"),
                    request);
        }
        LOG.errorf(e, "Unexpected error on %s %s", request.method(), request.path());
        return ProblemResponses.of(Problem.of(500, "internal", "Internal error",
                "Something went wrong on our side; quote the request id when you report it"), request);
    }

    /** Commit-time failures arrive wrapped (rollback, undeclared throwable); the cause says what happened. */
    private static boolean isConcurrentChange(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof jakarta.persistence.OptimisticLockException
                    || t instanceof org.hibernate.StaleStateException
                    || t instanceof org.hibernate.exception.ConstraintViolationException) {
                return true;
            }
        }
        return false;
    }

    /**
     * SQL state class 22 (data exception: a NUL in text, a timestamp or number out of range, text too long) comes from
     * a value the request carried that no validation caught; the transaction is rolled back, so nothing is written. A
     * date hundreds of millions of years out does not even reach the database: JDBC's {@code Timestamp.from} overflows
     * while the statement is built.
     */
    private static String invalidValue(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("22")) {
                return sql.getSQLState() + " " + String.valueOf(sql.getMessage()).lines().findFirst().orElse("");
            }
            if (t instanceof ArithmeticException && Arrays.stream(t.getStackTrace()).limit(4)
                    .anyMatch(frame -> frame.getClassName().equals("java.sql.Timestamp"))) {
                return "a date-time JDBC cannot convert (" + t.getMessage() + ")";
            }
        }
        return null;
    }

    /**
     * A statement or lock wait cancelled by its time-out (SQLSTATE 57014, 55P03), a connection lost or not to be had
     * (class 08, the socket time-out, the pool's acquisition time-out): the database is slow or away, which a retry
     * may outlast, rather than a fault of the request or a bug.
     */
    private static boolean isDatabaseTimeout(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.sql.SQLException sql) {
                String state = sql.getSQLState() == null ? "" : sql.getSQLState();
                if (state.equals("57014") || state.equals("55P03") || state.startsWith("08")
                        || String.valueOf(sql.getMessage()).toLowerCase(Locale.ROOT).contains("acquisition timeout")) {
                    return true;
                }
            }
            if (t instanceof java.net.SocketTimeoutException) {
                return true;
            }
        }
        return false;
    }

    private static String field(ConstraintViolation<?> violation) {
        // Method-parameter paths look like "create.request.name"; the client knows only "name".
        String path = violation.getPropertyPath().toString();
        String[] parts = path.split("\\.");
        return parts.length > 2 ? String.join(".", java.util.Arrays.copyOfRange(parts, 2, parts.length)) : parts[parts.length - 1];
    }

    private static String slug(String title) {
        return title.toLowerCase().replaceAll("[^a-z0-9]+", "-");
    }
}
