package io.oms.channel.core.shop;

/** A connection's health, as the operator sees it. */
public enum ShopStatus {
    /** Credentials work; the shop is synced while its setting {@code active} is on. */
    CONNECTED,
    /** The marketplace revoked the authorization: connect again; queued work is kept. */
    NEEDS_REAUTHENTICATION
}
