package io.callbook.webhook.retention.domain;

import io.smallrye.config.ConfigMapping;

/**
 * How long this service keeps personal data, per kind of data: the period for tenants that set none, and the range a
 * tenant may choose from (application.properties; reasons in docs/adr/0012-data-retention-and-audit-log.md).
 */
@ConfigMapping(prefix = "callbook.webhook.retention")
public interface RetentionConfig {

    /** Processed, ignored and dead provider webhooks with their raw bodies (which can hold call transcripts). */
    Limits inbox();

    /** The call log: numbers, times, summaries. */
    Limits callLog();

    /** Finished outbound deliveries to tenants' endpoints, with their payloads and attempts. */
    Limits deliveries();

    interface Limits {
        int defaultDays();

        int minDays();

        int maxDays();
    }
}
