package io.callbook.perfops.cache.domain;

/** The ops command could not be handed to Kafka; no replica was asked. */
public class CommandNotSent extends RuntimeException {

    public CommandNotSent(String message, Throwable cause) {
        super(message, cause);
    }
}
