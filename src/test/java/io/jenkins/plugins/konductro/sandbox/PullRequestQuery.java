package io.jenkins.plugins.konductro.sandbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The small part of Bitbucket's query language ("BBQL") the sandbox understands for pull requests:
 * {@code field OP value} conditions joined with {@code AND}. Fields: {@code source.branch.name},
 * {@code destination.branch.name}, {@code state}, {@code title}, {@code author.uuid}, {@code id}.
 * Operators {@code =}, {@code !=}, {@code ~} (contains, case-insensitive), {@code !~}. Values are double
 * quoted strings (backslash escapes) or, for {@code id}, numbers. Anything else is rejected.
 */
final class PullRequestQuery {

    static final class InvalidQueryException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        InvalidQueryException(String message) {
            super(message);
        }
    }

    private record Condition(String field, String op, String value) {}

    private static final List<String> FIELDS =
            List.of("source.branch.name", "destination.branch.name", "state", "title", "author.uuid", "id");

    private final List<Condition> conditions;

    private PullRequestQuery(List<Condition> conditions) {
        this.conditions = conditions;
    }

    static PullRequestQuery parse(String q) {
        List<Condition> conditions = new ArrayList<>();
        int[] pos = {0};
        String s = q;
        skipSpaces(s, pos);
        if (pos[0] >= s.length()) {
            throw new InvalidQueryException("empty query");
        }
        while (true) {
            skipSpaces(s, pos);
            String field = readIdentifier(s, pos);
            if (!FIELDS.contains(field)) {
                throw new InvalidQueryException("'" + field + "' is not a supported field");
            }
            skipSpaces(s, pos);
            String op = readOperator(s, pos);
            skipSpaces(s, pos);
            String value = readValue(s, pos, field);
            conditions.add(new Condition(field, op, value));
            skipSpaces(s, pos);
            if (pos[0] >= s.length()) {
                break;
            }
            String word = readIdentifier(s, pos);
            if (!word.equalsIgnoreCase("AND")) {
                throw new InvalidQueryException("unsupported operator '" + word + "' (only AND is understood)");
            }
            if (pos[0] < s.length() && !Character.isWhitespace(s.charAt(pos[0]))) {
                throw new InvalidQueryException("expected a space after AND");
            }
        }
        return new PullRequestQuery(conditions);
    }

    boolean matches(Function<String, String> fieldValue) {
        for (Condition c : conditions) {
            String actual = fieldValue.apply(c.field);
            if (actual == null) {
                actual = "";
            }
            boolean caseless = c.field.equals("state") || c.field.equals("author.uuid");
            boolean ok = switch (c.op) {
                case "=" -> caseless ? actual.equalsIgnoreCase(c.value) : actual.equals(c.value);
                case "!=" -> !(caseless ? actual.equalsIgnoreCase(c.value) : actual.equals(c.value));
                case "~" -> actual.toLowerCase(Locale.ROOT).contains(c.value.toLowerCase(Locale.ROOT));
                case "!~" -> !actual.toLowerCase(Locale.ROOT).contains(c.value.toLowerCase(Locale.ROOT));
                default -> false;
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    Map<String, String> equalities() {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        for (Condition c : conditions) {
            if (c.op.equals("=")) {
                out.put(c.field, c.value);
            }
        }
        return out;
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
