package io.oms.sandbox.control;

import io.oms.sandbox.SandboxClock;
import io.oms.sandbox.etsy.EtsyStore;
import io.oms.sandbox.etsy.oauth.TokenService;
import io.oms.sandbox.etsy.ratelimit.EtsyRateLimiter;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.util.Map;

/** Sandbox-wide controls: reset everything, move the clock. */
@Path("/sandbox")
@Produces(MediaType.APPLICATION_JSON)
public class SandboxControlResource {

    /** Body of {@code POST /sandbox/clock/advance}. */
    public record Advance(Long seconds) {
    }

    private final EtsyStore etsy;
    private final TokenService tokens;
    private final EtsyRateLimiter limiter;
    private final SandboxClock clock;
    private final jakarta.enterprise.inject.Instance<Resettable> resettables;

    public SandboxControlResource(EtsyStore etsy, TokenService tokens, EtsyRateLimiter limiter, SandboxClock clock,
                                  jakarta.enterprise.inject.Instance<Resettable> resettables) {
        this.etsy = etsy;
        this.tokens = tokens;
        this.limiter = limiter;
        this.clock = clock;
        this.resettables = resettables;
    }

    /** Forgets every shop, token, call and fault of both marketplaces and puts the clock back. */
    @POST
    @Path("reset")
    public Map<String, Object> reset() {
        etsy.clear();
        tokens.clear();
        limiter.clear();
        resettables.forEach(Resettable::reset);
        clock.reset();
        return Map.of("reset", true);
    }

    /** Moves the sandbox's clock forward (token expiry, rate windows, leaky buckets). */
    @POST
    @Path("clock/advance")
    public Map<String, Object> advance(Advance advance) {
        clock.advance(Duration.ofSeconds(advance == null || advance.seconds() == null ? 0 : advance.seconds()));
        return Map.of("now", clock.instant().toString());
    }
}
