package io.oms.order.customer;

import io.oms.events.order.OrderImported;
import io.oms.order.store.Address;
import io.oms.order.store.CustomerEntity;
import io.oms.order.store.TransactionLookups;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Finds or creates the customer of an order: by e-mail (case-insensitive) when the marketplace gives one,
 * else by name and shipping address. A buyer with neither e-mail nor name stays without customer.
 */
@ApplicationScoped
public class CustomerMatcher {

    private final Clock clock;
    private final TransactionLookups lookups;

    public CustomerMatcher(Clock clock, TransactionLookups lookups) {
        this.clock = clock;
        this.lookups = lookups;
    }

    /** How a buyer is matched: by e-mail, else by name and address key, else not at all (both null). */
    public record Keys(String email, String name, String matchKey) {
    }

    /** The keys {@link #match} looks a buyer up by (for a batch's look-up of all its customers at once). */
    public static Keys keysOf(OrderImported.Buyer buyer, OrderImported.Address shipping) {
        String email = buyer == null ? null : normalise(buyer.email());
        String name = buyer != null && buyer.name() != null && !buyer.name().isBlank() ? buyer.name().trim()
                : shipping != null && shipping.name() != null && !shipping.name().isBlank() ? shipping.name().trim() : null;
        return new Keys(email, name, email == null && name != null ? matchKey(name, shipping) : null);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<CustomerEntity> match(OrderImported.Buyer buyer, OrderImported.Address shipping) {
        Keys keys = keysOf(buyer, shipping);
        String email = keys.email();
        String name = keys.name();
        if (email != null) {
            return Optional.of(lookups.customerByEmail(email)
                    .orElseGet(() -> create(email, name, null, shipping)));
        }
        if (name == null) {
            return Optional.empty();
        }
        String matchKey = keys.matchKey();
        return Optional.of(lookups.customerByMatchKey(matchKey)
                .orElseGet(() -> create(null, name, matchKey, shipping)));
    }

    /** Name and address, lower case and without extra blanks: "jane doe|main st 1|10115|berlin|de". */
    static String matchKey(String name, OrderImported.Address address) {
        Stream<String> parts = address == null ? Stream.of(name)
                : Stream.of(name, address.line1(), address.line2(), address.postalCode(), address.city(), address.countryCode());
        return parts.map(part -> part == null ? "" : part.trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT))
                .collect(Collectors.joining("|"));
    }

    private static String normalise(String email) {
        return email == null || email.isBlank() ? null : email.trim().toLowerCase(Locale.ROOT);
    }

    private CustomerEntity create(String email, String name, String matchKey, OrderImported.Address shipping) {
        CustomerEntity customer = new CustomerEntity();
        customer.id = UUID.randomUUID();
        customer.email = email;
        customer.name = name;
        customer.matchKey = matchKey;
        customer.address = Address.from(shipping);
        customer.createdAt = clock.instant();
        customer.persist();
        lookups.created(customer);
        return customer;
    }
}
