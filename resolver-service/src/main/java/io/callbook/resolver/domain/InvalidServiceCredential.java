package io.callbook.resolver.domain;

/** A service presented no or a wrong exchange secret; one answer for both. */
public final class InvalidServiceCredential extends DirectoryException {

    public InvalidServiceCredential() {
        super("The service credential is missing or wrong");
    }
}
