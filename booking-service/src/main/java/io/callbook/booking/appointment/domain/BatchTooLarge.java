package io.callbook.booking.appointment.domain;

/** A batch with more items than one request may book. */
public class BatchTooLarge extends AppointmentRefused {

    private final int size;
    private final int max;

    public BatchTooLarge(int size, int max) {
        super("Batch of " + size + " exceeds " + max);
        this.size = size;
        this.max = max;
    }

    public int size() {
        return size;
    }

    public int max() {
        return max;
    }
}
