package io.callbook.common.outbox;

import io.opentelemetry.api.trace.Span;
import jakarta.annotation.security.PermitAll;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.Map;

/** A request that changes something and records its event, as a service's resource does, for OutboxTracingTest. */
@Path("/test/traced-events")
@PermitAll
public class TracedEventsTestResource {

    static final String TOPIC = "callbook.common-test.traced.v1";

    private final Outbox outbox;

    public TracedEventsTestResource(Outbox outbox) {
        this.outbox = outbox;
    }

    /** @return the event's id and the trace id of this request's span, separated by a space */
    @POST
    @Path("/{aggregate}")
    @Produces(MediaType.TEXT_PLAIN)
    @Transactional
    public String write(@PathParam("aggregate") String aggregate) {
        String eventId = outbox.publish(TOPIC, "callbook.test.thing-changed.v1", aggregate, null, Map.of("name", aggregate))
                .toString();
        return eventId + " " + Span.current().getSpanContext().getTraceId();
    }
}
