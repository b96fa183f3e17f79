package io.oms.sandbox.shopify.graphql;

import graphql.schema.DataFetchingEnvironment;

/** A map value computed when the field is asked for, with the field's arguments. */
@FunctionalInterface
public interface Resolver {
    Object resolve(DataFetchingEnvironment env);
}
