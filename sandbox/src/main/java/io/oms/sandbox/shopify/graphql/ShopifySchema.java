package io.oms.sandbox.shopify.graphql;

import com.fasterxml.jackson.databind.ObjectMapper;
import graphql.GraphQL;
import graphql.introspection.IntrospectionResultToSchema;
import graphql.language.ArrayValue;
import graphql.language.BooleanValue;
import graphql.language.Document;
import graphql.language.EnumValue;
import graphql.language.FloatValue;
import graphql.language.IntValue;
import graphql.language.NullValue;
import graphql.language.ObjectValue;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.language.VariableReference;
import graphql.schema.Coercing;
import graphql.schema.DataFetcher;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLSchema;
import graphql.schema.TypeResolver;
import graphql.schema.idl.FieldWiringEnvironment;
import graphql.schema.idl.InterfaceWiringEnvironment;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.ScalarInfo;
import graphql.schema.idl.ScalarWiringEnvironment;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import graphql.schema.idl.UnionWiringEnvironment;
import graphql.schema.idl.WiringFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * Shopify's Admin GraphQL schema (2025-01), built once from the introspection result on the class path and made
 * executable: every custom scalar is permissive, interfaces and unions resolve by a {@code __typename} key, and every
 * field reads its value from a map (a {@link Resolver} value is called with the field's arguments).
 */
public final class ShopifySchema {

    public static final String RESOURCE = "specs/shopify-admin-graphql-2025-01.json.gz";

    private final GraphQLSchema schema;
    private final GraphQL graphQL;

    private ShopifySchema(GraphQLSchema schema) {
        this.schema = schema;
        this.graphQL = GraphQL.newGraphQL(schema).build();
    }

    @SuppressWarnings("unchecked")
    public static ShopifySchema load() {
        try (InputStream raw = ShopifySchema.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (raw == null) {
                throw new IllegalStateException(RESOURCE + " is not on the class path");
            }
            Map<String, Object> introspection = new ObjectMapper().readValue(new GZIPInputStream(raw), Map.class);
            Map<String, Object> data = (Map<String, Object>) introspection.getOrDefault("data", introspection);
            Document sdl = new IntrospectionResultToSchema().createSchemaDefinition(data);
            TypeDefinitionRegistry registry = new SchemaParser().buildRegistry(sdl);
            RuntimeWiring wiring = RuntimeWiring.newRuntimeWiring().wiringFactory(new MapWiring()).build();
            return new ShopifySchema(new SchemaGenerator().makeExecutableSchema(registry, wiring));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public GraphQLSchema schema() {
        return schema;
    }

    public GraphQL graphQL() {
        return graphQL;
    }

    /** Reads a field from a map source; calls a {@link Resolver} value. */
    static final DataFetcher<Object> MAP_FETCHER = env -> {
        Object source = env.getSource();
        if (!(source instanceof Map<?, ?> map)) {
            return null;
        }
        Object value = map.get(env.getField().getName());
        return value instanceof Resolver r ? r.resolve(env) : value;
    };

    static final TypeResolver BY_TYPENAME = env -> {
        Object o = env.getObject();
        if (o instanceof Map<?, ?> m && m.get("__typename") instanceof String name) {
            return (GraphQLObjectType) env.getSchema().getType(name);
        }
        return null;
    };

    private static final class MapWiring implements WiringFactory {
        @Override
        public boolean providesScalar(ScalarWiringEnvironment env) {
            return !ScalarInfo.isGraphqlSpecifiedScalar(env.getScalarTypeDefinition().getName());
        }

        @Override
        public GraphQLScalarType getScalar(ScalarWiringEnvironment env) {
            return GraphQLScalarType.newScalar().name(env.getScalarTypeDefinition().getName())
                    .description("permissive sandbox scalar").coercing(PERMISSIVE).build();
        }

        @Override
        public boolean providesTypeResolver(InterfaceWiringEnvironment env) {
            return true;
        }

        @Override
        public TypeResolver getTypeResolver(InterfaceWiringEnvironment env) {
            return BY_TYPENAME;
        }

        @Override
        public boolean providesTypeResolver(UnionWiringEnvironment env) {
            return true;
        }

        @Override
        public TypeResolver getTypeResolver(UnionWiringEnvironment env) {
            return BY_TYPENAME;
        }

        @Override
        public DataFetcher<?> getDefaultDataFetcher(FieldWiringEnvironment env) {
            return MAP_FETCHER;
        }
    }

    /** Passes values through: strings stay strings, numbers numbers, JSON stays JSON. */
    @SuppressWarnings("deprecation")
    private static final Coercing<Object, Object> PERMISSIVE = new Coercing<>() {
        @Override
        public Object serialize(Object o) {
            return o instanceof Number || o instanceof Boolean || o instanceof Map || o instanceof List ? o
                    : String.valueOf(o);
        }

        @Override
        public Object parseValue(Object o) {
            return o;
        }

        @Override
        public Object parseLiteral(Object input) {
            return literal((Value<?>) input, Map.of());
        }

        @Override
        public Object parseLiteral(Object input, Map<String, Object> variables) {
            return literal((Value<?>) input, variables);
        }
    };

    private static Object literal(Value<?> v, Map<String, Object> variables) {
        return Literals.of(v, variables);
    }

    static Object literalImpl(Value<?> v, Map<String, Object> variables) {
        if (v instanceof StringValue s) {
            return s.getValue();
        }
        if (v instanceof IntValue i) {
            return i.getValue().longValue();
        }
        if (v instanceof FloatValue f) {
            return f.getValue();
        }
        if (v instanceof BooleanValue b) {
            return b.isValue();
        }
        if (v instanceof EnumValue e) {
            return e.getName();
        }
        if (v instanceof NullValue) {
            return null;
        }
        if (v instanceof VariableReference ref) {
            return variables.get(ref.getName());
        }
        if (v instanceof ArrayValue a) {
            return a.getValues().stream().map(x -> literalImpl(x, variables)).toList();
        }
        if (v instanceof ObjectValue o) {
            Map<String, Object> m = new LinkedHashMap<>();
            o.getObjectFields().forEach(f -> m.put(f.getName(), literalImpl(f.getValue(), variables)));
            return m;
        }
        return null;
    }
}
