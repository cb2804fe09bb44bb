package io.jenkins.plugins.konductro.usecases;

import io.jenkins.plugins.konductro.bitbucket.ApiTokenCredential;
import io.jenkins.plugins.konductro.bitbucket.BitbucketException;
import io.jenkins.plugins.konductro.bitbucket.BitbucketInputs;
import io.jenkins.plugins.konductro.bitbucket.InvalidInputException;
import io.jenkins.plugins.konductro.operations.KonductroOperations;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * The "link existing repository" field of a job's or folder's settings: the workspace's repositories as the person
 * editing sees them with their own credential, and a check of what they typed. Only someone who may configure the job
 * or folder gets a list; nobody else causes a call to Bitbucket.
 */
public final class RepositoryPicker {

    /**
     * The person filling in the form.
     *
     * @param userId       their Jenkins user id; {@code null} when not logged in
     * @param mayConfigure whether they may configure the job or folder whose form it is
     * @param own          their own credentials
     */
    public record Editor(String userId, boolean mayConfigure, OwnCredentials own) {}

    /** What the field shows: the slugs to offer, or why there are none ({@code problem}, with {@code error} or a warning). */
    public record Choices(List<String> slugs, String problem, boolean error) {
        static Choices of(List<String> slugs) {
            return new Choices(List.copyOf(slugs), null, false);
        }

        static Choices warning(String problem) {
            return new Choices(List.of(), problem, false);
        }

        static Choices error(String problem) {
            return new Choices(List.of(), problem, true);
        }
    }

    private final KonductroOperations operations;

    public RepositoryPicker(KonductroOperations operations) {
        this.operations = operations;
    }

    /** The repositories of {@code workspace} to offer, sorted; cached per user and workspace. */
    public Choices repositories(Editor editor, String workspace) throws IOException {
        String slug = Arguments.text(workspace);
        if (!editor.mayConfigure() || editor.userId() == null || slug == null) {
            return Choices.of(List.of());
        }
        try {
            BitbucketInputs.workspaceSlug(slug);
        } catch (InvalidInputException e) {
            return Choices.error(e.getMessage());
        }
        Optional<ApiTokenCredential> credential = editor.own().ownCredential(slug);
        if (credential.isEmpty()) {
            return Choices.warning(SettingTexts.noCredentialToList(slug));
        }
        try {
            return Choices.of(operations.repositoriesToLink(editor.userId(), credential.get()).stream().sorted().toList());
        } catch (BitbucketException e) {
            return Choices.error(SettingTexts.listRefused(slug, e));
        }
    }

    /**
     * What the typed repository gets next to it: nothing when it is in the list; otherwise why the list could not be
     * read, or that saving will check it. Its form is checked without Bitbucket.
     */
    public Choices check(Editor editor, String workspace, String repo) throws IOException {
        String value = Arguments.text(repo);
        if (value == null) {
            return Choices.of(List.of());
        }
        try {
            LinkRepositories.parse(null, List.of(new LinkRepositories.Entry(workspace, value)));
        } catch (SettingRefused e) {
            return Choices.error(e.getMessage());
        }
        if (value.contains("/") || value.contains(":")) {
            return Choices.of(List.of());
        }
        Choices listed = repositories(editor, workspace);
        if (listed.problem() != null) {
            return Choices.warning(listed.problem());
        }
        if (editor.mayConfigure() && editor.userId() != null
                && listed.slugs().stream().noneMatch(value::equalsIgnoreCase)) {
            return Choices.warning(SettingTexts.notInList(workspace, value));
        }
        return Choices.of(List.of());
    }
}
