package io.jenkins.plugins.konductro.usecases;

import java.util.ArrayList;
import java.util.List;

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
