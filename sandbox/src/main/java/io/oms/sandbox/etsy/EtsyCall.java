package io.oms.sandbox.etsy;

import com.fasterxml.jackson.databind.JsonNode;
import io.oms.sandbox.etsy.oauth.TokenService.Token;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One authenticated Etsy call as a handler sees it.
 *
 * @param shop   the shop whose app key was used
 * @param token  the access token, if the call carried a valid one
 * @param path   path parameters by name
 * @param query  query parameters
 * @param form   form fields (for form-encoded bodies)
 * @param json   the JSON body, if any
 */
public record EtsyCall(EtsyShop shop, Token token, Map<String, String> path, Map<String, List<String>> query,
                       Map<String, List<String>> form, JsonNode json) {

    public long pathLong(String name) {
        return Long.parseLong(path.get(name));
    }

    public Optional<String> query(String name) {
        List<String> v = query.get(name);
        return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v.get(0));
    }

    /** Query values, also for Etsy's comma-separated array form ({@code includes=Images,Inventory}). */
    public List<String> queryList(String name) {
        List<String> v = query.get(name);
        if (v == null) {
            return List.of();
        }
        return v.stream().flatMap(s -> java.util.Arrays.stream(s.split(","))).map(String::trim)
                .filter(s -> !s.isEmpty()).toList();
    }

    public Optional<Long> queryLong(String name) {
        return query(name).map(Long::parseLong);
    }

    public Optional<Boolean> queryBool(String name) {
        return query(name).map(Boolean::parseBoolean);
    }

    public Optional<String> form(String name) {
        List<String> v = form.get(name);
        if (v == null) {
            v = form.get(name + "[]");
        }
        return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v.get(0));
    }

    public List<String> formList(String name) {
        List<String> v = form.get(name);
        if (v == null) {
            v = form.get(name + "[]");
        }
        if (v == null) {
            return List.of();
        }
        return v.stream().flatMap(s -> java.util.Arrays.stream(s.split(","))).map(String::trim)
                .filter(s -> !s.isEmpty()).toList();
    }

    public boolean hasForm(String name) {
        return form.containsKey(name) || form.containsKey(name + "[]");
    }
}
