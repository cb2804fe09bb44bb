package io.jenkins.plugins.konductro.usecases;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/** How the steps' forms and scripts hand over arguments, read the same way by every shell. */
public final class Arguments {

    private Arguments() {}

    /** A text argument: stripped, and {@code null} when blank (a form's empty field means "not given"). */
    public static String text(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** A list argument: each entry may hold several lines (a form's text area), one item per non-blank line. */
    public static List<String> lines(List<String> values) {
        List<String> lines = new ArrayList<>();
        for (String value : values == null ? List.<String>of() : values) {
            for (String line : value == null ? new String[0] : value.split("\\R")) {
                if (!line.isBlank()) {
                    lines.add(line.strip());
                }
            }
        }
        return lines;
    }

    /** A list argument typed as one text: one item per non-blank line. */
    public static List<String> lines(String value) {
        return lines(value == null ? List.of() : List.of(value));
    }

    /** A text argument after {@code ${VAR}} expansion, read as {@link #text(String)} reads it. */
    static String expanded(UnaryOperator<String> variables, String value) {
        return text(variables.apply(value));
    }

    /** The spec after {@code ${VAR}} expansion: kept as it is, {@code null} when empty. */
    static String expandedSpec(UnaryOperator<String> variables, String value) {
        String spec = variables.apply(value);
        return spec == null || spec.isEmpty() ? null : spec;
    }

    /** A list argument after {@code ${VAR}} expansion: a line may expand to several, or to none. */
    static List<String> expanded(UnaryOperator<String> variables, List<String> values) {
        return lines(values.stream().map(variables).toList());
    }

    /** A pull request id typed as text (a freestyle field, maybe from {@code ${KONDUCTRO_PR_ID}}); {@code null} when blank. */
    public static Integer pullRequestId(String value) throws StepFailure {
        String id = text(value);
        if (id == null) {
            return null;
        }
        try {
            return Integer.valueOf(id);
        } catch (NumberFormatException e) {
            throw new StepFailure(StepTexts.notAPullRequestId(id));
        }
    }
}
