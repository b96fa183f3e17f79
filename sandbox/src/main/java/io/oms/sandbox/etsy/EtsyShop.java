package io.oms.sandbox.etsy;

import io.oms.sandbox.control.CallLog;
import io.oms.sandbox.etsy.listings.EtsyListing;
import io.oms.sandbox.etsy.receipts.EtsyReceipt;
import io.oms.sandbox.faults.Faults;
import java.time.Instant;
import java.util.concurrent.ConcurrentNavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;

/** One sandbox Etsy shop with its owner, its app (keystring and shared secret), listings, receipts and settings. */
public final class EtsyShop {

    public final long shopId;
    public final long userId;
    public final String shopName;
    public final String loginName;
    public final String currency;
    public final String countryIso;
    public final String keystring;
    public final String sharedSecret;
    public final long shippingProfileId;
    public final Instant createdAt;
    public final ConcurrentNavigableMap<Long, EtsyListing> listings = new ConcurrentSkipListMap<>();
    public final ConcurrentNavigableMap<Long, EtsyReceipt> receipts = new ConcurrentSkipListMap<>();
    public final CallLog calls = new CallLog();
    public volatile Faults faults = Faults.NONE;
    public volatile int limitPerSecond;
    public volatile int limitPerDay;

    public EtsyShop(long shopId, long userId, String shopName, String currency, String countryIso, String keystring,
                    String sharedSecret, long shippingProfileId, Instant createdAt, int limitPerSecond, int limitPerDay) {
        this.shopId = shopId;
        this.userId = userId;
        this.shopName = shopName;
        this.loginName = shopName.toLowerCase();
        this.currency = currency;
        this.countryIso = countryIso;
        this.keystring = keystring;
        this.sharedSecret = sharedSecret;
        this.shippingProfileId = shippingProfileId;
        this.createdAt = createdAt;
        this.limitPerSecond = limitPerSecond;
        this.limitPerDay = limitPerDay;
    }
}
