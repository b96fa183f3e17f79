package io.oms.fulfilment.api;

import io.oms.fulfilment.Refusal;

/** Carries a domain refusal from a resource to {@link ProblemMappers}. */
public class ProblemException extends RuntimeException {

    private final transient Refusal refusal;

    public ProblemException(Refusal refusal) {
        super(refusal.detail(), null, false, false);
        this.refusal = refusal;
    }

    public Refusal refusal() {
        return refusal;
    }
}
