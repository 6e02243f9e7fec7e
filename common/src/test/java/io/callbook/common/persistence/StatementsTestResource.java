package io.callbook.common.persistence;

import io.callbook.common.outbox.OutboxEvent;
import jakarta.annotation.security.PermitAll;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.List;

/** Routes that read outbox rows the wrong way (one by one) and the right way (at once), for RepeatedStatementsTest. */
@Path("/test/statements")
@PermitAll
public class StatementsTestResource {

    private final EntityManager entityManager;

    public StatementsTestResource(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @GET
    @Path("/one-by-one/{count}")
    @Produces(MediaType.TEXT_PLAIN)
    public String oneByOne(@PathParam("count") int count) {
        List<Long> ids = entityManager.createQuery("select e.id from OutboxEvent e order by e.id desc", Long.class)
                .setMaxResults(count)
                .getResultList();
        int loaded = 0;
        for (Long id : ids) {
            loaded += entityManager.find(OutboxEvent.class, id) == null ? 0 : 1;
        }
        return String.valueOf(loaded);
    }

    @GET
    @Path("/at-once/{count}")
    @Produces(MediaType.TEXT_PLAIN)
    public String atOnce(@PathParam("count") int count) {
        return String.valueOf(entityManager.createQuery("from OutboxEvent e order by e.id desc", OutboxEvent.class)
                .setMaxResults(count)
                .getResultList()
                .size());
    }
}
