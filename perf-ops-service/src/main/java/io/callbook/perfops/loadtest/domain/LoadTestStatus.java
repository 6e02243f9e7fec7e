package io.callbook.perfops.loadtest.domain;

/** A load test runs until its bench exits: with 0 it succeeded, with anything else (or no exit at all) it failed. */
public enum LoadTestStatus {
    RUNNING, SUCCEEDED, FAILED
}
