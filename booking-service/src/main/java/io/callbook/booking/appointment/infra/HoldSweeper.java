package io.callbook.booking.appointment.infra;

import io.callbook.booking.appointment.domain.HoldExpiry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.time.Instant;

/**
 * Expires holds nobody confirmed, so their slots show as free again and a hold-expired event goes out. Bookings
 * expire the holds in their own way anyway; this catches the rest.
 */
@ApplicationScoped
public class HoldSweeper {

    private static final Logger LOG = Logger.getLogger(HoldSweeper.class);
    /** Holds per transaction: short transactions, and a backlog is worked off in one run. */
    private static final int CHUNK = 500;

    private final HoldExpiry holds;
    private volatile boolean stopping;

    public HoldSweeper(HoldExpiry holds) {
        this.holds = holds;
    }

    @Scheduled(every = "${callbook.booking.hold-sweep-interval:30s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        int total = 0;
        int expired;
        do {
            if (stopping) {
                return;
            }
            expired = holds.expireDue(Instant.now(), CHUNK);
            total += expired;
        } while (expired == CHUNK);
        if (total > 0) {
            LOG.debugf("Expired %d overdue slot hold(s)", total);
        }
    }

    /** A sweep that starts while the database is being closed would only fail; the next start catches up. */
    void onShutdown(@Observes ShutdownEvent shutdown) {
        stopping = true;
    }
}
