package io.callbook.webhook.voice.api;

import io.callbook.common.api.Problem;
import io.callbook.common.api.ProblemResponses;
import io.callbook.webhook.voice.domain.UnknownVoiceFunction;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The voice functions' one refusal as a problem: every other answer is a sentence for the agent. */
public class VoiceExceptionMappers {

    @ServerExceptionMapper
    public Response unknownFunction(UnknownVoiceFunction e, HttpServerRequest request) {
        return ProblemResponses.of(Problem.of(404, "not-found", "Not found", e.getMessage()), request);
    }
}
