package io.jenkins.plugins.konductro.usecases;

import java.util.List;
import java.util.Optional;

/** Where a build finds Konductro credentials. In Jenkins: the Credentials API, as the build's own user. */
public interface PersonalCredentials {

    /** The Jenkins user the build runs as, or {@code null} when it runs as SYSTEM or anonymously. */
    String actingUserId();

    /** The credential {@code id} names for this build: the value of a Credentials parameter, or an id it can see. */
    Optional<StoredCredential> forBuild(String id);

    /** The acting user's own Konductro credentials (empty when there is no acting user). */
    List<StoredCredential> ownedByActingUser();
}
