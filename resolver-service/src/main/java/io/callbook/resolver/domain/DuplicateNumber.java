package io.callbook.resolver.domain;

/** One batch item names a number an earlier item names already. */
public final class DuplicateNumber extends DirectoryException {

    public DuplicateNumber(String e164, int earlierItem) {
        super(e164 + " is item " + earlierItem + " already");
    }
}
