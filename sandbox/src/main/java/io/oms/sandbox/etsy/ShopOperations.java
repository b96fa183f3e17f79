package io.oms.sandbox.etsy;

import io.oms.sandbox.etsy.oauth.TokenService;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** getMe, ping, getShop, getShippingCarriers, tokenScopes. */
@Singleton
public class ShopOperations {

    /** Carriers Etsy knows, by name; an unknown name loses the tracking code (Etsy's quirk). */
    public static final List<String> CARRIERS = List.of("USPS", "UPS", "FedEx", "DHL", "DHL Express", "Canada Post",
            "Royal Mail", "Deutsche Post", "DPD", "Hermes", "GLS", "Australia Post", "PostNL", "La Poste", "Other");

    private final EtsyStore store;
    private final TokenService tokens;

    public ShopOperations(EtsyStore store, TokenService tokens) {
        this.store = store;
        this.tokens = tokens;
    }

    public Map<String, EtsyHandler> handlers() {
        return Map.of(
                "getMe", this::getMe,
                "getShopByOwnerUserId", this::getShopByOwnerUserId,
                "ping", c -> EtsyAnswer.ok(Map.of("application_id", c.shop().shopId * 7 + 1)),
                "getShop", this::getShop,
                "getShippingCarriers", this::getShippingCarriers,
                "tokenScopes", this::tokenScopes);
    }

    private EtsyAnswer getMe(EtsyCall c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("user_id", c.token().userId);
        m.put("shop_id", c.token().shopId);
        return EtsyAnswer.ok(m);
    }

    private EtsyAnswer getShop(EtsyCall c) {
        long shopId = c.pathLong("shop_id");
        return store.shop(shopId).map(s -> EtsyAnswer.ok(EtsyJson.shop(s)))
                .orElseGet(() -> EtsyAnswer.notFound("Shop with shop_id " + shopId + " not found"));
    }

    private EtsyAnswer getShopByOwnerUserId(EtsyCall c) {
        long userId = c.pathLong("user_id");
        return store.shops().stream().filter(s -> s.userId == userId).findFirst()
                .map(s -> EtsyAnswer.ok(EtsyJson.shop(s)))
                .orElseGet(() -> EtsyAnswer.notFound("User with user_id " + userId + " does not have a shop"));
    }

    private EtsyAnswer getShippingCarriers(EtsyCall c) {
        List<Map<String, Object>> results = new ArrayList<>();
        long id = 1;
        for (String name : CARRIERS) {
            Map<String, Object> carrier = new LinkedHashMap<>();
            carrier.put("shipping_carrier_id", id++);
            carrier.put("name", name);
            carrier.put("domestic_classes", List.of(Map.of("mail_class_key", name.toLowerCase().replace(' ', '_')
                    + "_standard", "name", "Standard")));
            carrier.put("international_classes", List.of(Map.of("mail_class_key",
                    name.toLowerCase().replace(' ', '_') + "_international", "name", "International")));
            results.add(carrier);
        }
        return EtsyAnswer.ok(Map.of("count", results.size(), "results", results));
    }

    private EtsyAnswer tokenScopes(EtsyCall c) {
        Optional<TokenService.Token> token = c.form("token").flatMap(tokens::access);
        if (token.isEmpty()) {
            return EtsyAnswer.error(401, "Invalid token");
        }
        return EtsyAnswer.ok(Map.of("scopes", token.get().scopes.stream().sorted().toList()));
    }
}
