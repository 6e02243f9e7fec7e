package io.callbook.perfops.suite.domain;

import java.util.List;

/** Reads the Prometheus endpoint of every replica of the suite. */
public interface ReplicaMetrics {

    /** Scrapes every replica of every service, in parallel; a replica that does not answer gives a scrape with its error. */
    List<ReplicaScrape> scrapeAll();
}
