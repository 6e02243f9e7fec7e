package io.callbook.booking;

import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.resource.jdbc.spi.StatementInspector;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Counts the SQL statements Hibernate prepares on the calling thread while {@link #count} runs, so a test can pin
 * how many queries a request costs, undisturbed by the outbox relay and consumers on other threads.
 */
@PersistenceUnitExtension
@ApplicationScoped
public class StatementCounter implements StatementInspector {

    private static final ThreadLocal<List<String>> STATEMENTS = new ThreadLocal<>();

    @Override
    public String inspect(String sql) {
        List<String> statements = STATEMENTS.get();
        if (statements != null) {
            statements.add(sql);
        }
        return sql;
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
}
