package io.callbook.resolver.domain;

import java.util.Set;
import java.util.TreeSet;

/** A company API key asked for groups beyond those a company may hand out. */
public final class InvalidGroups extends DirectoryException {

    public InvalidGroups(Set<String> allowed, Set<String> requested) {
        super("A company API key may carry only " + new TreeSet<>(allowed) + ", got " + requested);
    }
}
