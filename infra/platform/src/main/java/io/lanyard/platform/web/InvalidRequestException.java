package io.lanyard.platform.web;

/** A request that is well-formed JSON but breaks a rule no annotation expresses (an end before its start, say). */
public class InvalidRequestException extends RuntimeException {

    private final String field;

    public InvalidRequestException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
