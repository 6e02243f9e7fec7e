package io.callbook.loadtest.harness;

/** One measured process's usage, by the name the table gives it; {@code perOperation} as in {@link WatchedProcess}. */
public record NamedUsage(String name, ProcessUsage usage, boolean perOperation) {
}
