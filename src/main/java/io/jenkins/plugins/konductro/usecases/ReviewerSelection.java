package io.jenkins.plugins.konductro.usecases;

import io.jenkins.plugins.konductro.usecases.ReviewerDirectory.ReviewerAccount;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns the Jenkins user ids a step names as reviewers into Bitbucket account UUIDs. Users without a verified
 * Konductro credential for the workspace, and the pull request's author, are skipped with a reason.
 *
 * @param accounts account UUID → the Jenkins user id it was found for, in the order asked
 * @param skipped  Jenkins user id → why it is not requested as a reviewer
 */
public record ReviewerSelection(Map<String, String> accounts, Map<String, String> skipped) {

    public static ReviewerSelection of(ReviewerDirectory directory, List<String> userIds, String workspace,
            String authorUserId, String authorUuid) {
        Map<String, String> accounts = new LinkedHashMap<>();
        Map<String, String> skipped = new LinkedHashMap<>();
        for (String raw : userIds == null ? List.<String>of() : userIds) {
            String userId = raw == null ? "" : raw.strip();
            if (userId.isEmpty() || accounts.containsValue(userId) || skipped.containsKey(userId)) {
                continue;
            }
            if (userId.equalsIgnoreCase(authorUserId == null ? "" : authorUserId)) {
                skipped.put(userId, Messages.ReviewerSelection_isAuthor());
                continue;
            }
            ReviewerAccount account = directory.find(userId, workspace);
            if (account.accountUuid() == null) {
                skipped.put(userId, account.problem());
            } else if (account.accountUuid().equalsIgnoreCase(authorUuid == null ? "" : authorUuid)) {
                skipped.put(userId, Messages.ReviewerSelection_isAuthor());
            } else {
                accounts.putIfAbsent(account.accountUuid().toLowerCase(Locale.ROOT), userId);
            }
        }
        return new ReviewerSelection(accounts, skipped);
    }

    public List<String> accountUuids() {
        return new ArrayList<>(accounts.keySet());
    }

    /** The Jenkins user id a reviewer UUID was found for, or the UUID itself for one Konductro did not ask for. */
    public String userIdOf(String accountUuid) {
        return accounts.getOrDefault(accountUuid.toLowerCase(Locale.ROOT), accountUuid);
    }
}
