package io.oms.sandbox.control;

/** State that {@code POST /sandbox/reset} clears. */
public interface Resettable {
    void reset();
}
