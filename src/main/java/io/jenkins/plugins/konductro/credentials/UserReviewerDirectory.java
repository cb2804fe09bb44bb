package io.jenkins.plugins.konductro.credentials;

import hudson.model.User;
import io.jenkins.plugins.konductro.usecases.ReviewerDirectory;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A reviewer's Bitbucket account, as their own verification recorded it on their Jenkins user
 * ({@link BitbucketAccountsProperty}). No credential store is read, no other user is acted as, and the security realm is
 * not asked. The log of someone else's build tells no more than "no account recorded", whether or not the user exists.
 */
public final class UserReviewerDirectory implements ReviewerDirectory {
    private static final Logger LOGGER = Logger.getLogger(UserReviewerDirectory.class.getName());

    @Override
    public ReviewerAccount find(String userId, String workspace) {
        try {
            User user = User.getById(userId, false);
            if (user != null) {
                var account = BitbucketAccountsProperty.of(user, workspace);
                if (account.isPresent()) {
                    return ReviewerAccount.of(account.get().uuid());
                }
            }
        } catch (RuntimeException e) {
            LOGGER.log(Level.FINE, "Could not read the recorded Bitbucket account of a reviewer", e);
        }
        return ReviewerAccount.missing(noAccount(workspace));
    }

    static String noAccount(String workspace) {
        return Messages.UserReviewerDirectory_noAccount(workspace);
    }
}
