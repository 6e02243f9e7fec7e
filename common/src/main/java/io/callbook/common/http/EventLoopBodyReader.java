package io.callbook.common.http;

import io.callbook.common.api.ProblemResponses;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;
import org.jboss.resteasy.reactive.server.spi.ServerHttpRequest;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;

/**
 * Reads a request's body into memory on the event loop as it arrives, before the request moves to a worker thread for
 * a blocking resource method; the method then reads it from memory.
 *
 * <p>Why: Quarkus REST has a blocking method read its body on the worker, through a stream that waits on the
 * connection's monitor for every chunk the event loop hands over (only non-blocking methods get the body read ahead).
 * In a JFR of webhook-service under the mix bench (250 concurrent calls, every request a signed POST), 28 % of the
 * service's CPU samples were its event loops handing chunks to those waiting workers, and the workers sat idle
 * meanwhile. Bodies here are small JSON documents, capped as {@link RequestSizeLimitFilter} caps them.
 */
public class EventLoopBodyReader {

    private final RequestSizeLimitFilter sizeLimit;

    public EventLoopBodyReader(RequestSizeLimitFilter sizeLimit) {
        this.sizeLimit = sizeLimit;
    }

    // After the rate limit, so a refused request is not read; nonBlocking, so it runs before the hop to a worker.
    @ServerRequestFilter(priority = Priorities.USER, nonBlocking = true)
    public Uni<Response> readAhead(ResteasyReactiveContainerRequestContext request, HttpServerRequest http) {
        if (!announcesBody(http) || !(request.getServerRequestContext() instanceof ResteasyReactiveRequestContext context)
                || context.hasInputStream()) {
            return null;
        }
        ServerHttpRequest input = context.serverRequest();
        if (input.isRequestEnded()) {
            // Nothing more will arrive: Quarkus REST reads whatever the request already holds, as it would without us.
            return null;
        }
        return Uni.createFrom().emitter(emitter -> {
            input.setReadListener(new Collector(request, input, http, emitter));
            input.resumeRequestInput();
        });
    }

    private static boolean announcesBody(HttpServerRequest http) {
        String length = http.getHeader(HttpHeaders.CONTENT_LENGTH);
        return length != null ? !"0".equals(length.trim()) : http.getHeader("Transfer-Encoding") != null;
    }

    /**
     * Called on the event loop, chunk by chunk; answers 413 for a body over the limit (chunked, so of no declared
     * length: a declared one is refused up front).
     */
    private final class Collector implements ServerHttpRequest.ReadCallback {

        private final ResteasyReactiveContainerRequestContext request;
        private final ServerHttpRequest input;
        private final HttpServerRequest http;
        private final UniEmitter<? super Response> emitter;
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private boolean finished;

        Collector(ResteasyReactiveContainerRequestContext request, ServerHttpRequest input, HttpServerRequest http,
                  UniEmitter<? super Response> emitter) {
            this.request = request;
            this.input = input;
            this.http = http;
            this.emitter = emitter;
        }

        @Override
        public void data(ByteBuffer chunk) {
            if (finished) {
                return;
            }
            if (bytes.size() + (long) chunk.remaining() > sizeLimit.maxBytes()) {
                finished = true;
                input.pauseRequestInput();
                http.response().putHeader("Connection", "close");
                emitter.complete(Response.fromResponse(ProblemResponses.of(
                        sizeLimit.tooLarge("more than " + sizeLimit.maxBytes()), http)).build());
                return;
            }
            byte[] copy = new byte[chunk.remaining()];
            chunk.get(copy);
            bytes.writeBytes(copy);
        }

        @Override
        public void done() {
            if (finished) {
                return;
            }
            finished = true;
            request.setEntityStream(new ByteArrayInputStream(bytes.toByteArray()));
            emitter.complete(null);
        }
    }
}
