package io.jenkins.plugins.konductro.usecases;

import java.util.function.UnaryOperator;

/**
 * Read a pull request's state: by {@code id}, by {@code sourceBranch}, or for the {@code ticket} whose branch was
 * started earlier in the build.
 */
public record PullRequestStatusRequest(String repository, Integer id, String sourceBranch, String ticket,
        String credentialsId) {

    public static PullRequestStatusRequest of(String repository) {
        return new PullRequestStatusRequest(repository, null, null, null, null);
    }

    public PullRequestStatusRequest withId(Integer id) {
        return new PullRequestStatusRequest(repository, id, sourceBranch, ticket, credentialsId);
    }

    public PullRequestStatusRequest withSourceBranch(String sourceBranch) {
        return new PullRequestStatusRequest(repository, id, sourceBranch, ticket, credentialsId);
    }

    public PullRequestStatusRequest withTicket(String ticket) {
        return new PullRequestStatusRequest(repository, id, sourceBranch, ticket, credentialsId);
    }

    public PullRequestStatusRequest withCredentialsId(String credentialsId) {
        return new PullRequestStatusRequest(repository, id, sourceBranch, ticket, credentialsId);
    }

    /**
     * With {@code ${VAR}} references expanded in every text but {@code credentialsId}, which names a parameter; a text
     * that expands to blank counts as not given.
     */
    public PullRequestStatusRequest expanded(UnaryOperator<String> variables) {
        UnaryOperator<String> text = value -> Arguments.expanded(variables, value);
        return new PullRequestStatusRequest(text.apply(repository), id, text.apply(sourceBranch), text.apply(ticket),
                credentialsId);
    }
}
