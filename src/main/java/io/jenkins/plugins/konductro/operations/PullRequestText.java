package io.jenkins.plugins.konductro.operations;

import io.jenkins.plugins.konductro.bitbucket.BitbucketInputs;
import io.jenkins.plugins.konductro.bitbucket.InvalidInputException;
import java.util.List;

/** The title and Markdown description Konductro gives a pull request. */
final class PullRequestText {
    static final int MAX_TITLE = 255;

    private PullRequestText() {}

    /** The given title, led by the ticket key if it lacks it; by default the key and the branch's words. */
    static String title(TicketKey ticket, String title, String sourceBranch) {
        if (title != null && !title.isBlank()) {
            String trimmed = title.strip().replaceAll("\\s+", " ");
            String full = trimmed.contains(ticket.value()) ? trimmed : Messages.PullRequestText_keyedTitle(ticket.value(), trimmed);
            if (full.length() > MAX_TITLE) {
                throw new InvalidInputException(Messages.PullRequestText_titleTooLong(Integer.toString(MAX_TITLE)));
            }
            return full;
        }
        String leaf = sourceBranch.substring(sourceBranch.lastIndexOf('/') + 1);
        String words = leaf.startsWith(ticket.value()) ? leaf.substring(ticket.value().length()) : leaf;
        words = words.replaceAll("[-_]+", " ").strip();
        return words.isEmpty() ? ticket.value() : Messages.PullRequestText_keyedTitle(ticket.value(), words);
    }

    /** The criteria as the checklist and the tasks take them: each checked, stripped, and once. */
    static List<String> criteria(List<String> acceptanceCriteria) {
        List<String> criteria = new java.util.ArrayList<>();
        for (String criterion : acceptanceCriteria == null ? List.<String>of() : acceptanceCriteria) {
            if (criterion == null || criterion.isBlank()) {
                throw new InvalidInputException(Messages.PullRequestText_emptyCriterion());
            }
            if (criterion.contains("\n") || criterion.contains("\r")) {
                throw new InvalidInputException(Messages.PullRequestText_multiLineCriterion(
                        BitbucketInputs.quoted(criterion.strip().lines().findFirst().orElse("") + "\u2026")));
            }
            if (!criteria.contains(criterion.strip())) {
                criteria.add(criterion.strip());
            }
        }
        return criteria;
    }

    /**
     * The description followed by an "Acceptance criteria" checklist, one {@code - [ ] item} per criterion, which
     * says so when the criteria are the pull request's tasks too.
     */
    static String description(String description, List<String> acceptanceCriteria, boolean asTasks) {
        StringBuilder text = new StringBuilder(description == null ? "" : description.strip());
        List<String> criteria = criteria(acceptanceCriteria);
        if (!criteria.isEmpty()) {
            if (text.length() > 0) {
                text.append("\n\n");
            }
            text.append("## ").append(Messages.PullRequestText_criteriaHeading()).append("\n");
            if (asTasks) {
                text.append("\n").append(Messages.PullRequestText_trackedAsTasks()).append("\n");
            }
            for (String criterion : criteria) {
                text.append("\n- [ ] ").append(criterion);
            }
        }
        return text.toString();
    }
}
