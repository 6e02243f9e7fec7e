package io.callbook.loadtest.resolve;

/** A phone number the load test assigned, in both ways callers send it, and the company it must resolve to. */
public record SeededNumber(String e164, String national, String companyId) {
}
