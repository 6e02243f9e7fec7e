package io.callbook.common.contracts.directory;

/** Topic and event types of the directory (resolver-service); data records beside this class. */
public final class DirectoryEvents {

    public static final String TOPIC = "callbook.directory.v1";

    public static final String COMPANY_UPSERTED = "io.callbook.directory.company.upserted";
    public static final String COMPANY_REMOVED = "io.callbook.directory.company.removed";
    public static final String BRANCH_UPSERTED = "io.callbook.directory.branch.upserted";
    public static final String BRANCH_REMOVED = "io.callbook.directory.branch.removed";
    public static final String PHONE_NUMBER_UPSERTED = "io.callbook.directory.phone-number.upserted";
    public static final String PHONE_NUMBER_REMOVED = "io.callbook.directory.phone-number.removed";

    private DirectoryEvents() {
    }
}
