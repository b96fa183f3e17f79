package io.oms.sandbox.shopify.throttle;

import graphql.language.Argument;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.language.VariableReference;
import graphql.schema.GraphQLCompositeType;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The sandbox's query cost, simple and consistent: each field of an object, interface or union type costs 1, scalars
 * and enums cost 0, the selection under a connection field is multiplied by its {@code first} or {@code last}, and
 * each mutation root field costs 10 plus its selection. While walking it also refuses what Shopify refuses before
 * running a query: a connection without first/last, a page over 250, an input list over 250 items.
 */
public final class QueryCost {

    public static final int MAX_PAGE = 250;
    public static final int MUTATION_COST = 10;

    /** The cost and any refusal (a Shopify-style error object). */
    public record Result(int requested, List<Map<String, Object>> errors, String operationType, String rootField) {
    }

    private final GraphQLSchema schema;
    private final Map<String, FragmentDefinition> fragments = new HashMap<>();
    private final Map<String, Object> variables;
    private final List<Map<String, Object>> errors = new ArrayList<>();

    private QueryCost(GraphQLSchema schema, Document document, Map<String, Object> variables) {
        this.schema = schema;
        this.variables = variables == null ? Map.of() : variables;
        document.getDefinitionsOfType(FragmentDefinition.class).forEach(f -> fragments.put(f.getName(), f));
    }

    public static Result of(GraphQLSchema schema, Document document, String operationName,
                            Map<String, Object> variables) {
        QueryCost walker = new QueryCost(schema, document, variables);
        Optional<OperationDefinition> op = document.getDefinitionsOfType(OperationDefinition.class).stream()
                .filter(o -> operationName == null || operationName.equals(o.getName())).findFirst();
        if (op.isEmpty()) {
            return new Result(0, List.of(), "query", null);
        }
        boolean mutation = op.get().getOperation() == OperationDefinition.Operation.MUTATION;
        GraphQLFieldsContainer root = mutation ? schema.getMutationType() : schema.getQueryType();
        int cost = 0;
        String rootField = null;
        for (Field f : walker.fields(op.get().getSelectionSet())) {
            rootField = rootField == null ? f.getName() : rootField;
            cost += walker.field(root, f) + (mutation ? MUTATION_COST : 0);
        }
        return new Result(cost, walker.errors, mutation ? "mutation" : "query", rootField);
    }

    private List<Field> fields(SelectionSet set) {
        List<Field> out = new ArrayList<>();
        if (set == null) {
            return out;
        }
        for (Selection<?> s : set.getSelections()) {
            if (s instanceof Field f) {
                out.add(f);
            } else if (s instanceof InlineFragment i) {
                out.addAll(fields(i.getSelectionSet()));
            } else if (s instanceof FragmentSpread spread && fragments.containsKey(spread.getName())) {
                out.addAll(fields(fragments.get(spread.getName()).getSelectionSet()));
            }
        }
        return out;
    }

    private int field(GraphQLFieldsContainer parent, Field f) {
        GraphQLFieldDefinition def = parent == null ? null : parent.getFieldDefinition(f.getName());
        if (def == null) {
            return 0;
        }
        for (Argument a : f.getArguments()) {
            checkInputSize(value(a.getValue()), f);
        }
        GraphQLType type = GraphQLTypeUtil.unwrapAll(def.getType());
        if (!(type instanceof GraphQLCompositeType composite)) {
            return 0;
        }
        int multiplier = 1;
        if (composite.getName().endsWith("Connection")) {
            Object first = argument(f, "first");
            Object last = argument(f, "last");
            Object size = first != null ? first : last;
            if (size == null) {
                errors.add(error("you must provide one of first or last", "FIRST_OR_LAST_REQUIRED", f));
            } else {
                multiplier = ((Number) size).intValue();
                if (multiplier > MAX_PAGE || multiplier < 0) {
                    errors.add(error("The page size of " + multiplier + " is out of range; "
                            + (first != null ? "first" : "last") + " must be between 0 and " + MAX_PAGE + ".",
                            "MAX_PAGE_SIZE_EXCEEDED", f));
                }
            }
        }
        int children = 0;
        if (f.getSelectionSet() != null) {
            GraphQLFieldsContainer container = type instanceof GraphQLFieldsContainer c ? c : null;
            for (Field child : fields(f.getSelectionSet())) {
                GraphQLFieldsContainer target = container;
                if (target == null || target.getFieldDefinition(child.getName()) == null) {
                    target = null; // a union member's field: costed as an object of unknown shape
                }
                children += target == null ? (child.getSelectionSet() == null ? 0 : 1) : field(target, child);
            }
        }
        return 1 + multiplier * children;
    }

    private void checkInputSize(Object value, Field f) {
        if (value instanceof List<?> list) {
            if (list.size() > MAX_PAGE) {
                errors.add(error("The input array size of " + list.size()
                        + " is greater than the maximum allowed of " + MAX_PAGE + ".", "MAX_INPUT_SIZE_EXCEEDED", f));
                return;
            }
            list.forEach(v -> checkInputSize(v, f));
        } else if (value instanceof Map<?, ?> map) {
            map.values().forEach(v -> checkInputSize(v, f));
        }
    }

    private Object argument(Field f, String name) {
        return f.getArguments().stream().filter(a -> a.getName().equals(name)).findFirst()
                .map(a -> value(a.getValue())).orElse(null);
    }

    private Object value(graphql.language.Value<?> v) {
        if (v instanceof VariableReference ref) {
            return variables.get(ref.getName());
        }
        return io.oms.sandbox.shopify.graphql.Literals.of(v, variables);
    }

    private static Map<String, Object> error(String message, String code, Field f) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("message", message);
        if (f.getSourceLocation() != null) {
            e.put("locations", List.of(Map.of("line", f.getSourceLocation().getLine(),
                    "column", f.getSourceLocation().getColumn())));
        }
        e.put("extensions", Map.of("code", code));
        return e;
    }
}
