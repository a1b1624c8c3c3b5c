package io.lanyard.platform.web;

public class NotFoundException extends RuntimeException {

    public NotFoundException(String what, Object id) {
        super("no " + what + " " + id);
    }
}
