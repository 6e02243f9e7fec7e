package io.callbook.webhook.inbound.domain;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;

import java.net.ConnectException;
import java.net.SocketTimeoutException;

/**
 * Tells a failure that says "a service we need is away" from one of the event itself. The first is retried without
 * using up an attempt, however long it lasts within the retry budget: a booking-service outage, or the open circuit
 * that stands for it, must not send the events that waited for it to the dead letters.
 */
final class Outages {

    private Outages() {
    }

    static boolean isOutage(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof CircuitBreakerOpenException || t instanceof TimeoutException
                    || t instanceof BulkheadException || t instanceof EarlierEventPending
                    // the REST client reached nobody, or got no whole answer
                    || t instanceof ProcessingException || t instanceof ConnectException
                    || t instanceof SocketTimeoutException) {
                return true;
            }
            if (t instanceof WebApplicationException answered) {
                int status = answered.getResponse() == null ? 0 : answered.getResponse().getStatus();
                return status >= 500 || status == 429;
            }
        }
        return false;
    }
}
