package io.oms.sandbox.control;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** The calls one shop received; keeps the latest {@value #KEEP} and counts all. */
public final class CallLog {

    static final int KEEP = 10_000;

    private final Deque<CallRecord> calls = new ArrayDeque<>();
    private long total;

    public synchronized void add(CallRecord call) {
        calls.addLast(call);
        total++;
        if (calls.size() > KEEP) {
            calls.removeFirst();
        }
    }

    public synchronized List<CallRecord> latest(int limit) {
        List<CallRecord> all = new ArrayList<>(calls);
        return all.subList(Math.max(0, all.size() - limit), all.size());
    }

    public synchronized long total() {
        return total;
    }

    public synchronized void clear() {
        calls.clear();
        total = 0;
    }
}
