package io.jenkins.plugins.konductro.usecases;

import java.io.IOException;
import java.io.PrintStream;
import java.util.Optional;

/**
 * The build a Konductro use case runs in, as the use cases see it: whose credentials it may use, the repositories its
 * job links, the other users' Bitbucket accounts, its record, its log and its workspace. In Jenkins:
 * {@code JenkinsBuild}, for Pipeline and freestyle builds alike.
 */
public interface RunningBuild {

    /** How the build's job calls Konductro's steps, for messages that name them. */
    JobKind kind();

    PersonalCredentials credentials();

    /** The Konductro setting of the build's job (or its nearest folder): its steps may name no other repository. */
    JobSetting setting();

    ReviewerDirectory reviewers();

    /** What Konductro did in this build so far; kept with the build. */
    BuildRecord record();

    /** Saves the build with its record now, rather than when the build ends. */
    void save() throws IOException;

    /** The build log. */
    PrintStream console();

    /** The build's workspace; empty outside a Pipeline {@code node}. */
    Optional<WorkspaceFiles> workspace();
}
