package io.callbook.resolver.domain;

public final class InvalidTimeZone extends DirectoryException {

    public InvalidTimeZone(String timeZone) {
        super("'" + timeZone + "' is not an IANA time zone such as Europe/Berlin");
    }
}
