package io.callbook.perfops.loadtest.domain;

/** An unknown bench, or an argument that is not a plain word; the detail says which. */
public class InvalidLoadTest extends RuntimeException {

    public InvalidLoadTest(String detail) {
        super(detail, null, false, false);
    }

    public String detail() {
        return getMessage();
    }
}
