package io.jenkins.plugins.konductro.usecases;

import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Open the ticket's pull request.
 *
 * @param sourceBranch the branch to merge; {@code null} for the one started for the ticket earlier in the build
 * @param destination  the branch to merge into; {@code null} for the main branch
 * @param reviewers        Jenkins user ids
 * @param acceptanceTasks  whether each acceptance criterion becomes a task of the pull request; {@code null} for yes
 * @param defaultReviewers whether the repository's effective default reviewers are added; they are also when the
 *                         job's Konductro setting says so
 */
public record OpenPullRequestRequest(String repository, String ticket, String sourceBranch, String title, String description,
        List<String> acceptanceCriteria, String destination, List<String> reviewers, boolean closeSourceBranch,
        Boolean acceptanceTasks, Boolean defaultReviewers, String credentialsId) {

    public OpenPullRequestRequest {
        acceptanceCriteria = acceptanceCriteria == null ? List.of() : List.copyOf(acceptanceCriteria);
        reviewers = reviewers == null ? List.of() : List.copyOf(reviewers);
    }

    public static OpenPullRequestRequest of(String repository, String ticket) {
        return new OpenPullRequestRequest(repository, ticket, null, null, null, List.of(), null, List.of(), false, null, null,
                null);
    }

    public OpenPullRequestRequest withSourceBranch(String sourceBranch) {
        return new OpenPullRequestRequest(repository, ticket, sourceBranch, title, description, acceptanceCriteria,
                destination, reviewers, closeSourceBranch, acceptanceTasks, defaultReviewers, credentialsId);
    }

    public OpenPullRequestRequest withTitle(String title) {
        return new OpenPullRequestRequest(repository, ticket, sourceBranch, title, description, acceptanceCriteria,
                destination, reviewers, closeSourceBranch, acceptanceTasks, defaultReviewers, credentialsId);
    }

    public OpenPullRequestRequest withDescription(String description) {
        return new OpenPullRequestRequest(repository, ticket, sourceBranch, title, description, acceptanceCriteria,
                destination, reviewers, closeSourceBranch, acceptanceTasks, defaultReviewers, credentialsId);
    }

    public OpenPullRequestRequest withAcceptanceCriteria(List<String> acceptanceCriteria) {
        return new OpenPullRequestRequest(repository, ticket, sourceBranch, title, description, acceptanceCriteria,
                destination, reviewers, closeSourceBranch, acceptanceTasks, defaultReviewers, credentialsId);
    }

    public OpenPullRequestRequest withDestination(String destination) {
        return new OpenPullRequestRequest(repository, ticket, sourceBranch, title, description, acceptanceCriteria,
                destination, reviewers, closeSourceBranch, acceptanceTasks, defaultReviewers, credentialsId);
    }

    public OpenPullRequestRequest withReviewers(List<String> reviewers) {
        return new OpenPullRequestRequest(repository, ticket, sourceBranch, title, description, acceptanceCriteria,
                destination, reviewers, closeSourceBranch, acceptanceTasks, defaultReviewers, credentialsId);
    }

    public OpenPullRequestRequest withCloseSourceBranch(boolean closeSourceBranch) {
        return new OpenPullRequestRequest(repository, ticket, sourceBranch, title, description, acceptanceCriteria,
                destination, reviewers, closeSourceBranch, acceptanceTasks, defaultReviewers, credentialsId);
    }

    public OpenPullRequestRequest withAcceptanceTasks(Boolean acceptanceTasks) {
        return new OpenPullRequestRequest(repository, ticket, sourceBranch, title, description, acceptanceCriteria,
                destination, reviewers, closeSourceBranch, acceptanceTasks, defaultReviewers, credentialsId);
    }

    public OpenPullRequestRequest withDefaultReviewers(Boolean defaultReviewers) {
        return new OpenPullRequestRequest(repository, ticket, sourceBranch, title, description, acceptanceCriteria,
                destination, reviewers, closeSourceBranch, acceptanceTasks, defaultReviewers, credentialsId);
    }

    public OpenPullRequestRequest withCredentialsId(String credentialsId) {
        return new OpenPullRequestRequest(repository, ticket, sourceBranch, title, description, acceptanceCriteria,
                destination, reviewers, closeSourceBranch, acceptanceTasks, defaultReviewers, credentialsId);
    }

    /**
     * With {@code ${VAR}} references expanded in every text but {@code credentialsId}, which names a parameter; a text
     * that expands to blank counts as not given.
     */
    public OpenPullRequestRequest expanded(UnaryOperator<String> variables) {
        UnaryOperator<String> text = value -> Arguments.expanded(variables, value);
        return new OpenPullRequestRequest(text.apply(repository), text.apply(ticket), text.apply(sourceBranch),
                text.apply(title), text.apply(description), Arguments.expanded(variables, acceptanceCriteria),
                text.apply(destination), Arguments.expanded(variables, reviewers), closeSourceBranch, acceptanceTasks,
                defaultReviewers, credentialsId);
    }
}
