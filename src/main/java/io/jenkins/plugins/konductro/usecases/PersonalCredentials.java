package io.jenkins.plugins.konductro.usecases;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

/** Where a build finds Konductro credentials. In Jenkins: the Credentials API, as the build's own user. */
public interface PersonalCredentials {

    /** The Jenkins user the build runs as, or {@code null} when it runs as SYSTEM or anonymously. */
    String actingUserId();

    /** The credential {@code id} names for this build: the value of a Credentials parameter. */
    Optional<StoredCredential> forBuild(String id);

    /**
     * Whether the acting user lets this job use their own credentials without a Credentials parameter: in Jenkins,
     * the Credentials › UseOwn permission on the job.
     */
    boolean actingUserMayUseOwn();

    /**
     * Whether the acting user started this very build (in Jenkins: its own {@code Cause.UserIdCause} is theirs). A build
     * that runs as them because another build they started triggered it did not, and gets none of their own credentials,
     * as the credentials plugin hands a user's credential only to the run that user triggered.
     */
    boolean actingUserStartedThisBuild();

    /** The acting user's own Konductro credentials (empty when there is no acting user). */
    List<StoredCredential> ownedByActingUser();

    /** Records on the acting user the account their own token was just verified as, for reviewers' sake. */
    void recordOwnAccount(VerifiedAccount account) throws IOException;
}
