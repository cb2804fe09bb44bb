package io.jenkins.plugins.konductro.usecases;

import io.jenkins.plugins.konductro.bitbucket.ApiTokenCredential;
import java.util.Optional;

/**
 * The person in front of a page (looking at a build, saving a job's settings): their own Konductro credential for a
 * workspace, and nobody else's.
 */
public interface OwnCredentials {

    /** This person's own Konductro credential for {@code workspace}, or empty with {@link #whyNot(String)}. */
    Optional<ApiTokenCredential> ownCredential(String workspace);

    /** Why this person has no credential to use for {@code workspace}, and how to get one. */
    String whyNot(String workspace);
}
