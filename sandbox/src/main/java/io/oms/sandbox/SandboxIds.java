package io.oms.sandbox;

/** Where the sandbox's order ids start, so that a restarted sandbox does not hand out an id it gave before. */
public final class SandboxIds {

    /** 100,000 ids per second of wall-clock time at start, cycling every 100,000 seconds (about 28 hours). */
    private static final long START_OFFSET = (System.currentTimeMillis() / 1000 % 100_000) * 100_000;

    private SandboxIds() {
    }

    public static long startOffset() {
        return START_OFFSET;
    }
}
