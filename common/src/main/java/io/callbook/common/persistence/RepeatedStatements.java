package io.callbook.common.persistence;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * N+1 detection per request, not per service: a statement shape that one request sends at least
 * {@code callbook.n-plus-one.threshold} times is counted in {@code callbook.db.repeated.statements} (tags
 * {@code route}, the route template such as {@code GET /v1/companies/{id}}, and {@code statement}, the shape cut to
 * 200 characters) once per such request, and logged as a WARN line with the route. The log line of a route and
 * statement is written at most once per {@code callbook.n-plus-one.log-interval}, with how many requests did it since
 * the last line: an N+1 on a hot route must not flood the log.
 */
@ApplicationScoped
public class RepeatedStatements {

    public static final String METER = "callbook.db.repeated.statements";
    static final int MAX_STATEMENT_TAG = 200;
    private static final Logger LOG = Logger.getLogger("callbook.n-plus-one");

    private final MeterRegistry registry;
    private final int threshold;
    private final long logIntervalMillis;
    private final Map<Counter, Occurrences> occurrences = new ConcurrentHashMap<>();

    public RepeatedStatements(MeterRegistry registry, NPlusOneConfig config) {
        this.registry = registry;
        this.threshold = config.threshold();
        this.logIntervalMillis = config.logInterval().toMillis();
    }

    /** Starts counting the statements of the request whose context is current; null outside a request. */
    public RequestStatements start() {
        return RequestStatements.start();
    }

    /**
     * Reports what a finished request repeated. The route is asked for only when there is something to report, so
     * a clean request builds no strings.
     */
    public void finish(RequestStatements statements, Supplier<String> route, String requestId) {
        if (statements == null) {
            return;
        }
        statements.stop();
        if (statements.highest() < threshold) {
            return;
        }
        String routeName = route.get();
        statements.forEachRepeated(threshold, (shape, count) -> report(routeName, shape, count, requestId));
    }

    private void report(String route, String shape, int count, String requestId) {
        String statement = shape.length() > MAX_STATEMENT_TAG ? shape.substring(0, MAX_STATEMENT_TAG) : shape;
        Counter counter = registry.counter(METER, "route", route, "statement", statement);
        counter.increment();
        Occurrences seen = occurrences.computeIfAbsent(counter, c -> new Occurrences());
        long sinceLastLine = seen.sinceLastLine.incrementAndGet();
        long now = System.currentTimeMillis();
        long lastLine = seen.lastLineAt.get();
        if (lastLine != 0 && now - lastLine < logIntervalMillis || !seen.lastLineAt.compareAndSet(lastLine, now)) {
            return;
        }
        seen.sinceLastLine.addAndGet(-sinceLastLine);
        LOG.warn(new JsonObject()
                .put("event", "repeated_statement")
                .put("route", route)
                .put("statement", shape)
                .put("count", count)
                .put("threshold", threshold)
                .put("requestsSinceLastLine", sinceLastLine)
                .put("requestId", requestId)
                .encode());
    }

    private static final class Occurrences {
        final AtomicLong lastLineAt = new AtomicLong();
        final AtomicLong sinceLastLine = new AtomicLong();
    }
}
