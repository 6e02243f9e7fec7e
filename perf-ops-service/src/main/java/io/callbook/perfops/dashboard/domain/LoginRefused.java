package io.callbook.perfops.dashboard.domain;

/**
 * A token that does not open the dashboard. The message is written for the ops staff who pasted it and names the
 * reason, never the token.
 */
public final class LoginRefused extends RuntimeException {

    /** Why a token was refused; the login form shows the matching text. */
    public enum Reason {
        MISSING("Paste a bearer token to sign in."),
        INVALID("This token is not valid here: its signature or issuer does not match, or it is malformed."),
        EXPIRED("This token has expired. Print a fresh one (./callbook token admin) and sign in again."),
        NOT_OPS("This token does not carry the ops or platform-admin group; the dashboard is for operations staff only."),
        TENANT("This is a tenant's token. The dashboard shows the whole suite and needs a platform ops token.");

        private final String text;

        Reason(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }
    }

    private final Reason reason;

    public LoginRefused(Reason reason) {
        // No stack trace: a refused login is an answer to the user, not a fault to debug.
        super(reason.text(), null, false, false);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
