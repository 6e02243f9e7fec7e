package io.callbook.common.persistence;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.security.PermitAll;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Routes for StatementTimeoutTest: the statement limit a pooled connection has, and a statement that outlasts one. */
@Path("/test/slow-statement")
@PermitAll
public class SlowStatementTestResource {

    private final EntityManager entityManager;

    public SlowStatementTestResource(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @GET
    @Path("/limit")
    @Produces(MediaType.TEXT_PLAIN)
    public String limit() {
        return QuarkusTransaction.requiringNew().call(() -> String.valueOf(
                entityManager.createNativeQuery("select current_setting('statement_timeout')").getSingleResult()));
    }

    /**
     * Sleeps 10 s in PostgreSQL under a limit of 300 ms for this transaction alone: the configured limit (30 s) at a
     * scale a test can wait for.
     */
    @GET
    @Path("/sleep")
    @Produces(MediaType.TEXT_PLAIN)
    public String sleep() {
        return QuarkusTransaction.requiringNew().call(() -> {
            entityManager.createNativeQuery("select set_config('statement_timeout', '300ms', true)").getSingleResult();
            return String.valueOf(entityManager.createNativeQuery("select count(*) from (select pg_sleep(10)) slept")
                    .getSingleResult());
        });
    }
}
