package io.callbook.common.persistence;

import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.hibernate.resource.jdbc.spi.StatementInspector;

import java.util.List;

/**
 * Sees every statement Hibernate sends and counts its shape for the HTTP request that sent it (see
 * {@link RepeatedStatements}). It never changes a statement. Outside a request it does nothing but look up the
 * request, so the consumers and schedulers pay next to nothing. Hibernate takes one inspector per persistence unit;
 * others see the statements as {@link StatementObserver} beans.
 */
@PersistenceUnitExtension
@ApplicationScoped
public class RequestStatementInspector implements StatementInspector {

    private final SqlShapes shapes = new SqlShapes();
    private final List<StatementObserver> observers;

    @Inject
    public RequestStatementInspector(Instance<StatementObserver> observers) {
        this(observers.stream().toList());
    }

    RequestStatementInspector(List<StatementObserver> observers) {
        this.observers = List.copyOf(observers);
    }

    @Override
    public String inspect(String sql) {
        for (StatementObserver observer : observers) {
            observer.observe(sql);
        }
        RequestStatements statements = RequestStatements.current();
        if (statements != null && isQuery(sql)) {
            statements.count(shapes.of(sql));
        }
        return sql;
    }

    /**
     * Only reads are counted: Hibernate batches the inserts and updates of one flush into a few round trips (statement
     * batch size 50), so a repeated INSERT shape is one batch, not N+1 (the first real analysis flagged a batch
     * import's outbox rows this way).
     */
    static boolean isQuery(String sql) {
        int i = 0;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (Character.isWhitespace(c) || c == '(') {
                i++;
            } else if (sql.startsWith("/*", i)) {
                int end = sql.indexOf("*/", i + 2);
                i = end < 0 ? sql.length() : end + 2;
            } else {
                break;
            }
        }
        return sql.regionMatches(true, i, "select", 0, 6) || sql.regionMatches(true, i, "with", 0, 4);
    }
}
