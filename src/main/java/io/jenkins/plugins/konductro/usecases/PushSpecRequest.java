package io.jenkins.plugins.konductro.usecases;

import java.util.function.UnaryOperator;

/**
 * Push the ticket's spec: exactly one of {@code spec} (the Markdown) and {@code file} (a path in the workspace).
 *
 * @param targetBranch the branch to write on; {@code null} for the one started for the ticket earlier in the build
 * @param message      the commit message; {@code null} for {@code <TICKET>: add ticket spec} (or {@code update})
 */
public record PushSpecRequest(String repository, String ticket, String spec, String file, String targetBranch, String message,
        String credentialsId) {

    public static PushSpecRequest of(String repository, String ticket) {
        return new PushSpecRequest(repository, ticket, null, null, null, null, null);
    }

    public PushSpecRequest withSpec(String spec) {
        return new PushSpecRequest(repository, ticket, spec, file, targetBranch, message, credentialsId);
    }

    public PushSpecRequest withFile(String file) {
        return new PushSpecRequest(repository, ticket, spec, file, targetBranch, message, credentialsId);
    }

    public PushSpecRequest withTargetBranch(String targetBranch) {
        return new PushSpecRequest(repository, ticket, spec, file, targetBranch, message, credentialsId);
    }

    public PushSpecRequest withMessage(String message) {
        return new PushSpecRequest(repository, ticket, spec, file, targetBranch, message, credentialsId);
    }

    public PushSpecRequest withCredentialsId(String credentialsId) {
        return new PushSpecRequest(repository, ticket, spec, file, targetBranch, message, credentialsId);
    }

    /**
     * With {@code ${VAR}} references expanded in every text but {@code credentialsId}, which names a parameter; a text
     * that expands to blank counts as not given.
     */
    public PushSpecRequest expanded(UnaryOperator<String> variables) {
        UnaryOperator<String> text = value -> Arguments.expanded(variables, value);
        return new PushSpecRequest(text.apply(repository), text.apply(ticket),
                Arguments.expandedSpec(variables, spec), text.apply(file), text.apply(targetBranch),
                text.apply(message), credentialsId);
    }
}
