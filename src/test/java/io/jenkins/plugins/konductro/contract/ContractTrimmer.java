package io.jenkins.plugins.konductro.contract;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Derives the contract Konductro is checked against from Atlassian's OpenAPI definition of Bitbucket Cloud:
 * only the operations Konductro calls, their parameters, and the components they reference (transitively,
 * through {@code $ref}); no prose (descriptions, summaries, examples, external docs, tags, {@code x-*}
 * extensions) and no security (the contract check does not judge authentication).
 *
 * <p>Usage: {@code ContractTrimmer <swagger.v3.json> <output.json>}. The output is deterministic: keys keep
 * the order of the source; components keep the order of the source.
 */
public final class ContractTrimmer {

    /** The operations Konductro uses: path template exactly as in the definition, and lower-case method. */
    public static final Map<String, List<String>> USED_OPERATIONS = usedOperations();

    private static Map<String, List<String>> usedOperations() {
        Map<String, List<String>> ops = new LinkedHashMap<>();
        ops.put("/user", List.of("get"));
        ops.put("/user/workspaces/{workspace}/permission", List.of("get"));
        ops.put("/repositories/{workspace}", List.of("get"));
        ops.put("/repositories/{workspace}/{repo_slug}", List.of("get"));
        ops.put("/repositories/{workspace}/{repo_slug}/refs/branches/{name}", List.of("get"));
        ops.put("/repositories/{workspace}/{repo_slug}/refs/branches", List.of("post"));
        ops.put("/repositories/{workspace}/{repo_slug}/src/{commit}/{path}", List.of("get"));
        ops.put("/repositories/{workspace}/{repo_slug}/src", List.of("post"));
        ops.put("/repositories/{workspace}/{repo_slug}/pullrequests", List.of("get", "post"));
        ops.put("/repositories/{workspace}/{repo_slug}/pullrequests/{pull_request_id}", List.of("get"));
        ops.put("/repositories/{workspace}/{repo_slug}/pullrequests/{pull_request_id}/tasks", List.of("get", "post"));
        ops.put("/repositories/{workspace}/{repo_slug}/effective-default-reviewers", List.of("get"));
        return java.util.Collections.unmodifiableMap(ops);
    }

    private static final Set<String> HTTP_METHODS =
            Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

    /** Keys that carry prose or documentation only, wherever they occur as an OpenAPI/JSON Schema keyword. */
    private static final Set<String> PROSE_KEYS =
            Set.of("description", "summary", "example", "examples", "externalDocs", "tags");

