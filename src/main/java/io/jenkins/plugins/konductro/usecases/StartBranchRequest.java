package io.jenkins.plugins.konductro.usecases;

import java.util.function.UnaryOperator;

/**
 * Start the ticket's branch.
 *
 * @param newBranch     the name of the branch to create; {@code null} for {@code feature/<TICKET>-<summary words>}
 * @param from          the branch or full commit SHA to start from; {@code null} for the main branch
 * @param credentialsId a Credentials parameter's name or a credential id; {@code null} for the acting user's own
 */
public record StartBranchRequest(String repository, String ticket, String summary, String newBranch, String from,
        String credentialsId) {

    public static StartBranchRequest of(String repository, String ticket) {
        return new StartBranchRequest(repository, ticket, null, null, null, null);
    }

    public StartBranchRequest withSummary(String summary) {
        return new StartBranchRequest(repository, ticket, summary, newBranch, from, credentialsId);
    }

    public StartBranchRequest withNewBranch(String newBranch) {
        return new StartBranchRequest(repository, ticket, summary, newBranch, from, credentialsId);
    }

    public StartBranchRequest withFrom(String from) {
        return new StartBranchRequest(repository, ticket, summary, newBranch, from, credentialsId);
    }

    public StartBranchRequest withCredentialsId(String credentialsId) {
        return new StartBranchRequest(repository, ticket, summary, newBranch, from, credentialsId);
    }

    /**
     * With {@code ${VAR}} references expanded in every text but {@code credentialsId}, which names a parameter; a text
     * that expands to blank counts as not given.
     */
    public StartBranchRequest expanded(UnaryOperator<String> variables) {
        UnaryOperator<String> text = value -> Arguments.expanded(variables, value);
        return new StartBranchRequest(text.apply(repository), text.apply(ticket), text.apply(summary),
                text.apply(newBranch), text.apply(from), credentialsId);
    }
}
