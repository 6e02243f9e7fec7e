package io.callbook.resolver.domain;

/** An API key that is unknown, revoked or malformed; one answer for all three, so it reveals nothing. */
public final class InvalidApiKey extends DirectoryException {

    public InvalidApiKey() {
        super("The API key is unknown, revoked or malformed");
    }
}
