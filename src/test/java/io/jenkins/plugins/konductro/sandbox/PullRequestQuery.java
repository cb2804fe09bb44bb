package io.jenkins.plugins.konductro.sandbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The small part of Bitbucket's query language ("BBQL") the sandbox understands for pull requests:
 * {@code field OP value} conditions joined with {@code AND} and {@code OR} (AND binds tighter) and grouped with
 * parentheses. Fields: {@code source.branch.name}, {@code destination.branch.name}, {@code state}, {@code title},
 * {@code author.uuid}, {@code id}. Operators {@code =}, {@code !=}, {@code ~} (contains, case-insensitive),
 * {@code !~}. Values are double quoted strings (backslash escapes) or, for {@code id}, numbers. Anything else is
 * rejected.
 */
final class PullRequestQuery {

    static final class InvalidQueryException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        InvalidQueryException(String message) {
            super(message);
        }
    }

    private sealed interface Node permits Condition, All, Any {}

    private record Condition(String field, String op, String value) implements Node {}

    private record All(List<Node> parts) implements Node {}

    private record Any(List<Node> parts) implements Node {}

    private static final List<String> FIELDS =
            List.of("source.branch.name", "destination.branch.name", "state", "title", "author.uuid", "id");

    private final Node root;

    private PullRequestQuery(Node root) {
        this.root = root;
    }

    static PullRequestQuery parse(String q) {
        int[] pos = {0};
        skipSpaces(q, pos);
        if (pos[0] >= q.length()) {
            throw new InvalidQueryException("empty query");
        }
        Node root = anyOf(q, pos);
        skipSpaces(q, pos);
        if (pos[0] < q.length()) {
            throw new InvalidQueryException("unexpected '" + q.substring(pos[0]) + "'");
        }
        return new PullRequestQuery(root);
    }

    private static Node anyOf(String s, int[] pos) {
        List<Node> parts = new ArrayList<>(List.of(allOf(s, pos)));
        while (keyword(s, pos, "OR")) {
            parts.add(allOf(s, pos));
        }
        return parts.size() == 1 ? parts.get(0) : new Any(parts);
    }

    private static Node allOf(String s, int[] pos) {
        List<Node> parts = new ArrayList<>(List.of(factor(s, pos)));
        while (keyword(s, pos, "AND")) {
            parts.add(factor(s, pos));
        }
        return parts.size() == 1 ? parts.get(0) : new All(parts);
    }

    private static Node factor(String s, int[] pos) {
        skipSpaces(s, pos);
        if (pos[0] < s.length() && s.charAt(pos[0]) == '(') {
            pos[0]++;
            Node inner = anyOf(s, pos);
            skipSpaces(s, pos);
            if (pos[0] >= s.length() || s.charAt(pos[0]) != ')') {
                throw new InvalidQueryException("expected ')' at position " + pos[0]);
            }
            pos[0]++;
            return inner;
        }
        String field = readIdentifier(s, pos);
        if (!FIELDS.contains(field)) {
            throw new InvalidQueryException("'" + field + "' is not a supported field");
        }
        skipSpaces(s, pos);
        String op = readOperator(s, pos);
        skipSpaces(s, pos);
        return new Condition(field, op, readValue(s, pos, field));
    }

    /** Consumes {@code word} (followed by a space or a parenthesis) if it comes next. */
    private static boolean keyword(String s, int[] pos, String word) {
        int[] at = {pos[0]};
        skipSpaces(s, at);
        if (!s.regionMatches(true, at[0], word, 0, word.length())) {
            return false;
        }
        int end = at[0] + word.length();
        if (end >= s.length() || !(Character.isWhitespace(s.charAt(end)) || s.charAt(end) == '(')) {
            return false;
        }
        pos[0] = end;
        return true;
    }

    boolean matches(Function<String, String> fieldValue) {
        return matches(root, fieldValue);
    }

    private static boolean matches(Node node, Function<String, String> fieldValue) {
        if (node instanceof All all) {
            return all.parts().stream().allMatch(part -> matches(part, fieldValue));
        }
        if (node instanceof Any any) {
            return any.parts().stream().anyMatch(part -> matches(part, fieldValue));
        }
        Condition c = (Condition) node;
        String actual = fieldValue.apply(c.field);
        if (actual == null) {
            actual = "";
        }
        boolean caseless = c.field.equals("state") || c.field.equals("author.uuid");
        return switch (c.op) {
            case "=" -> caseless ? actual.equalsIgnoreCase(c.value) : actual.equals(c.value);
            case "!=" -> !(caseless ? actual.equalsIgnoreCase(c.value) : actual.equals(c.value));
            case "~" -> actual.toLowerCase(Locale.ROOT).contains(c.value.toLowerCase(Locale.ROOT));
            case "!~" -> !actual.toLowerCase(Locale.ROOT).contains(c.value.toLowerCase(Locale.ROOT));
            default -> false;
        };
    }

    private static void skipSpaces(String s, int[] pos) {
        while (pos[0] < s.length() && Character.isWhitespace(s.charAt(pos[0]))) {
            pos[0]++;
        }
    }

    private static String readIdentifier(String s, int[] pos) {
        int start = pos[0];
        while (pos[0] < s.length()) {
            char c = s.charAt(pos[0]);
            if (Character.isLetterOrDigit(c) || c == '.' || c == '_') {
                pos[0]++;
            } else {
                break;
            }
        }
        if (start == pos[0]) {
            throw new InvalidQueryException("expected a field name at position " + start);
        }
        return s.substring(start, pos[0]);
    }

    private static String readOperator(String s, int[] pos) {
        for (String op : List.of("!=", "!~", "=", "~")) {
            if (s.startsWith(op, pos[0])) {
                pos[0] += op.length();
                return op;
            }
        }
        throw new InvalidQueryException("expected an operator at position " + pos[0]);
    }

    private static String readValue(String s, int[] pos, String field) {
        if (pos[0] < s.length() && s.charAt(pos[0]) == '"') {
            StringBuilder out = new StringBuilder();
            pos[0]++;
            while (pos[0] < s.length()) {
                char c = s.charAt(pos[0]++);
                if (c == '\\' && pos[0] < s.length()) {
                    out.append(s.charAt(pos[0]++));
                } else if (c == '"') {
                    return out.toString();
                } else {
                    out.append(c);
                }
            }
            throw new InvalidQueryException("unterminated string");
        }
        if (field.equals("id")) {
            int start = pos[0];
            while (pos[0] < s.length() && Character.isDigit(s.charAt(pos[0]))) {
                pos[0]++;
            }
            if (start < pos[0]) {
                return s.substring(start, pos[0]);
            }
        }
        throw new InvalidQueryException("expected a quoted value at position " + pos[0]);
    }
}
