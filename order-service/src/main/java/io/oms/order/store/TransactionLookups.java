package io.oms.order.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Finds orders and customers by their business keys without flushing the session, and a shop's hold setting once.
 *
 * <p>messaging applies a poll's records (up to 500) in one transaction. A JPQL query in Hibernate's AUTO flush
 * mode first flushes, that is dirty-checks every entity the transaction holds, so looking up each snapshot's
 * order and customer made a batch quadratic (about 50 orders per second, nearly all of it dirty checking).
 * Here the orders and customers that the current transaction created or found are remembered for it (as a
 * resource of the JTA transaction), and the database is asked without a flush: the only rows the database
 * cannot show yet are the ones this transaction created, and those are remembered.
 */
@ApplicationScoped
public class TransactionLookups {

    private static final String RESOURCE = TransactionLookups.class.getName();
    private static final String CLEARED_AT_END = "cleared at the end of its transaction";
    /** Marks a key that {@link #preload} did not find: a later look-up answers "none" without asking the database. */
    private static final Object ABSENT = new Object();

    private final TransactionSynchronizationRegistry transactions;
    private final EntityManager entityManager;

    public TransactionLookups(TransactionSynchronizationRegistry transactions, EntityManager entityManager) {
        this.transactions = transactions;
        this.entityManager = entityManager;
    }

    /** The order with this key ({channel}:{shopId}:{externalOrderId}), if it exists. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<OrderEntity> orderByKey(String orderKey) {
        return find("order " + orderKey, OrderEntity.class, "from OrderEntity where orderKey = ?1", orderKey);
    }

    /** The customer with this (normalised) e-mail, if any. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<CustomerEntity> customerByEmail(String email) {
        return find("customer email " + email, CustomerEntity.class, "from CustomerEntity where email = ?1", email);
    }

    /** The customer without e-mail who has this name-and-address key, if any. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<CustomerEntity> customerByMatchKey(String matchKey) {
        return find("customer match " + matchKey, CustomerEntity.class, "from CustomerEntity where matchKey = ?1 and email is null",
                matchKey);
    }

    /** Whether the shop holds its new orders for manual release (asked once per shop and transaction). */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean holdsNewOrders(String channel, String shopId) {
        String key = "shop " + channel + ":" + shopId;
        Map<String, Object> seen = seen();
        Boolean holds = (Boolean) seen.get(key);
        if (holds == null) {
            ShopSettingsEntity settings = entityManager.find(ShopSettingsEntity.class, new ShopSettingsEntity.Key(channel, shopId));
            holds = settings != null && settings.holdNewOrders;
            seen.put(key, holds);
        }
        return holds;
    }

    /**
     * Looks up a batch's orders (by key) and customers (by e-mail, or by match key) in one query each and remembers
     * them, and the keys not found, for the transaction. A customer another consumer thread creates meanwhile is not
     * seen: this transaction then creates it too, the unique index refuses one of the two at commit, and messaging
     * applies that batch again one event at a time, which finds the customer.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void preload(Collection<String> orderKeys, Collection<String> emails, Collection<String> matchKeys) {
        Map<String, Object> seen = seen();
        preload(seen, "order ", OrderEntity.class, "from OrderEntity where orderKey in ?1", orderKeys, order -> order.orderKey);
        preload(seen, "customer email ", CustomerEntity.class, "from CustomerEntity where email in ?1", emails, customer -> customer.email);
        preload(seen, "customer match ", CustomerEntity.class, "from CustomerEntity where matchKey in ?1 and email is null", matchKeys,
                customer -> customer.matchKey);
    }

    private <T> void preload(Map<String, Object> seen, String prefix, Class<T> type, String query, Collection<String> keys,
            Function<T, String> keyOf) {
        List<String> unknown = keys.stream().filter(key -> !seen.containsKey(prefix + key)).toList();
        if (unknown.isEmpty()) {
            return;
        }
        List<T> found = entityManager.createQuery(query, type).setParameter(1, unknown).setFlushMode(FlushModeType.COMMIT).getResultList();
        found.forEach(entity -> seen.put(prefix + keyOf.apply(entity), entity));
        unknown.forEach(key -> seen.putIfAbsent(prefix + key, ABSENT));
    }

    /** Remembers an order this transaction created, so that a later snapshot of it in the same batch finds it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void created(OrderEntity order) {
        seen().put("order " + order.orderKey, order);
    }

    /** Remembers a customer this transaction created. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void created(CustomerEntity customer) {
        seen().put(customer.email != null ? "customer email " + customer.email : "customer match " + customer.matchKey, customer);
    }

    private <T> Optional<T> find(String key, Class<T> type, String query, String parameter) {
        Map<String, Object> seen = seen();
        Object known = seen.get(key);
        if (known == ABSENT) {
            return Optional.empty();
        }
        // Only an entity of this persistence context may be changed: one left from an earlier transaction would
        // be detached, and what the caller writes to it would be lost without a word.
        if (known != null && entityManager.contains(known)) {
            return Optional.of(type.cast(known));
        }
        Optional<T> found = entityManager.createQuery(query, type).setParameter(1, parameter).setFlushMode(FlushModeType.COMMIT)
                .setMaxResults(1).getResultList().stream().findFirst();
        found.ifPresent(entity -> seen.put(key, entity));
        return found;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> seen() {
        Map<String, Object> seen = (Map<String, Object>) transactions.getResource(RESOURCE);
        if (seen == null) {
            seen = new HashMap<>();
            transactions.putResource(RESOURCE, seen);
        }
        if (!seen.containsKey(CLEARED_AT_END)) {
            // Seen in the packaged service (not in @QuarkusTest): a later transaction of the consumer thread found
            // the entities of an earlier one here, and its changes to those detached entities were lost. So the
            // map is emptied when each transaction ends, and find uses an entity only while it is managed.
            Map<String, Object> current = seen;
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                }

                @Override
                public void afterCompletion(int status) {
                    current.clear();
                }
            });
            seen.put(CLEARED_AT_END, Boolean.TRUE);
        }
        return seen;
    }
}
