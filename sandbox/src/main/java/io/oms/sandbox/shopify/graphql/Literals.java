package io.oms.sandbox.shopify.graphql;

import graphql.language.Value;
import java.util.Map;

/** GraphQL literal values as plain Java values (strings, longs, booleans, lists, maps). */
public final class Literals {

    private Literals() {
    }

    public static Object of(Value<?> value, Map<String, Object> variables) {
        return ShopifySchema.literalImpl(value, variables);
    }
}
