package io.callbook.common.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.callbook.common.Stubs;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import org.jboss.logging.MDC;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Errors raised outside the REST layer (unmatched routes, oversized bodies) look exactly like the others. */
class ProblemResponsesTest {

    @AfterEach
    void unbindRequestId() {
        MDC.remove("requestId");
    }

    @Test
    void aProblemWrittenStraightToVertxHasTheSameShape() throws Exception {
        RequestId.bind("req-42");
        Map<String, String> headers = new HashMap<>();
        int[] status = {0};
        String[] body = {null};
        HttpServerResponse[] response = new HttpServerResponse[1];
        response[0] = Stubs.of(HttpServerResponse.class, Map.of(
                "setStatusCode", args -> {
                    status[0] = (int) args[0];
                    return response[0];
                },
                "putHeader", args -> {
                    headers.put(args[0].toString(), args[1].toString());
                    return response[0];
                },
                "end", args -> {
                    body[0] = (String) args[0];
                    return null;
                }));
        HttpServerRequest request = Stubs.of(HttpServerRequest.class, Map.of("path", args -> "/nowhere"));
        RoutingContext context = Stubs.of(RoutingContext.class, Map.of(
                "request", args -> request,
                "response", args -> response[0]));

        ProblemResponses.send(context, Problem.of(404, "not-found", "Not found", "No resource at /nowhere"),
                new ObjectMapper());

        assertEquals(404, status[0]);
        assertEquals(Problem.MEDIA_TYPE, headers.get("Content-Type"));
        JsonNode problem = new ObjectMapper().readTree(body[0]);
        assertEquals("https://callbook.io/problems/not-found", problem.get("type").asText());
        assertEquals(404, problem.get("status").asInt());
        assertEquals("/nowhere", problem.get("instance").asText());
        assertEquals("req-42", problem.get("requestId").asText());
    }

    @Test
    void extensionMembersSitAtTheTopLevel() throws Exception {
        Problem problem = Problem.of(409, "conflict", "Conflict", "Taken").with("index", 3);

        JsonNode json = new ObjectMapper().readTree(new ObjectMapper().writeValueAsString(problem));

        assertEquals(3, json.get("index").asInt());
        assertEquals(null, json.get("extensions"));
        assertEquals(null, json.get("instance"), "absent members are left out");
    }
}
