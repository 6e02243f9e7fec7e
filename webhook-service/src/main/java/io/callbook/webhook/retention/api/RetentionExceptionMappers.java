package io.callbook.webhook.retention.api;

import io.callbook.common.api.Problem;
import io.callbook.common.api.ProblemResponses;
import io.callbook.webhook.retention.domain.RetentionOutOfRange;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.List;
import java.util.Map;

public class RetentionExceptionMappers {

    @ServerExceptionMapper
    public Response outOfRange(RetentionOutOfRange e, HttpServerRequest request) {
        List<Map<String, String>> violations = e.violations().entrySet().stream()
                .map(v -> Map.of("field", v.getKey(), "message", v.getValue()))
                .toList();
        return ProblemResponses.of(Problem.of(422, "retention-out-of-range", "Retention period out of range",
                e.getMessage()).with("violations", violations), request);
    }
}
