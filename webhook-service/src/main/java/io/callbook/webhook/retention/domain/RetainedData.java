package io.callbook.webhook.retention.domain;

/** The kinds of data a tenant sets a retention period for, with their column in retention_settings. */
public enum RetainedData {
    INBOX("inbox", "inbox_days"),
    CALL_LOG("callLog", "call_log_days"),
    DELIVERIES("deliveries", "deliveries_days");

    private final String key;
    private final String column;

    RetainedData(String key, String column) {
        this.key = key;
        this.column = column;
    }

    /** How the API and the audit log name it. */
    public String key() {
        return key;
    }

    /** The tenant's period in days in a query that joins retention_settings as {@code r}, else {@code :defaultDays}. */
    public String daysExpression() {
        return "coalesce(r." + column + ", :defaultDays)";
    }

    RetentionConfig.Limits limits(RetentionConfig config) {
        return switch (this) {
            case INBOX -> config.inbox();
            case CALL_LOG -> config.callLog();
            case DELIVERIES -> config.deliveries();
        };
    }

    String column() {
        return column;
    }
}
