package io.jenkins.plugins.konductro.usecases;

import io.jenkins.plugins.konductro.bitbucket.ApiTokenCredential;
import io.jenkins.plugins.konductro.bitbucket.BitbucketException;
import io.jenkins.plugins.konductro.bitbucket.BitbucketInputs;
import io.jenkins.plugins.konductro.bitbucket.InvalidInputException;
import io.jenkins.plugins.konductro.bitbucket.RepositoryRef;
import io.jenkins.plugins.konductro.operations.KonductroOperations;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Saving a job's or folder's Konductro setting: its git provider and linked repositories. What can be checked without
 * Bitbucket is checked first; then each newly linked repository is looked up with the saving person's own credential.
 */
public final class LinkRepositories {
    static final String PROVIDER_FIELD = "provider";
    static final String REPOSITORIES_FIELD = "repositories";

    /** One linked repository as a form, Job DSL or a Jenkinsfile gives it. */
    public record Entry(String workspace, String repo) {}

    private final KonductroOperations operations;

    public LinkRepositories(KonductroOperations operations) {
        this.operations = operations;
    }

    /**
     * The setting's repositories, refusing an unknown provider, a workspace's display name, a Bitbucket Server or Data
     * Center URL, and a repository linked twice. {@code repo} may be a slug, {@code workspace/repo} or a
     * bitbucket.org URL (then the workspace may be left out).
     */
    public static LinkedRepositories parse(String provider, List<Entry> entries) throws SettingRefused {
        if (provider != null && !provider.isBlank() && !provider.equals(RepositoryRef.PROVIDER)) {
            throw new SettingRefused(SettingTexts.unknownProvider(provider), PROVIDER_FIELD);
        }
        List<RepositoryRef> linked = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            RepositoryRef repository = parse(i + 1, entries.get(i));
            if (linked.stream().anyMatch(r -> LinkedRepositories.sameRepository(r, repository))) {
                throw new SettingRefused(SettingTexts.linkedTwice(i + 1, repository), REPOSITORIES_FIELD);
            }
            linked.add(repository);
        }
        return new LinkedRepositories(linked);
    }

    private static RepositoryRef parse(int position, Entry entry) throws SettingRefused {
        String workspace = Arguments.text(entry.workspace());
        String repo = Arguments.text(entry.repo());
        try {
            if (repo != null && (repo.contains("/") || repo.contains(":"))) {
                RepositoryRef given = RepositoryRef.parse(repo);
                if (workspace != null && !workspace.equalsIgnoreCase(given.workspace())) {
                    throw new InvalidInputException(SettingTexts.otherWorkspace(given, workspace));
                }
                return given;
            }
            if (workspace == null) {
                throw new InvalidInputException(SettingTexts.noWorkspace());
            }
            BitbucketInputs.workspaceSlug(workspace);
            return RepositoryRef.of(workspace, repo);
        } catch (InvalidInputException e) {
            throw new SettingRefused(SettingTexts.entryRefused(position, e.getMessage()), REPOSITORIES_FIELD);
        }
    }

    /**
     * Looks up each repository of {@code linked} that {@code before} did not link, with {@code saver}'s own credential
     * for its workspace: one request per repository, none when nothing was added.
     */
    public void checkVisible(LinkedRepositories linked, LinkedRepositories before, OwnCredentials saver)
            throws SettingRefused, InterruptedIOException {
        for (RepositoryRef repository : linked.repositories()) {
            if (before.contains(repository)) {
                continue;
            }
            Optional<ApiTokenCredential> credential = saver.ownCredential(repository.workspace());
            if (credential.isEmpty()) {
                throw new SettingRefused(SettingTexts.noOwnCredential(repository), REPOSITORIES_FIELD);
            }
            boolean visible;
            try {
                visible = operations.repositoryVisible(credential.get(), repository);
            } catch (InterruptedIOException e) {
                throw e;
            } catch (BitbucketException e) {
                throw new SettingRefused(SettingTexts.refusedByBitbucket(repository, credential.get(), e), REPOSITORIES_FIELD);
            } catch (IOException e) {
                throw new SettingRefused(SettingTexts.unreachable(repository), REPOSITORIES_FIELD);
            }
            if (!visible) {
                throw new SettingRefused(SettingTexts.notVisible(repository, credential.get()), REPOSITORIES_FIELD);
            }
        }
    }
}
