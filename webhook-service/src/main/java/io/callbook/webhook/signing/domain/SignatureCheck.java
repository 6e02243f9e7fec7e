package io.callbook.webhook.signing.domain;

/** The outcome of checking a webhook's signature; a failure says why, for the 401 answer and the log. */
public record SignatureCheck(boolean valid, String failure) {

    public static final SignatureCheck VALID = new SignatureCheck(true, null);

    public static SignatureCheck invalid(String failure) {
        return new SignatureCheck(false, failure);
    }
}
