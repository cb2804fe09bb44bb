package io.jenkins.plugins.konductro.usecases;

import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ${NAME}} references in a freestyle build step's fields, replaced from the build's environment. Only the braced
 * form, and only known names: a spec or description may hold shell snippets ({@code $HOME}, {@code $$}) that must
 * reach Bitbucket as written, which Jenkins' own {@code EnvVars.expand} would change.
 */
public final class Variables {
    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([A-Za-z0-9_.]+)}");

    private Variables() {}

    /** Replaces each {@code ${NAME}} that {@code environment} defines; anything else is left as it is. */
    public static UnaryOperator<String> from(Map<String, String> environment) {
        return text -> {
            if (text == null || !text.contains("${")) {
                return text;
            }
            Matcher reference = REFERENCE.matcher(text);
            StringBuilder expanded = new StringBuilder();
            while (reference.find()) {
                String value = environment.get(reference.group(1));
                reference.appendReplacement(expanded, Matcher.quoteReplacement(value == null ? reference.group() : value));
            }
            return reference.appendTail(expanded).toString();
        };
    }
}
