package io.callbook.webhook.live.domain;

import java.util.UUID;

/**
 * Which companies someone follows live, on any replica. Activity of a company nobody follows is not sent: it would
 * cost a Kafka record and every replica's read of it, for no one to see.
 */
public interface WatchedCompanies {

    /** True when a replica has a stream of the company open, and when that cannot be known (then all is sent). */
    boolean watched(UUID companyId);
}
