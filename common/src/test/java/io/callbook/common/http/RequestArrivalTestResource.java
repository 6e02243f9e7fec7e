package io.callbook.common.http;

import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/** A blocking route that tells what it sees of its request's arrival, for RequestArrivalTest. */
@Path("/test/arrival")
@PermitAll
public class RequestArrivalTestResource {

    static final long DELAY_MILLIS = 50;

    /** Waits a little, then answers the request's age in milliseconds, or "none" when it has no arrival. */
    @GET
    @Blocking
    public String age() throws InterruptedException {
        if (RequestArrival.nanoTime().isEmpty()) {
            return "none";
        }
        Thread.sleep(DELAY_MILLIS);
        return Long.toString(RequestArrival.age().toMillis());
    }
}
