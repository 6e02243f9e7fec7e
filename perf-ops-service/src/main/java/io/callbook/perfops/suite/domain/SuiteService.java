package io.callbook.perfops.suite.domain;

import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * A service of the suite as perf-ops sees it.
 *
 * @param name     short name: resolver, booking, webhook, perf-ops
 * @param replicas base URLs of its running replicas, one per address its configured URLs resolve to
 * @param database its database, if it has one
 */
public record SuiteService(String name, List<URI> replicas, Optional<ServiceDatabase> database) {
}
