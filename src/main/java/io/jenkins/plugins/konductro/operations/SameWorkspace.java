package io.jenkins.plugins.konductro.operations;

import io.jenkins.plugins.konductro.bitbucket.ApiTokenCredential;
import io.jenkins.plugins.konductro.bitbucket.InvalidInputException;
import io.jenkins.plugins.konductro.bitbucket.RepositoryRef;

/** A credential works only on repositories of its own workspace: refused before any request otherwise. */
final class SameWorkspace {
    private SameWorkspace() {}

    static void require(ApiTokenCredential credential, RepositoryRef repository) {
        if (!credential.workspace().equals(repository.workspace())) {
            throw new InvalidInputException(Messages.SameWorkspace_otherWorkspace(credential.toString(),
                    credential.workspace(), repository.fullName(), repository.workspace()));
        }
    }

    /** The developer's credential, once it is known to be for the repository's workspace. */
    static ApiTokenCredential credentialOf(Developer developer, RepositoryRef repository) {
        require(developer.credential(), repository);
        return developer.credential();
    }
}
