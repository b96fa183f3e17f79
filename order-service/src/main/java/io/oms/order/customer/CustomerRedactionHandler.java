package io.oms.order.customer;

import io.oms.events.CloudEvent;
import io.oms.events.EventType;
import io.oms.events.channel.CustomerRedactionRequested;
import io.oms.messaging.inbox.EventHandler;
import io.oms.order.store.Address;
import io.oms.order.store.CustomerEntity;
import io.oms.order.store.OrderEntity;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A marketplace asked to erase a buyer's personal data for one shop (CustomerRedactionRequested): on that shop's
 * orders named by id, or bought by the named customer id or e-mail, the buyer's name, e-mail and both addresses
 * (name, company, street, city, postal code, phone; the country stays, for tax records) are replaced, and so is the
 * customer record of those orders and of that e-mail. Applying it again changes nothing more (idempotent); the inbox
 * applies each event once anyway.
 */
@ApplicationScoped
public class CustomerRedactionHandler implements EventHandler<CustomerRedactionRequested> {

    /** What a redacted name reads. */
    public static final String REDACTED = "[redacted]";

    private final EntityManager entityManager;
    private final Clock clock;

    public CustomerRedactionHandler(EntityManager entityManager, Clock clock) {
        this.entityManager = entityManager;
        this.clock = clock;
    }

    @Override
    public EventType eventType() {
        return EventType.CUSTOMER_REDACTION_REQUESTED;
    }

    @Override
    public String consumerName() {
        return "order-service.customer-redaction-requested";
    }

    @Override
    public void handle(CloudEvent<CustomerRedactionRequested> event) {
        CustomerRedactionRequested request = event.data();
        String email = request.customerEmail() == null || request.customerEmail().isBlank() ? null
                : request.customerEmail().trim().toLowerCase(Locale.ROOT);
        // an id no order has stands in for an empty list (an empty IN list is not valid SQL everywhere)
        List<String> orderIds = request.externalOrderIds().isEmpty() ? List.of("\u0000") : request.externalOrderIds();
        List<String> customerIds = request.customerIds().isEmpty() ? List.of("\u0000") : request.customerIds();
        List<OrderEntity> orders = entityManager.createQuery("""
                from OrderEntity o left join fetch o.customer where o.channel = :channel and o.shopId = :shop
                and (o.externalOrderId in :orders or o.buyerExternalId in :customers or lower(o.buyerEmail) = :email)""", OrderEntity.class)
                .setParameter("channel", request.channel().value()).setParameter("shop", request.shopId().value())
                .setParameter("orders", orderIds).setParameter("customers", customerIds).setParameter("email", email == null ? "\u0000" : email)
                .getResultList();
        Set<CustomerEntity> customers = new LinkedHashSet<>();
        for (OrderEntity order : orders) {
            anonymise(order);
            if (order.customer != null) {
                customers.add(order.customer);
            }
        }
        if (email != null) {
            customers.addAll(entityManager.createQuery("from CustomerEntity where email = :email", CustomerEntity.class)
                    .setParameter("email", email).getResultList());
        }
        customers.forEach(CustomerRedactionHandler::anonymise);
        Log.infof("redaction for %s shop %s: %d order(s), %d customer record(s) anonymised", request.channel().value(),
                request.shopId().value(), orders.size(), customers.size());
    }

    private void anonymise(OrderEntity order) {
        if (REDACTED.equals(order.buyerName) && order.buyerEmail == null && redacted(order.shippingAddress) && redacted(order.billingAddress)) {
            return;
        }
        order.buyerName = REDACTED;
        order.buyerEmail = null;
        order.shippingAddress = anonymise(order.shippingAddress);
        order.billingAddress = anonymise(order.billingAddress);
        order.updatedAt = clock.instant();
    }

    private static void anonymise(CustomerEntity customer) {
        customer.name = REDACTED;
        customer.email = null;
        // unique among customers without e-mail, and matching no real buyer's name and address
        customer.matchKey = "redacted:" + customer.id;
        customer.address = anonymise(customer.address);
    }

    /** Only the country stays. */
    private static Address anonymise(Address address) {
        return address == null ? null : new Address(REDACTED, null, null, null, null, null, null, address.countryCode(), null);
    }

    private static boolean redacted(Address address) {
        return address == null || REDACTED.equals(address.name()) && address.line1() == null && address.phone() == null;
    }
}
