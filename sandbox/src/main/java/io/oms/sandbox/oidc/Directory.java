package io.oms.sandbox.oidc;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Who the local issuer knows. Users (password = user name, for the local stack only): {@code admin} (oms-admin),
 * {@code operator} (oms-operator), {@code viewer} (oms-viewer). Clients: {@code oms-local} (secret {@code oms-local-secret};
 * client_credentials gives it oms-admin: the ./oms scripts, Seed, Demo, e2e, bench) and {@code oms-console} (secret
 * {@code oms-console-secret}; authorization code with PKCE, refresh token and password grants for the operator console).
 */
@ApplicationScoped
public class Directory {

    public record User(String name, String password, List<String> roles) {
    }

    public record Client(String id, String secret, List<String> serviceRoles) {
    }

    private static final Map<String, User> USERS = Map.of(
            "admin", new User("admin", "admin", List.of("oms-admin")),
            "operator", new User("operator", "operator", List.of("oms-operator")),
            "viewer", new User("viewer", "viewer", List.of("oms-viewer")));

    private static final Map<String, Client> CLIENTS = Map.of(
            "oms-local", new Client("oms-local", "oms-local-secret", List.of("oms-admin")),
            "oms-console", new Client("oms-console", "oms-console-secret", List.of()));

    public Optional<User> login(String name, String password) {
        User user = name == null ? null : USERS.get(name);
        return user != null && user.password().equals(password) ? Optional.of(user) : Optional.empty();
    }

    public Optional<User> user(String name) {
        return Optional.ofNullable(name == null ? null : USERS.get(name));
    }

    public Optional<Client> client(String id) {
        return Optional.ofNullable(id == null ? null : CLIENTS.get(id));
    }

    public Optional<Client> authenticate(String id, String secret) {
        return client(id).filter(c -> c.secret().equals(secret));
    }
}
