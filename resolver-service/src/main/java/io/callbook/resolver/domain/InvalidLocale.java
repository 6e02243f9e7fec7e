package io.callbook.resolver.domain;

public final class InvalidLocale extends DirectoryException {

    public InvalidLocale(String tag) {
        super("'" + tag + "' is not a BCP 47 language tag such as de-DE");
    }
}
