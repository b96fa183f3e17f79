package io.oms.order.store;

import io.oms.events.order.OrderImported;

/** A postal address as stored on orders and customers (a JSON column). */
public record Address(String name, String company, String line1, String line2, String city, String region,
        String postalCode, String countryCode, String phone) {

    public static Address from(OrderImported.Address address) {
        if (address == null) {
            return null;
        }
        return new Address(address.name(), address.company(), address.line1(), address.line2(), address.city(),
                address.region(), address.postalCode(), address.countryCode(), address.phone());
    }
}
