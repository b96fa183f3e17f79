package io.oms.messaging;

import io.oms.events.CloudEventCodec;
import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Clock;

/** Beans a service gets from messaging unless it declares its own. */
public class MessagingBeans {

    /** One codec per process: it loads every schema once. */
    @Produces
    @Singleton
    @DefaultBean
    CloudEventCodec cloudEventCodec() {
        return new CloudEventCodec();
    }

    /** UTC system time; tests may replace it to move time. */
    @Produces
    @Singleton
    @DefaultBean
    Clock clock() {
        return Clock.systemUTC();
    }
}
