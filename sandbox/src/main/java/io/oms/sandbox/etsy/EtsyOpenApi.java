package io.oms.sandbox.etsy;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Etsy's OpenAPI document as the sandbox uses it: the operation table (path templates, required OAuth scopes) and a
 * request validator. The document is read from {@code specs/etsy-openapi-v3.json} on the class path, unmodified; the
 * three {@code "default": null} array parameters the validator's parser refuses are dropped in memory.
 */
public final class EtsyOpenApi {

    public static final String RESOURCE = "specs/etsy-openapi-v3.json";

    /** One operation of the document. */
    public record Operation(String method, String template, Pattern pattern, List<String> pathParams,
                            String operationId, Set<String> scopes, boolean oauth) {
    }

    /** A request matched to its operation, with the path parameters. */
    public record Match(Operation operation, Map<String, String> pathParams) {
    }

    private final List<Operation> operations = new ArrayList<>();
    private final OpenApiInteractionValidator validator;
    private final String json;

    private EtsyOpenApi(String json, List<Operation> ops) {
        this.json = json;
        this.operations.addAll(ops);
        this.validator = OpenApiInteractionValidator.createForInlineApiSpecification(json)
                .withLevelResolver(LevelResolver.create()
                        .withLevel("validation.request.security", ValidationReport.Level.IGNORE)
                        .withLevel("validation.response.status.unknown", ValidationReport.Level.IGNORE)
                        .build())
                .build();
    }

    /** Loads the document from the class path. */
    public static EtsyOpenApi load() {
        try (InputStream in = EtsyOpenApi.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the class path");
            }
            ObjectMapper mapper = new ObjectMapper();
            ObjectNode root = (ObjectNode) mapper.readTree(in);
            List<Operation> ops = new ArrayList<>();
            Iterator<Map.Entry<String, JsonNode>> paths = root.get("paths").fields();
            while (paths.hasNext()) {
                Map.Entry<String, JsonNode> path = paths.next();
                Iterator<Map.Entry<String, JsonNode>> methods = path.getValue().fields();
                while (methods.hasNext()) {
                    Map.Entry<String, JsonNode> m = methods.next();
                    JsonNode op = m.getValue();
                    if (!op.has("operationId")) {
                        continue;
                    }
                    dropNullArrayDefaults(op);
                    ops.add(operation(m.getKey().toUpperCase(), path.getKey(), op));
                }
            }
            // exact templates before templated ones, so /listings/batch wins over /listings/{listing_id}
            ops.sort((a, b) -> Integer.compare(a.pathParams().size(), b.pathParams().size()));
            return new EtsyOpenApi(mapper.writeValueAsString(root), ops);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void dropNullArrayDefaults(JsonNode op) {
        JsonNode params = op.get("parameters");
        if (params == null) {
            return;
        }
        for (JsonNode p : params) {
            JsonNode schema = p.get("schema");
            if (schema instanceof ObjectNode s && "array".equals(s.path("type").asText()) && s.has("default")
                    && s.get("default").isNull()) {
                s.remove("default");
            }
        }
    }

    private static Operation operation(String method, String template, JsonNode op) {
        List<String> names = new ArrayList<>();
        Matcher m = Pattern.compile("\\{([^}]+)}").matcher(template);
        StringBuilder regex = new StringBuilder();
        int last = 0;
        while (m.find()) {
            regex.append(Pattern.quote(template.substring(last, m.start()))).append("([^/]+)");
            names.add(m.group(1));
            last = m.end();
        }
        regex.append(Pattern.quote(template.substring(last)));
        Set<String> scopes = new java.util.TreeSet<>();
        boolean oauth = false;
        for (JsonNode req : op.path("security")) {
            if (req.has("oauth2")) {
                oauth = true;
                req.get("oauth2").forEach(s -> scopes.add(s.asText()));
            }
        }
        return new Operation(method, template, Pattern.compile(regex.toString()), names,
                op.get("operationId").asText(), Set.copyOf(scopes), oauth);
    }

    public Optional<Match> match(String method, String path) {
        for (Operation op : operations) {
            if (!op.method().equals(method)) {
                continue;
            }
            Matcher m = op.pattern().matcher(path);
            if (m.matches()) {
                Map<String, String> params = new LinkedHashMap<>();
                for (int i = 0; i < op.pathParams().size(); i++) {
                    params.put(op.pathParams().get(i), m.group(i + 1));
                }
                return Optional.of(new Match(op, params));
            }
        }
        return Optional.empty();
    }

    public boolean pathExists(String path) {
        return operations.stream().anyMatch(o -> o.pattern().matcher(path).matches());
    }

    /** Validates a request; answers the first error message, if any. */
    public Optional<String> firstRequestError(SimpleRequest request) {
        ValidationReport report = validator.validateRequest(request);
        return report.getMessages().stream().filter(msg -> msg.getLevel() == ValidationReport.Level.ERROR)
                .filter(msg -> !isFormArrayArtifact(msg, request))
                .findFirst().map(EtsyOpenApi::describe);
    }

    /**
     * The validator guesses a form field's type from its text: a scalar even where the document declares an array
     * ({@code image_ids=1}, Etsy's own form encoding of arrays), a number where it declares a string
     * ({@code tracking_code=00340434161094042557}). A form value is text on the wire, so neither mismatch on a
     * form-encoded body is an error.
     */
    public static boolean isFormArrayArtifact(ValidationReport.Message msg, com.atlassian.oai.validator.model.Request
            request) {
        boolean form = request.getContentType().map(t -> t.startsWith("application/x-www-form-urlencoded"))
                .orElse(false);
        String all = describe(msg);
        return form && (all.contains("allowed: [\"array\"]") || all.contains("allowed: [\"string\"]"));
    }

    private static String describe(ValidationReport.Message msg) {
        String text = msg.getMessage();
        return msg.getNestedMessages().isEmpty() ? text
                : text + " " + msg.getNestedMessages().get(0).getMessage();
    }

    public OpenApiInteractionValidator validator() {
        return validator;
    }

    /** The document as the validator reads it (with the three null defaults dropped). */
    public String json() {
        return json;
    }
}
