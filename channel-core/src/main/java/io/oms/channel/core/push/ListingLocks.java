package io.oms.channel.core.push;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * One read-modify-write of a listing at a time (Etsy replaces the whole inventory on each write, so two
 * interleaved writers would undo each other). In-process locks suffice: a shop is worked by the one replica
 * that holds its lease (DESIGN section 6), and every write of a listing (stock, price, state) goes through here.
 */
@ApplicationScoped
public class ListingLocks {

    private final ConcurrentHashMap<String, ReentrantLock> locks = new ConcurrentHashMap<>();

    public <T> T withLock(UUID shopId, String listingId, Supplier<T> work) {
        ReentrantLock lock = locks.computeIfAbsent(shopId + "/" + listingId, k -> new ReentrantLock());
        lock.lock();
        try {
            return work.get();
        } finally {
            lock.unlock();
        }
    }
}
