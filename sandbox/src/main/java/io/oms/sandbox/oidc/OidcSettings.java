package io.oms.sandbox.oidc;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/** The local OIDC issuer (prefix {@code sandbox.oidc}). */
@ConfigMapping(prefix = "sandbox.oidc")
public interface OidcSettings {

    /** The issuer ({@code iss}); unset: the address the request came to plus {@code /oidc}, e.g. http://127.0.0.1:8090/oidc. */
    Optional<String> issuer();

    /** Lifetime of access and ID tokens. */
    @WithDefault("PT15M")
    Duration accessTokenLifetime();

    /** Lifetime of a refresh token (each use gives a new one). */
    @WithDefault("PT8H")
    Duration refreshTokenLifetime();

    /** Lifetime of an authorization code. */
    @WithDefault("PT2M")
    Duration codeLifetime();
}
