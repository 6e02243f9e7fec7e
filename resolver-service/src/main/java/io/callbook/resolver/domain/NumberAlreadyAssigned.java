package io.callbook.resolver.domain;

import java.util.UUID;

/** A number can be assigned to one branch at a time, across all companies. */
public final class NumberAlreadyAssigned extends DirectoryException {

    private NumberAlreadyAssigned(String message) {
        super(message);
    }

    /** Names the existing assignment only to the company that holds it. */
    static NumberAlreadyAssigned of(PhoneNumber existing, UUID companyId) {
        return new NumberAlreadyAssigned(existing.e164 + " is already assigned"
                + (existing.companyId.equals(companyId) ? " (phone number " + existing.id + ")" : " to another company"));
    }

    /** Another transaction assigned it between our check and our insert. */
    static NumberAlreadyAssigned concurrently(String e164) {
        return new NumberAlreadyAssigned(e164 + " was assigned by another request a moment ago");
    }
}
