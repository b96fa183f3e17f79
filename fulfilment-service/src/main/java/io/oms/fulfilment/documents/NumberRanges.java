package io.oms.fulfilment.documents;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;

/**
 * Gap-free document numbers. The number is taken by an update that locks the range's row until the
 * caller's transaction ends: concurrent callers queue, and a rollback gives the number back.
 * A shop's own range (scope {@code channel:shopId}) wins over the global one.
 */
@ApplicationScoped
public class NumberRanges {

    public static final String DELIVERY_NOTE = "delivery-note";
    public static final String INVOICE = "invoice";
    public static final String GLOBAL = "global";

    private static final String TAKE = """
            update number_range set next_number = next_number + 1
            where kind = :kind and scope = :scope
            returning prefix, next_number - 1, digits""";

    private final EntityManager entityManager;

    public NumberRanges(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** The next number of the kind for the shop, formatted with its range's prefix and digits. */
    @Transactional(Transactional.TxType.MANDATORY)
    public String take(String kind, String channel, String shopId) {
        List<?> rows = take(kind, channel + ":" + shopId);
        if (rows.isEmpty()) {
            rows = take(kind, GLOBAL);
        }
        if (rows.isEmpty()) {
            throw new IllegalStateException("no number range '" + kind + "': the migration seeds a global one");
        }
        Object[] row = (Object[]) rows.get(0);
        long number = ((Number) row[1]).longValue();
        int digits = ((Number) row[2]).intValue();
        return row[0] + String.format("%0" + digits + "d", number);
    }

    private List<?> take(String kind, String scope) {
        return entityManager.createNativeQuery(TAKE)
                .setParameter("kind", kind)
                .setParameter("scope", scope)
                .getResultList();
    }
}
