package io.callbook.booking.schedule.domain;

import io.callbook.booking.branch.domain.BranchDirectory;
import io.callbook.booking.branch.domain.SlotsChanged;
import io.callbook.booking.catalog.domain.StaffDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Holidays, sick days and absences. Appointments already booked in that time stay; the owner decides about them. */
@ApplicationScoped
public class TimeOffCalendar {

    private final BranchDirectory branches;
    private final StaffDirectory staff;
    private final Event<SlotsChanged> slotsChanged;

    public TimeOffCalendar(BranchDirectory branches, StaffDirectory staff, Event<SlotsChanged> slotsChanged) {
        this.branches = branches;
        this.staff = staff;
        this.slotsChanged = slotsChanged;
    }

    /** @param staffId null for the whole branch (e.g. a public holiday) */
    @Transactional
    public TimeOff create(UUID companyId, UUID branchId, UUID staffId, Instant startsAt, Instant endsAt, String reason) {
        branches.get(companyId, branchId);
        if (staffId != null && !staff.get(companyId, staffId).branchId.equals(branchId)) {
            throw new ScheduleRuleBroken("staff-not-in-branch", "Staff member not in branch",
                    "Staff member " + staffId + " does not work at branch " + branchId);
        }
        if (!startsAt.isBefore(endsAt)) {
            throw new ScheduleRuleBroken("invalid-range", "Invalid time range", "The end must be after the start");
        }
        TimeOff off = new TimeOff();
        off.companyId = companyId;
        off.branchId = branchId;
        off.staffId = staffId;
        off.startsAt = startsAt;
        off.endsAt = endsAt;
        off.reason = reason;
        off.persist();
        slotsChanged.fire(new SlotsChanged(companyId, branchId, startsAt, endsAt));
        return off;
    }

    /** Time off of the branch that overlaps [from, to), oldest first. */
    public List<TimeOff> list(UUID companyId, UUID branchId, Instant from, Instant to) {
        branches.get(companyId, branchId);
        return TimeOff.<TimeOff>find("companyId = ?1 and branchId = ?2 and startsAt < ?4 and endsAt > ?3 order by startsAt",
                companyId, branchId, from, to).list();
    }

    @Transactional
    public void delete(UUID companyId, UUID timeOffId) {
        TimeOff off = TimeOff.<TimeOff>find("id = ?1 and companyId = ?2", timeOffId, companyId).firstResultOptional()
                .orElseThrow(() -> new TimeOffNotFound(timeOffId));
        off.delete();
        slotsChanged.fire(new SlotsChanged(companyId, off.branchId, off.startsAt, off.endsAt));
    }
}
