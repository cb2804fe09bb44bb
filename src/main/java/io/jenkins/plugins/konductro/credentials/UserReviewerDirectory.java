package io.jenkins.plugins.konductro.credentials;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import hudson.model.Item;
import hudson.model.User;
import io.jenkins.plugins.konductro.usecases.ReviewerDirectory;
import java.util.List;
import java.util.Objects;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

/**
 * Reads a reviewer's Bitbucket account UUID from their own Konductro credential, looked up as that user. Only the
 * UUID recorded at verification is read: this class never touches a token.
 */
public final class UserReviewerDirectory implements ReviewerDirectory {
    private final Item item;

    /** @param item the job the pull request is opened from */
    public UserReviewerDirectory(Item item) {
        this.item = item;
    }

    @Override
    public ReviewerAccount find(String userId, String workspace) {
        User user = User.getById(userId, false);
        if (user == null) {
            return ReviewerAccount.missing("is not a Jenkins user");
        }
        Authentication reviewer;
        try {
            reviewer = user.impersonate2();
        } catch (UsernameNotFoundException e) {
            return ReviewerAccount.missing("is not known to Jenkins' security realm");
        }
        List<BitbucketApiTokenCredentials> own = CredentialsProvider.lookupCredentialsInItem(
                        BitbucketApiTokenCredentials.class, item, reviewer, List.of())
                .stream()
                .filter(BuildCredentials::isPersonal)
                .filter(c -> c.getWorkspace().equals(workspace))
                .toList();
        if (own.isEmpty()) {
            return ReviewerAccount.missing("has no Bitbucket Cloud API token (Konductro) for workspace '" + workspace
                    + "' in their own credentials, so their Bitbucket account is unknown");
        }
        return own.stream()
                .map(BitbucketApiTokenCredentials::getAccountUuid)
                .filter(Objects::nonNull)
                .findFirst()
                .map(ReviewerAccount::of)
                .orElse(ReviewerAccount.missing("has a Konductro credential for '" + workspace + "' that was never verified "
                        + "in the credential form, so their Bitbucket account is unknown"));
    }
}
