package io.callbook.booking;

import io.callbook.common.persistence.StatementObserver;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Counts the SQL statements Hibernate prepares on the calling thread while {@link #count} runs, so a test can pin
 * how many queries a request costs, undisturbed by the outbox relay and consumers on other threads.
 */
@ApplicationScoped
public class StatementCounter implements StatementObserver {

    private static final ThreadLocal<List<String>> STATEMENTS = new ThreadLocal<>();

    @Override
    public void observe(String sql) {
        List<String> statements = STATEMENTS.get();
        if (statements != null) {
            statements.add(sql);
        }
    }

    public record Counted<T>(T result, List<String> statements) {
    }

    public static <T> Counted<T> count(Supplier<T> work) {
        List<String> statements = new ArrayList<>();
        STATEMENTS.set(statements);
        try {
            return new Counted<>(work.get(), statements);
        } finally {
            STATEMENTS.remove();
        }
    }

    /** Runs like an HTTP request: in a request context (and so a persistence context) of its own. */
    public static <T> T inRequest(Supplier<T> work) {
        ManagedContext context = Arc.container().requestContext();
        context.activate();
        try {
            return work.get();
        } finally {
            context.terminate();
        }
    }
}
