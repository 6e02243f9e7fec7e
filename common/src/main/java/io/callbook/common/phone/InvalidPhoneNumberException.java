package io.callbook.common.phone;

import io.callbook.common.api.Problem;
import io.callbook.common.api.ProblemException;

/** A number that cannot be resolved or assigned; answered as 422 with a machine-readable reason. */
public class InvalidPhoneNumberException extends ProblemException {

    public InvalidPhoneNumberException(String reason, String detail) {
        super(Problem.of(422, "invalid-phone-number", "Invalid phone number", detail).with("reason", reason));
    }

    public String reason() {
        return (String) problem().extensions().get("reason");
    }
}
