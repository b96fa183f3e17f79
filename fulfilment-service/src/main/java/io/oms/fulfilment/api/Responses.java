package io.oms.fulfilment.api;

import io.oms.fulfilment.Outcome;

/** Turns domain outcomes into answers or problems. */
final class Responses {

    private Responses() {
    }

    static <T> T orProblem(Outcome<T> outcome) {
        if (outcome instanceof Outcome.Refused<T> refused) {
            throw new ProblemException(refused.refusal());
        }
        return ((Outcome.Done<T>) outcome).value();
    }
}
