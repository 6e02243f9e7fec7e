package io.callbook.resolver.domain;

public final class InvalidTimeZoneException extends DirectoryException {

    public InvalidTimeZoneException(String timeZone) {
        super("'" + timeZone + "' is not an IANA time zone such as Europe/Berlin");
    }
}
