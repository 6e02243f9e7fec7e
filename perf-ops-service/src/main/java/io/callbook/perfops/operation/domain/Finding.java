package io.callbook.perfops.operation.domain;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * One piece of advice.
 *
 * @param key     stable across runs for the same advice (e.g. "index:booking:appointment(branch_id,starts_at)"), so a
 *                run can tell new advice from advice already given
 * @param service the service it concerns
 * @param kind    e.g. missing-index, slow-query, n-plus-one, sequential-scan, unused-index, duplicate-index
 * @param text    what was found, in a sentence
 * @param action  what to do, e.g. the exact CREATE INDEX CONCURRENTLY statement; null when there is nothing to run
 */
@RegisterForReflection // a JSON column and stored summaries, read and written by Jackson
public record Finding(String key, String service, String kind, String text, String action) {
}
