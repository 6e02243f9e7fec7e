package io.callbook.booking;

import io.callbook.booking.branch.domain.SlotsChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records what availability would hear: SlotsChanged of committed transactions only. */
@ApplicationScoped
public class SlotsChangedRecorder {

    private final List<SlotsChanged> seen = new CopyOnWriteArrayList<>();

    void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) SlotsChanged event) {
        seen.add(event);
    }

    /** The company's changes of particular times, as appointments make them (setting up a branch changes all of it). */
    public List<SlotsChanged> of(UUID companyId) {
        return seen.stream().filter(e -> e.companyId().equals(companyId) && !e.wholeBranch()).toList();
    }

    /** Every change of the company, whole branches included. */
    public List<SlotsChanged> all(UUID companyId) {
        return seen.stream().filter(e -> e.companyId().equals(companyId)).toList();
    }

    /** Forgets the company's changes so far, e.g. those of setting it up. */
    public void forget(UUID companyId) {
        seen.removeIf(e -> e.companyId().equals(companyId));
    }
}
