package io.jenkins.plugins.konductro.steps;

import io.jenkins.plugins.konductro.credentials.PersonalCredentials;
import io.jenkins.plugins.konductro.credentials.ReviewerDirectory;
import io.jenkins.plugins.konductro.operations.KonductroOperations;
import java.io.PrintStream;

/** What a Konductro step uses of the build it runs in. In Jenkins: {@link JenkinsStepEnvironment}. */
public interface StepEnvironment {

    KonductroOperations operations();

    PersonalCredentials credentials();

    ReviewerDirectory reviewers();

    BranchMemory branches();

    /** The build log. */
    PrintStream console();

    /** The workspace of the enclosing {@code node}, or {@code null} outside one. */
    WorkspaceFiles workspace();
}
