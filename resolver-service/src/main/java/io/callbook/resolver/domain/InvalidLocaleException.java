package io.callbook.resolver.domain;

public final class InvalidLocaleException extends DirectoryException {

    public InvalidLocaleException(String tag) {
        super("'" + tag + "' is not a BCP 47 language tag such as de-DE");
    }
}
