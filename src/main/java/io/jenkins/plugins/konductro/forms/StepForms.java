package io.jenkins.plugins.konductro.forms;

import com.cloudbees.plugins.credentials.CredentialsMatchers;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.common.StandardListBoxModel;
import hudson.model.Item;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.konductro.bitbucket.BitbucketInputs;
import io.jenkins.plugins.konductro.bitbucket.InvalidInputException;
import io.jenkins.plugins.konductro.bitbucket.RepositoryRef;
import io.jenkins.plugins.konductro.credentials.BitbucketApiTokenCredentials;
import io.jenkins.plugins.konductro.operations.TicketKey;
import io.jenkins.plugins.konductro.usecases.Arguments;
import io.jenkins.plugins.konductro.usecases.StepFailure;
import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** What the forms of the Pipeline steps and of the freestyle build steps share: the credentials picker, field checks. */
public final class StepForms {

    private StepForms() {}

    /**
     * The Konductro credentials of the user filling in the form: only their own (USER-scoped), as a build would find
     * them. Users who cannot see the job's configuration get back only the current value.
     */
    public static ListBoxModel credentialsItems(Item item, String credentialsId) {
        StandardListBoxModel result = new StandardListBoxModel();
        String current = credentialsId == null ? "" : credentialsId;
        Authentication user = SecurityContextHolder.getContext().getAuthentication();
        if (user == null
                || item != null && !item.hasPermission(Item.EXTENDED_READ) && !item.hasPermission(CredentialsProvider.USE_ITEM)) {
            return result.includeCurrentValue(current);
        }
        return result.includeEmptyValue()
                .includeMatchingAs(user, item, BitbucketApiTokenCredentials.class, List.of(),
                        CredentialsMatchers.withScope(CredentialsScope.USER))
                .includeCurrentValue(current);
    }

    /**
     * The repository as typed, checked without asking Bitbucket: {@code workspace/repo}, a URL, or the bare slug of a
     * repository the job links; a {@code ${VAR}} is known only when the build runs.
     */
    public static FormValidation checkRepository(String value) {
        return check(value, () -> {
            if (value.contains("/") || value.contains(":")) {
                RepositoryRef.parse(value);
            } else {
                BitbucketInputs.repositorySlug(value.strip());
            }
        });
    }

    /** The ticket key as typed, checked without asking Bitbucket. */
    public static FormValidation checkTicket(String value) {
        return check(value, () -> TicketKey.of(value));
    }

    /** A pull request id as typed in a freestyle form, checked without asking Bitbucket. */
    public static FormValidation checkPullRequestId(String value) {
        if (value == null || value.isBlank() || value.contains("$")) {
            return FormValidation.ok();
        }
        try {
            Arguments.pullRequestId(value);
            return FormValidation.ok();
        } catch (StepFailure e) {
            return FormValidation.error(e.getMessage());
        }
    }

    private static FormValidation check(String value, Runnable parse) {
        if (value == null || value.isBlank() || value.contains("$")) {
            return FormValidation.ok();
        }
        try {
            parse.run();
            return FormValidation.ok();
        } catch (InvalidInputException e) {
            return FormValidation.error(e.getMessage());
        }
    }
}
