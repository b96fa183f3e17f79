package io.oms.channel.core.push;

import java.math.BigDecimal;

/**
 * What the OMS wants a SKU of a listing to show.
 *
 * @param quantity available to sell from the shop's warehouse, never more; null to leave it
 * @param price    the marketplace price (selling price if set, else price); null to leave it
 * @param currency the price's currency (ISO 4217), null with the price
 */
public record WantedOffering(String sku, Integer quantity, java.math.BigDecimal price, String currency) {

    public static WantedOffering stock(String sku, int quantity) {
        return new WantedOffering(sku, quantity, null, null);
    }

    public static WantedOffering price(String sku, BigDecimal price, String currency) {
        return new WantedOffering(sku, null, price, currency);
    }
}
