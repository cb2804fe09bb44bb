package io.jenkins.plugins.konductro.usecases;

import io.jenkins.plugins.konductro.bitbucket.RepositoryRef;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** What a step did: its Pipeline return value, and the same as environment variables for freestyle build steps. */
public interface KonductroResult {

    /** The repository the step worked on. */
    RepositoryRef repository();

    /** What the step did, without the repository: insertion-ordered, of strings, numbers, booleans and lists of strings. */
    Map<String, Object> fields();

    /**
     * The Pipeline step's return value: {@link #fields()}, then {@code repository}, the typed identifier
     * {@code [provider: 'bitbucket', workspace: …, repo: …]}.
     */
    default Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>(fields());
        map.put("repository", map("provider", repository().provider(), "workspace", repository().workspace(), "repo",
                repository().repo()));
        return map;
    }

    /** What the result's variables are named after {@code KONDUCTRO_}: {@code BRANCH}, {@code SPEC} or {@code PR}. */
    String variablePrefix();

    /**
     * {@link #toMap()} as environment variables: {@code url} of a {@code PR} result is {@code KONDUCTRO_PR_URL},
     * {@code updatedOn} is {@code KONDUCTRO_PR_UPDATED_ON}, a key named as the prefix ({@code branch}) is
     * {@code KONDUCTRO_BRANCH}; lists are comma-separated; a null value stands for a variable to unset. The repository
     * is {@code KONDUCTRO_REPOSITORY} ({@code workspace/repo}, as the steps take it), with
     * {@code KONDUCTRO_REPOSITORY_PROVIDER}, {@code _WORKSPACE} and {@code _REPO}.
     */
    default Map<String, String> variables() {
        Map<String, String> variables = new LinkedHashMap<>();
        fields().forEach((key, value) -> {
            if (value instanceof Map<?, ?>) {
                return; // a structure for Pipeline (the acceptance progress); its variables are the result's own
            }
            String name = key.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
            String variable = "KONDUCTRO_" + variablePrefix() + (name.equals(variablePrefix()) ? "" : "_" + name);
            variables.put(variable, value instanceof List<?> list ? String.join(",", list.stream().map(String::valueOf).toList())
                    : value == null ? null : String.valueOf(value));
        });
        variables.put("KONDUCTRO_REPOSITORY", repository().fullName());
        variables.put("KONDUCTRO_REPOSITORY_PROVIDER", repository().provider());
        variables.put("KONDUCTRO_REPOSITORY_WORKSPACE", repository().workspace());
        variables.put("KONDUCTRO_REPOSITORY_REPO", repository().repo());
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
