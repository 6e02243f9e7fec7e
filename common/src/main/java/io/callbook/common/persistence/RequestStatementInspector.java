package io.callbook.common.persistence;

import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.resource.jdbc.spi.StatementInspector;

/**
 * Sees every statement Hibernate sends and counts its shape for the HTTP request that sent it (see
 * {@link RepeatedStatements}). It never changes a statement. Outside a request it does nothing but look up the
 * request, so the consumers and schedulers pay next to nothing.
 */
@PersistenceUnitExtension
@ApplicationScoped
public class RequestStatementInspector implements StatementInspector {

    private final SqlShapes shapes = new SqlShapes();

    @Override
    public String inspect(String sql) {
        RequestStatements statements = RequestStatements.current();
        if (statements != null) {
            statements.count(shapes.of(sql));
        }
        return sql;
    }
}
