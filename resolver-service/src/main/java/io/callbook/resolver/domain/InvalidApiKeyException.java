package io.callbook.resolver.domain;

/** An API key that is unknown, revoked or malformed; one answer for all three, so it reveals nothing. */
public final class InvalidApiKeyException extends DirectoryException {

    public InvalidApiKeyException() {
        super("The API key is unknown, revoked or malformed");
    }
}
