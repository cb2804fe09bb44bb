package io.jenkins.plugins.konductro.usecases;

import java.util.List;
import java.util.Optional;

/**
 * Chooses whose token a step uses. Only the developer's own credential qualifies: one chosen with a Credentials
 * parameter, or one of the acting user's personal credentials. There is no shared account to fall back to.
 */
public final class CredentialResolver {

    private CredentialResolver() {}

    /**
     * @param credentialsId the step's {@code credentialsId}, or {@code null}/blank to take the acting user's own
     *                      credential for {@code workspace}
     */
    public static StoredCredential choose(PersonalCredentials credentials, String credentialsId, String workspace)
            throws StepFailure {
        String user = credentials.actingUserId();
        if (credentialsId != null && !credentialsId.isBlank()) {
            String id = credentialsId.strip();
            Optional<StoredCredential> chosen = credentials.forBuild(id);
            if (chosen.isEmpty() && user != null) {
                requireUseOwn(credentials, user);
                chosen = credentials.ownedByActingUser().stream().filter(t -> t.id().equals(id)).findFirst();
            }
            StoredCredential token = chosen.orElseThrow(() -> new StepFailure(user == null
                    ? Messages.CredentialResolver_unknownCredential(id, Messages.CredentialResolver_setups())
                    : Messages.CredentialResolver_unknownOwnCredential(id, user)));
            if (!workspace.equals(token.workspace())) {
                // Whose credential it is, and its e-mail and workspace, are not the log's to show.
                throw new StepFailure(Messages.CredentialResolver_otherWorkspace(id, workspace));
            }
            return token;
        }
        if (user == null) {
            throw new StepFailure(Messages.CredentialResolver_noDeveloper(workspace, Messages.CredentialResolver_setups()));
        }
        requireUseOwn(credentials, user);
        List<StoredCredential> own = credentials.ownedByActingUser().stream()
                .filter(t -> workspace.equals(t.workspace()))
                .toList();
        if (own.isEmpty()) {
            throw new StepFailure(Messages.CredentialResolver_noOwnCredential(user, workspace,
                    Messages.CredentialResolver_setups()));
        }
        if (own.size() > 1) {
            throw new StepFailure(Messages.CredentialResolver_severalOwnCredentials(user, Integer.toString(own.size()),
                    workspace));
        }
        return own.get(0);
    }

    /**
     * Konductro's own rule, stricter than the credentials plugin's: the plugin asks for Credentials › UseOwn on the job
     * before a Credentials parameter hands over its user's own credential ({@code CredentialsProvider.findCredentialById});
     * Konductro asks the same before a build takes the acting user's own credentials without one.
     */
    private static void requireUseOwn(PersonalCredentials credentials, String user) throws StepFailure {
        if (!credentials.actingUserStartedThisBuild()) {
            throw new StepFailure(Messages.CredentialResolver_notStartedByActingUser(user));
        }
        if (!credentials.actingUserMayUseOwn()) {
            throw new StepFailure(Messages.CredentialResolver_mayNotUseOwn(user));
        }
    }
}