    /**
     * Keywords whose value is a map from names chosen by the API (property names, status codes, media types...)
     * to OpenAPI objects; the names are kept even when they look like a prose keyword (a property called
     * {@code description}, for example).
     */
    private static final Set<String> NAME_MAPS = Set.of(
            "properties", "patternProperties", "schemas", "responses", "requestBodies",
            "content", "headers", "encoding", "links", "callbacks", "variables", "mapping");

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ContractTrimmer() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: ContractTrimmer <swagger.v3.json> <output.json>");
            System.exit(2);
        }
        Path source = Path.of(args[0]);
        Path output = Path.of(args[1]);
        String trimmed = trim(Files.readString(source, StandardCharsets.UTF_8));
        Path parent = output.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(output, trimmed, StandardCharsets.UTF_8);
        System.out.println("wrote " + output + " (" + trimmed.length() + " characters)");
    }

    /** The trimmed document, pretty-printed with a trailing newline. */
    public static String trim(String definitionJson) {
        try {
            JsonNode source = MAPPER.readTree(definitionJson);
            ObjectNode trimmed = trim(source);
            DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
                    .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                    .withArrayIndenter(new DefaultIndenter("  ", "\n"))
                    .withSeparators(Separators.createDefaultInstance()
                            .withObjectFieldValueSpacing(Separators.Spacing.AFTER));
            return MAPPER.writer(printer).writeValueAsString(trimmed) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ObjectNode trim(JsonNode source) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode out = f.objectNode();
        out.set("openapi", source.get("openapi"));
        ObjectNode info = f.objectNode();
        info.set("title", source.path("info").get("title"));
        info.set("version", source.path("info").get("version"));
        out.set("info", info);
        if (source.has("servers")) {
            out.set("servers", strip(source.get("servers")));
        }

        ObjectNode paths = f.objectNode();
        JsonNode sourcePaths = source.path("paths");
        // Keep the order of the source document.
        for (Map.Entry<String, JsonNode> entry : sourcePaths.properties()) {
            List<String> methods = USED_OPERATIONS.get(entry.getKey());
            if (methods == null) {
                continue;
            }
            ObjectNode item = f.objectNode();
            for (Map.Entry<String, JsonNode> field : entry.getValue().properties()) {
                String key = field.getKey();
                if (HTTP_METHODS.contains(key)) {
                    if (methods.contains(key)) {
                        ObjectNode operation = (ObjectNode) strip(field.getValue());
                        operation.remove("security");
                        operation.remove("operationId");
                        blankResponseDescriptions(operation);
                        item.set(key, operation);
                    }
                } else if (key.equals("parameters") || key.equals("servers")) {
                    item.set(key, strip(field.getValue()));
                }
                // summary, description, x-* of the path item: prose, dropped.
            }
            for (String method : methods) {
                if (!item.has(method)) {
                    throw new IllegalStateException("definition has no " + method.toUpperCase() + " " + entry.getKey());
                }
            }
            paths.set(entry.getKey(), item);
        }
        for (String path : USED_OPERATIONS.keySet()) {
            if (!paths.has(path)) {
                throw new IllegalStateException("definition has no path " + path);
            }
        }
        out.set("paths", paths);

        // Components reachable from the kept paths, transitively.
        JsonNode components = source.path("components");
        Set<String> reachable = new LinkedHashSet<>();
        Deque<JsonNode> todo = new ArrayDeque<>();
        todo.push(paths);
        while (!todo.isEmpty()) {
            collectRefs(todo.pop(), components, reachable, todo);
        }
        ObjectNode outComponents = f.objectNode();
        for (Map.Entry<String, JsonNode> kind : components.properties()) {
            if (kind.getKey().equals("securitySchemes")) {
                continue;
            }
            ObjectNode kept = f.objectNode();
            for (Map.Entry<String, JsonNode> named : kind.getValue().properties()) {
                if (reachable.contains("#/components/" + kind.getKey() + "/" + named.getKey())) {
                    kept.set(named.getKey(), strip(named.getValue()));
                }
            }
            if (!kept.isEmpty()) {
                outComponents.set(kind.getKey(), kept);
            }
        }
        out.set("components", outComponents);
        return out;
    }

    /**
     * A Response Object must have a {@code description}: keep the key (so the document stays valid OpenAPI)
     * but not its prose.
     */
    private static void blankResponseDescriptions(ObjectNode operation) {
        JsonNode responses = operation.get("responses");
        if (responses == null) {
            return;
        }
        for (Map.Entry<String, JsonNode> response : responses.properties()) {
            if (response.getValue().isObject() && !response.getValue().has("$ref")) {
                ObjectNode blanked = JsonNodeFactory.instance.objectNode();
                blanked.put("description", "");
                blanked.setAll((ObjectNode) response.getValue());
                response.setValue(blanked);
            }
        }
    }

    private static void collectRefs(JsonNode node, JsonNode components, Set<String> reachable, Deque<JsonNode> todo) {
        if (node.isObject()) {
            JsonNode ref = node.get("$ref");
            if (ref != null && ref.isTextual()) {
                String target = ref.asText();
                if (!target.startsWith("#/components/")) {
                    throw new IllegalStateException("unsupported $ref " + target);
                }
                if (reachable.add(target)) {
                    String[] parts = target.substring("#/components/".length()).split("/", 2);
                    JsonNode resolved = components.path(parts[0]).get(parts[1]);
                    if (resolved == null) {
                        throw new IllegalStateException("dangling $ref " + target);
                    }
                    todo.push(resolved);
                }
            }
            node.elements().forEachRemaining(child -> collectRefs(child, components, reachable, todo));
        } else if (node.isArray()) {
            node.elements().forEachRemaining(child -> collectRefs(child, components, reachable, todo));
        }
    }

    /** A copy of an OpenAPI object without prose keys and extensions. */
    private static JsonNode strip(JsonNode node) {
        if (node.isArray()) {
            ArrayNode copy = JsonNodeFactory.instance.arrayNode();
            node.elements().forEachRemaining(e -> copy.add(strip(e)));
            return copy;
        }
        if (!node.isObject()) {
            return node;
        }
        ObjectNode copy = JsonNodeFactory.instance.objectNode();
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            String key = field.getKey();
            if (PROSE_KEYS.contains(key) || key.startsWith("x-")) {
                continue;
            }
            JsonNode value = field.getValue();
            if (NAME_MAPS.contains(key) && value.isObject()) {
                ObjectNode map = JsonNodeFactory.instance.objectNode();
                value.properties().forEach(named -> map.set(named.getKey(), strip(named.getValue())));
                copy.set(key, map);
            } else if (isLiteral(key)) {
                copy.set(key, value.deepCopy());
            } else {
                copy.set(key, strip(value));
            }
        }
        return copy;
    }

    /** Keywords whose value is data, copied as it is. */
    private static boolean isLiteral(String key) {
        return key.equals("enum") || key.equals("default") || key.equals("required") || key.equals("const");
    }
}
