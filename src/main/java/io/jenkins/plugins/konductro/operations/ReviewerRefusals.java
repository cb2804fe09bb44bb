package io.jenkins.plugins.konductro.operations;

import io.jenkins.plugins.konductro.bitbucket.BitbucketException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Reads which reviewers a 400 from {@code POST .../pullrequests} refused, and why. */
final class ReviewerRefusals {
    private ReviewerRefusals() {}

    /**
     * The reviewers Bitbucket's answer names: by UUID, or by the display name Konductro knows for them ("Dave Out is not
     * a member of this workspace …"), every one it names, so that they are all dropped at once.
     *
     * @param displayNames UUID → display name, where known (the repository's default reviewers)
     */
    static List<String> named(BitbucketException.BadRequest refusal, List<String> reviewers, Map<String, String> displayNames) {
        String said = (refusal.bitbucketMessage() + " " + refusal.fields().values()).toLowerCase(Locale.ROOT);
        return reviewers.stream().filter(uuid -> said.contains(uuid.toLowerCase(Locale.ROOT))
                || said.contains(uuid.substring(1, uuid.length() - 1).toLowerCase(Locale.ROOT))
                || namedAs(said, displayNames.get(uuid))).toList();
    }

    private static boolean namedAs(String said, String displayName) {
        return displayName != null && !displayName.isBlank() && said.contains(displayName.toLowerCase(Locale.ROOT) + " is ");
    }

    static String unattributed(BitbucketException.BadRequest refusal) {
        return refusal.bitbucketMessage().isBlank() ? Messages.ReviewerRefusals_unattributed()
                : Messages.ReviewerRefusals_unattributedSaying(refusal.bitbucketMessage());
    }

    static String reason(BitbucketException.BadRequest refusal) {
        String field = refusal.fields().get("reviewers");
        String reason = field != null && !field.isBlank() ? field : refusal.bitbucketMessage();
        return reason.isBlank() ? Messages.ReviewerRefusals_refused() : Messages.ReviewerRefusals_refusedSaying(reason);
    }
}
