package io.callbook.common.api;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

import java.util.List;
import java.util.Map;

/**
 * Documents the error answers every endpoint shares, so a resource method names only its own problems
 * ({@code @APIResponse(responseCode = "404", description = "...")}) and the API docs still list them all in one
 * shape: each 4xx/5xx answer gets the {@code application/problem+json} body, every operation the 429 of the rate
 * limiter (which counts every route), and every operation that takes input the 400 of its validation.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class ProblemDocumentation implements OASFilter {

    private static final String SCHEMA = "Problem";
    private static final String SCHEMA_REF = "#/components/schemas/" + SCHEMA;

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        openAPI.getComponents().addSchema(SCHEMA, problemSchema());
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().values().forEach(path -> path.getOperations().values().forEach(this::document));
    }

    private void document(Operation operation) {
        if (operation.getResponses() == null) {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        APIResponses responses = operation.getResponses();
        boolean takesInput = operation.getRequestBody() != null
                || (operation.getParameters() != null && !operation.getParameters().isEmpty());
        if (takesInput) {
            addIfMissing(responses, "400", "Invalid input: the `violations` member names each field and what is wrong");
        }
        addIfMissing(responses, "429", "Too many requests for this route; `Retry-After` says when to try again");
        for (Map.Entry<String, APIResponse> answer : responses.getAPIResponses().entrySet()) {
            if (isError(answer.getKey()) && answer.getValue().getRef() == null) {
                answer.getValue().setContent(problemContent());
            }
        }
    }

    private static void addIfMissing(APIResponses responses, String status, String description) {
        if (!responses.hasAPIResponse(status)) {
            responses.addAPIResponse(status, OASFactory.createAPIResponse().description(description));
        }
    }

    private static boolean isError(String status) {
        return status.startsWith("4") || status.startsWith("5");
    }

    private static Content problemContent() {
        return OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                OASFactory.createMediaType().schema(OASFactory.createSchema().ref(SCHEMA_REF)));
    }

    private static Schema problemSchema() {
        return OASFactory.createSchema()
                .type(List.of(Schema.SchemaType.OBJECT))
                .description("An RFC 9457 problem detail; extension members such as `violations` or `conflict` sit at "
                        + "the top level")
                .addProperty("type", string("A URI naming the kind of problem"))
                .addProperty("title", string("The kind of problem in a few words"))
                .addProperty("status", OASFactory.createSchema().type(List.of(Schema.SchemaType.INTEGER)))
                .addProperty("detail", string("What went wrong with this request"))
                .addProperty("instance", string("The request path"))
                .addProperty("requestId", string("The request's X-Request-Id, for support"))
                .additionalPropertiesBoolean(true);
    }

    private static Schema string(String description) {
        return OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)).description(description);
    }
}
