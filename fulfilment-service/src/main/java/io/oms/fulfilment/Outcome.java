package io.oms.fulfilment;

/** What a domain operation answers: the result, or why it was refused. */
public sealed interface Outcome<T> {

    record Done<T>(T value) implements Outcome<T> {
    }

    record Refused<T>(Refusal refusal) implements Outcome<T> {
    }

    static <T> Outcome<T> done(T value) {
        return new Done<>(value);
    }

    static <T> Outcome<T> refused(Refusal refusal) {
        return new Refused<>(refusal);
    }
}
