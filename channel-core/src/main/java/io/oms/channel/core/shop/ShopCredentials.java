package io.oms.channel.core.shop;

import io.oms.channel.core.crypto.CredentialVault;
import io.oms.channel.core.crypto.Credentials;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.util.UUID;
import java.util.function.UnaryOperator;

/** The only way to a shop's credentials: decrypted on read, encrypted on write, rotated under a row lock. */
@ApplicationScoped
public class ShopCredentials {

    private final ShopStore shops;
    private final CredentialVault vault;
    private final Clock clock;

    public ShopCredentials(ShopStore shops, CredentialVault vault, Clock clock) {
        this.shops = shops;
        this.vault = vault;
        this.clock = clock;
    }

    public Credentials current(UUID shopId) {
        return vault.open(shopId, shops.credentials(shopId));
    }

    /**
     * Replaces the credentials with what {@code rotation} makes of the current ones, holding the shop row's lock
     * meanwhile: one rotation at a time per shop across replicas, and a rotated refresh token is stored in
     * the same transaction that read the one it replaces. {@code rotation} gets the latest stored values
     * (another replica may just have rotated) and may answer them unchanged.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Credentials rotate(UUID shopId, UnaryOperator<Credentials> rotation) {
        Credentials current = vault.open(shopId, shops.lockCredentials(shopId));
        Credentials next = rotation.apply(current);
        if (!next.equals(current)) {
            shops.storeCredentials(shopId, vault.seal(shopId, next), clock.instant());
        }
        return next;
    }
}
