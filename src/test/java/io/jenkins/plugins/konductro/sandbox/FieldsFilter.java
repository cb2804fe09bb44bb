package io.jenkins.plugins.konductro.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Bitbucket's partial responses ({@code fields=}): a comma separated list of dotted paths. Plain paths
 * select (only those appear), {@code +path} adds to the default answer, {@code -path} removes. A path
 * crossing an array applies to each element ({@code values.slug}); {@code *} matches every key.
 * Paging keys of a list ({@code next}, {@code page}...) are kept only when named, as Bitbucket does.
 */
final class FieldsFilter {

    private FieldsFilter() {}

    private static final class Tree {
        final Map<String, Tree> children = new LinkedHashMap<>();
        boolean whole;

        void add(String[] parts, int i) {
            if (whole) {
                return;
            }
            if (i == parts.length) {
                whole = true;
                children.clear();
                return;
            }
            children.computeIfAbsent(parts[i], k -> new Tree()).add(parts, i + 1);
        }
    }

    static JsonNode apply(JsonNode node, String spec) {
        if (spec == null) {
            return node;
        }
        List<String> plain = new ArrayList<>();
        List<String> plus = new ArrayList<>();
        List<String> minus = new ArrayList<>();
        for (String token : spec.split(",")) {
            String t = token.trim();
            if (t.isEmpty()) {
                continue;
            }
            if (t.startsWith("+")) {
                plus.add(t.substring(1).trim());
            } else if (t.startsWith("-")) {
                minus.add(t.substring(1).trim());
            } else {
                plain.add(t);
            }
        }
        JsonNode result = node.deepCopy();
        if (!plain.isEmpty()) {
            Tree tree = new Tree();
            for (String p : plain) {
                tree.add(p.split("\\."), 0);
            }
            for (String p : plus) {
                tree.add(p.split("\\."), 0);
            }
            result = include(result, tree);
        }
        for (String m : minus) {
            remove(result, m.split("\\."), 0);
        }
        return result;
    }

    private static JsonNode include(JsonNode node, Tree tree) {
        if (tree.whole || node == null) {
            return node;
        }
        if (node.isArray()) {
            ArrayNode out = JsonNodeFactory.instance.arrayNode();
            for (JsonNode element : node) {
                out.add(include(element, tree));
            }
            return out;
        }
        if (node.isObject()) {
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            Tree star = tree.children.get("*");
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                Tree child = tree.children.get(field.getKey());
                if (child == null) {
                    child = star;
                }
                if (child != null) {
                    out.set(field.getKey(), include(field.getValue(), child));
                }
            }
            return out;
        }
        return node;
    }

    private static void remove(JsonNode node, String[] parts, int i) {
        if (node == null || i >= parts.length) {
            return;
        }
        if (node.isArray()) {
            for (JsonNode element : node) {
                remove(element, parts, i);
            }
            return;
        }
        if (!node.isObject()) {
            return;
        }
        ObjectNode object = (ObjectNode) node;
        if (i == parts.length - 1) {
            if ("*".equals(parts[i])) {
                object.removeAll();
            } else {
                object.remove(parts[i]);
            }
            return;
        }
        if ("*".equals(parts[i])) {
            object.forEach(child -> remove(child, parts, i + 1));
        } else {
            remove(object.get(parts[i]), parts, i + 1);
        }
    }
}
