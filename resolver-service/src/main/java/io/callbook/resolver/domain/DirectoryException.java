package io.callbook.resolver.domain;

/**
 * A directory rule a request broke. The domain says what went wrong; the api decides how a client sees it, so each
 * kind maps to one problem there.
 */
public abstract sealed class DirectoryException extends RuntimeException
        permits RecordNotFound, InvalidApiKey, InvalidGroups, InvalidTimeZone,
        InvalidLocale, BranchInUse, NumberAlreadyAssigned, DuplicateNumber,
        InvalidBatch, BatchConflict, CompanyUnavailable, InvalidServiceCredential {

    protected DirectoryException(String message) {
        // No stack trace: these are answers to clients, not faults to debug.
        super(message, null, false, false);
    }
}
