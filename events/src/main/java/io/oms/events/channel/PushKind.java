package io.oms.events.channel;

/** What a connector pushed to a marketplace. A new value is a breaking change: it needs a new topic version. */
public enum PushKind {
    STOCK,
    PRICE,
    TRACKING,
    LISTING
}
