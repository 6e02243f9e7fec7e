package io.callbook.common.outbox;

/** Fired when a transaction wrote to the outbox; the relay wakes up once that transaction commits. */
public enum OutboxWritten {
    INSTANCE
}
