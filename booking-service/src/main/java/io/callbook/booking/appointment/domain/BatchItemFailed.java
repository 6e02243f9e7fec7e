package io.callbook.booking.appointment.domain;

/** One item of a batch failed where only the database could tell (e.g. its slot was taken); nothing was written. */
public class BatchItemFailed extends AppointmentRefused {

    private final int index;
    private final AppointmentRefused failure;

    public BatchItemFailed(int index, AppointmentRefused failure) {
        super("Item " + index + ": " + failure.getMessage());
        this.index = index;
        this.failure = failure;
    }

    public int index() {
        return index;
    }

    public AppointmentRefused failure() {
        return failure;
    }
}
