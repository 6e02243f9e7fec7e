package io.callbook.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The API docs a tenant's developer reads: every operation a service serves has a summary and lists its error
 * answers as problem+json. Each service's test hands its {@code /q/openapi?format=json} here.
 */
public final class ApiDocumentation {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");
    private static final String PROBLEM = "application/problem+json";

    private ApiDocumentation() {
    }

    /** Fails with every gap at once, so one run shows all the operations still to document. */
    public static void assertComplete(String openApiJson) {
        JsonNode document;
        try {
            document = new ObjectMapper().readTree(openApiJson);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> gaps = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                if (!METHODS.contains(operation.getKey())) {
                    continue;
                }
                String name = operation.getKey().toUpperCase() + " " + path.getKey();
                if (operation.getValue().path("summary").asText("").isBlank()) {
                    gaps.add(name + ": no summary");
                }
                for (Map.Entry<String, JsonNode> response : operation.getValue().path("responses").properties()) {
                    boolean error = response.getKey().startsWith("4") || response.getKey().startsWith("5");
                    if (error && response.getValue().path("content").path(PROBLEM).isMissingNode()) {
                        gaps.add(name + ": " + response.getKey() + " is not documented as " + PROBLEM);
                    }
                }
            }
        }
        if (!gaps.isEmpty()) {
            throw new AssertionError(gaps.size() + " gaps in the API docs:\n  " + String.join("\n  ", gaps));
        }
    }
}
