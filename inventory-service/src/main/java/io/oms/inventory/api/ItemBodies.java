package io.oms.inventory.api;

import io.oms.inventory.item.Item;
import io.oms.inventory.item.ItemData;
import io.oms.inventory.stock.Stock;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

/** Request and response bodies of the item API. */
public final class ItemBodies {

    private ItemBodies() {
    }

    /** PUT /api/v1/items/{sku}. */
    public record ItemRequest(
            @NotBlank @Size(max = 500) String name,
            @Size(max = 4000) String description,
            @NotNull @DecimalMin("0") @Digits(integer = 13, fraction = 6) BigDecimal price,
            @DecimalMin("0") @Digits(integer = 13, fraction = 6) BigDecimal sellingPrice,
            @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code in upper case") String currency,
            @Pattern(regexp = "(?i)active|inactive", message = "must be active or inactive") String status) {

        ItemData toData() {
            return new ItemData(name.trim(), description, price, sellingPrice, currency, parseStatus(status));
        }
    }

    /** POST /api/v1/items: creates, never updates (a duplicate SKU is a conflict). */
    public record NewItemRequest(
            @NotBlank @Size(max = 255) String sku,
            @NotBlank @Size(max = 500) String name,
            @Size(max = 4000) String description,
            @NotNull @DecimalMin("0") @Digits(integer = 13, fraction = 6) BigDecimal price,
            @DecimalMin("0") @Digits(integer = 13, fraction = 6) BigDecimal sellingPrice,
            @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code in upper case") String currency,
            @Pattern(regexp = "(?i)active|inactive", message = "must be active or inactive") String status) {

        ItemData toData() {
            return new ItemData(name.trim(), description, price, sellingPrice, currency, parseStatus(status));
        }
    }

    public record StockView(String warehouseCode, int onHand, int reserved, int available) {
        static StockView of(Stock stock) {
            return new StockView(stock.warehouseCode, stock.onHand, stock.reserved, stock.available());
        }
    }

    public record ItemView(String sku, String name, String description, BigDecimal price, BigDecimal sellingPrice, String currency,
            String status, List<StockView> stock, int totalAvailable) {

        static ItemView of(Item item, List<Stock> stock) {
            List<StockView> views = stock.stream().map(StockView::of).toList();
            return new ItemView(item.sku, item.name, item.description, item.price, item.sellingPrice, item.currency,
                    item.status.name().toLowerCase(Locale.ROOT), views, views.stream().mapToInt(StockView::available).sum());
        }
    }

    public record ItemList(List<ItemView> items, long total) {
    }

    static Item.Status parseStatus(String status) {
        return status == null ? Item.Status.ACTIVE : Item.Status.valueOf(status.toUpperCase(Locale.ROOT));
    }
}
