package io.oms.sandbox.etsy;

/** Handles one Etsy operation after the gate let the call through. */
@FunctionalInterface
public interface EtsyHandler {
    EtsyAnswer handle(EtsyCall call);
}
