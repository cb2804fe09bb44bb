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
            StoredCredential token = chosen.orElseThrow(() -> new StepFailure("No Bitbucket Cloud API token (Konductro) "
                    + "'" + id + "' is available to this build: it is neither the name of a Credentials parameter nor "
                    + (user == null ? "the id of a credential of the user the build runs as (" + NO_DEVELOPER + "). " + SETUPS
                            : "the id of one of " + user + "'s own credentials.")));
            if (!workspace.equals(token.workspace())) {
                // Whose credential it is, and its e-mail and workspace, are not the log's to show.
                throw new StepFailure("Credential '" + id + "' is for another workspace than the repository's ('"
                        + workspace + "'). Choose a credential for '" + workspace + "'.");
            }
            return token;
        }
        if (user == null) {
            throw new StepFailure("This build has no developer's Bitbucket Cloud API token for workspace '" + workspace
                    + "': " + NO_DEVELOPER + ". " + SETUPS);
        }
        requireUseOwn(credentials, user);
        List<StoredCredential> own = credentials.ownedByActingUser().stream()
                .filter(t -> workspace.equals(t.workspace()))
                .toList();
        if (own.isEmpty()) {
            throw new StepFailure(user + " has no Bitbucket Cloud API token (Konductro) for workspace '" + workspace
                    + "'. " + user + " adds one, logged in as " + user + ": their name in the page header › Credentials. " + SETUPS);
        }
        if (own.size() > 1) {
            throw new StepFailure(user + " has " + own.size() + " Konductro credentials for workspace '" + workspace
                    + "'. Pass the id of the one to use as credentialsId (" + user + " finds the ids under their name in "
                    + "the page header › Credentials), or use a Credentials build parameter.");
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
            throw new StepFailure("This build runs as " + user + " but " + user + " did not start it (another build, a "
                    + "timer or SCM did), so Konductro does not use " + user + "'s own credentials in it. Run the Konductro "
                    + "steps in the build " + user + " starts, or have " + user + " start this job: with a Credentials build "
                    + "parameter of type \"Bitbucket Cloud API token (Konductro)\", passed by name as credentialsId, the "
                    + "person who starts it hands it their credential explicitly.");
        }
        if (!credentials.actingUserMayUseOwn()) {
            throw new StepFailure("This build may not use " + user + "'s own credentials: that needs the permission "
                    + "Credentials › UseOwn on the job, which " + user + " lacks here. Ask an administrator to grant it on "
                    + "this job. (A Credentials build parameter of type \"Bitbucket Cloud API token (Konductro)\", passed "
                    + "by name as credentialsId, is the other way to hand a build a token; it needs the same permission of "
                    + "whoever chooses the credential in it.)");
        }
    }

    static final String NO_DEVELOPER = "it runs as SYSTEM, or anonymously when no user triggered it";

    static final String SETUPS = "Konductro has no shared account: each developer's own token is used. Either run "
            + "the job as the user who triggered it (Authorize Project plugin: \"Run as User who Triggered Build\") "
            + "with your token under your name in the page header › Credentials, or add a Credentials build parameter of type "
            + "\"Bitbucket Cloud API token (Konductro)\" and pass its name as credentialsId (credentialsId: 'MY_TOKEN').";
}
