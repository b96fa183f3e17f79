package io.oms.sandbox.shopify.graphql;

import graphql.schema.DataFetchingEnvironment;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Relay connections over in-memory lists: first/after, last/before, edges, nodes, pageInfo. */
public final class Connections {

    private Connections() {
    }

    public static String cursor(long id) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(("{\"last_id\":" + id + "}").getBytes(StandardCharsets.UTF_8));
    }

    public static <T> Map<String, Object> of(List<T> items, DataFetchingEnvironment env, Function<T, Long> id,
                                             Function<T, Map<String, Object>> view) {
        Integer first = env.getArgument("first");
        Integer last = env.getArgument("last");
        String after = env.getArgument("after");
        String before = env.getArgument("before");
        int start = 0;
        int end = items.size();
        if (after != null) {
            for (int i = 0; i < items.size(); i++) {
                if (cursor(id.apply(items.get(i))).equals(after)) {
                    start = i + 1;
                    break;
                }
            }
        }
        if (before != null) {
            for (int i = 0; i < items.size(); i++) {
                if (cursor(id.apply(items.get(i))).equals(before)) {
                    end = i;
                    break;
                }
            }
        }
        end = Math.max(start, end);
        int from = start;
        int to = end;
        if (first != null) {
            to = Math.min(end, start + first);
        } else if (last != null) {
            from = Math.max(start, end - last);
        }
        List<Map<String, Object>> edges = new ArrayList<>();
        List<Map<String, Object>> nodes = new ArrayList<>();
        for (T item : items.subList(from, to)) {
            Map<String, Object> node = view.apply(item);
            nodes.add(node);
            Map<String, Object> edge = new LinkedHashMap<>();
            edge.put("cursor", cursor(id.apply(item)));
            edge.put("node", node);
            edges.add(edge);
        }
        Map<String, Object> pageInfo = new LinkedHashMap<>();
        pageInfo.put("hasNextPage", to < end);
        pageInfo.put("hasPreviousPage", from > 0);
        pageInfo.put("startCursor", edges.isEmpty() ? null : edges.get(0).get("cursor"));
        pageInfo.put("endCursor", edges.isEmpty() ? null : edges.get(edges.size() - 1).get("cursor"));
        Map<String, Object> connection = new LinkedHashMap<>();
        connection.put("edges", edges);
        connection.put("nodes", nodes);
        connection.put("pageInfo", pageInfo);
        return connection;
    }
}
