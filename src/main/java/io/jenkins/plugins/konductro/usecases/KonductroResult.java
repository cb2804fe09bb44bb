package io.jenkins.plugins.konductro.usecases;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** What a step did: its Pipeline return value, and the same as environment variables for freestyle build steps. */
public interface KonductroResult {

    /** The Pipeline step's return value: insertion-ordered, of strings, numbers, booleans and lists of strings. */
    Map<String, Object> toMap();

    /** What the result's variables are named after {@code KONDUCTRO_}: {@code BRANCH}, {@code SPEC} or {@code PR}. */
    String variablePrefix();

    /**
     * {@link #toMap()} as environment variables: {@code url} of a {@code PR} result is {@code KONDUCTRO_PR_URL},
     * {@code updatedOn} is {@code KONDUCTRO_PR_UPDATED_ON}, a key named as the prefix ({@code branch}) is
     * {@code KONDUCTRO_BRANCH}; lists are comma-separated; a null value stands for a variable to unset.
     */
    default Map<String, String> variables() {
        Map<String, String> variables = new LinkedHashMap<>();
        toMap().forEach((key, value) -> {
            String name = key.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
            String variable = "KONDUCTRO_" + variablePrefix() + (name.equals(variablePrefix()) ? "" : "_" + name);
            variables.put(variable, value instanceof List<?> list ? String.join(",", list.stream().map(String::valueOf).toList())
                    : value == null ? null : String.valueOf(value));
        });
        return variables;
    }

    /** An insertion-ordered map of the given keys and values. */
    static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
