package io.oms.console.web;

import jakarta.ws.rs.ProcessingException;

/** A service that did not answer, in words. */
public final class Unreachable {

    private Unreachable() {
    }

    public static String inWords(ProcessingException e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String what = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return "a service did not answer: " + what;
    }
}
