package io.jenkins.plugins.konductro.operations;

import io.jenkins.plugins.konductro.bitbucket.BitbucketInputs;
import io.jenkins.plugins.konductro.bitbucket.DefaultReviewer;
import io.jenkins.plugins.konductro.bitbucket.InvalidInputException;
import io.jenkins.plugins.konductro.operations.PullRequestResult.SkippedReviewer;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The reviewers a new pull request asks for: account UUIDs in one spelling, each once, never its author. */
final class RequestedReviewers {
    private static final Pattern ACCOUNT_UUID = Pattern.compile(
            "\\{?([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})\\}?");

    private RequestedReviewers() {}

    /**
     * The requested UUIDs as {@code {lower-case}}, in order and each once; the author, when among them, is left out
     * and reported in {@code skipped}.
     *
     * @throws InvalidInputException for anything that is not an account UUID
     */
    static List<String> named(List<String> requested, String authorUuid, List<SkippedReviewer> skipped) {
        LinkedHashSet<String> reviewers = new LinkedHashSet<>();
        for (String raw : requested == null ? List.<String>of() : requested) {
            Matcher match = raw == null ? null : ACCOUNT_UUID.matcher(raw.strip());
            if (match == null || !match.matches()) {
                throw new InvalidInputException(Messages.RequestedReviewers_notAnAccountUuid(BitbucketInputs.quoted(raw)));
            }
            reviewers.add("{" + match.group(1).toLowerCase(Locale.ROOT) + "}");
        }
        if (authorUuid != null && reviewers.remove(authorUuid.toLowerCase(Locale.ROOT))) {
            skipped.add(new SkippedReviewer(authorUuid, Messages.RequestedReviewers_isTheAuthor()));
        }
        return List.copyOf(reviewers);
    }

    /** The named reviewers, then the default ones that are neither named nor the author (UUIDs compared in lower case). */
    static List<String> withDefaults(List<String> named, List<DefaultReviewer> defaults, String authorUuid) {
        LinkedHashSet<String> reviewers = new LinkedHashSet<>(named);
        for (DefaultReviewer reviewer : defaults) {
            String uuid = reviewer.uuid().toLowerCase(Locale.ROOT);
            if (!uuid.equals(authorUuid == null ? null : authorUuid.toLowerCase(Locale.ROOT))) {
                reviewers.add(uuid);
            }
        }
        return List.copyOf(reviewers);
    }
}
