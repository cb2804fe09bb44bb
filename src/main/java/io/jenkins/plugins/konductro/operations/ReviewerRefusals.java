package io.jenkins.plugins.konductro.operations;

import io.jenkins.plugins.konductro.bitbucket.BitbucketException;
import java.util.List;
import java.util.Locale;

/** Reads which reviewers a 400 from {@code POST .../pullrequests} refused, and why. */
final class ReviewerRefusals {
    private ReviewerRefusals() {}

    /** The reviewers whose UUID Bitbucket's answer names; often none, as it names people by display name. */
    static List<String> named(BitbucketException.BadRequest refusal, List<String> reviewers) {
        String said = (refusal.bitbucketMessage() + " " + refusal.fields().values()).toLowerCase(Locale.ROOT);
        return reviewers.stream().filter(uuid -> said.contains(uuid.toLowerCase(Locale.ROOT))
                || said.contains(uuid.substring(1, uuid.length() - 1).toLowerCase(Locale.ROOT))).toList();
    }

    static String unattributed(BitbucketException.BadRequest refusal) {
        return "Bitbucket refused the reviewer list without saying whom"
                + (refusal.bitbucketMessage().isBlank() ? "" : " (" + refusal.bitbucketMessage() + ")");
    }

    static String reason(BitbucketException.BadRequest refusal) {
        String field = refusal.fields().get("reviewers");
        String reason = field != null && !field.isBlank() ? field : refusal.bitbucketMessage();
        return reason.isBlank() ? "refused by Bitbucket" : "refused by Bitbucket: " + reason;
    }
}
