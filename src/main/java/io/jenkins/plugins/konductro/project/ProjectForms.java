package io.jenkins.plugins.konductro.project;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import hudson.model.Item;
import hudson.util.ComboBoxModel;
import hudson.util.FormFillFailure;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.konductro.KonductroService;
import io.jenkins.plugins.konductro.bitbucket.RepositoryRef;
import io.jenkins.plugins.konductro.credentials.BitbucketApiTokenCredentials;
import io.jenkins.plugins.konductro.credentials.ViewerCredentials;
import io.jenkins.plugins.konductro.usecases.Arguments;
import io.jenkins.plugins.konductro.usecases.RepositoryPicker;
import io.jenkins.plugins.konductro.usecases.SettingTexts;
import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The fields of the Konductro settings of jobs and folders: the git provider, and each linked repository's. */
final class ProjectForms {
    private ProjectForms() {}

    static ListBoxModel providerItems() {
        ListBoxModel items = new ListBoxModel();
        items.add(new ListBoxModel.Option(Messages.ProjectForms_providerName(), RepositoryRef.PROVIDER));
        return items;
    }

    /**
     * One entry per workspace of the user's own Konductro credentials, and the current value. Like a credentials
     * picker, it lists them only for someone who may see the configuration or use its credentials.
     */
    static ListBoxModel workspaceItems(Item item, String workspace) throws FormFillFailure {
        ListBoxModel items = new ListBoxModel();
        String current = Arguments.text(workspace);
        Set<String> listed = new LinkedHashSet<>();
        for (BitbucketApiTokenCredentials credential : listedCredentials(item)) {
            if (listed.add(credential.getWorkspace())) {
                items.add(new ListBoxModel.Option(Messages.ProjectForms_workspaceOption(credential.getWorkspace(), credential.getEmail()),
                        credential.getWorkspace(), credential.getWorkspace().equals(current)));
            }
        }
        if (current != null && !listed.contains(current)) {
            items.add(new ListBoxModel.Option(current, current, true));
        }
        if (items.isEmpty()) {
            throw FormFillFailure.warning(SettingTexts.noCredentials());
        }
        return items;
    }

    private static List<BitbucketApiTokenCredentials> listedCredentials(Item item) {
        return item != null && (item.hasPermission(Item.EXTENDED_READ) || item.hasPermission(CredentialsProvider.USE_ITEM))
                ? ViewerCredentials.current(item).own() : List.of();
    }

    /**
     * The workspace the repository field is for. Core's combobox asks for its list once when the page loads, before
     * "Your credential" has been filled, and again only when that select fires a change, which it does not when it
     * settles on its first entry; so an empty workspace means the one that select shows first.
     */
    private static String chosenWorkspace(Item item, String workspace) {
        if (Arguments.text(workspace) != null) {
            return workspace;
        }
        List<BitbucketApiTokenCredentials> listed = listedCredentials(item);
        return listed.isEmpty() ? null : listed.get(0).getWorkspace();
    }

    static ComboBoxModel repositoryItems(Item item, String workspace) throws IOException {
        RepositoryPicker.Choices choices = KonductroService.repositoryPicker().repositories(editor(item), chosenWorkspace(item, workspace));
        if (choices.problem() != null) {
            throw choices.error() ? FormFillFailure.error(choices.problem()) : FormFillFailure.warning(choices.problem());
        }
        ComboBoxModel items = new ComboBoxModel();
        items.addAll(choices.slugs());
        return items;
    }

    static FormValidation checkRepository(Item item, String workspace, String repo) throws IOException {
        RepositoryPicker.Choices checked = KonductroService.repositoryPicker().check(editor(item), chosenWorkspace(item, workspace), repo);
        if (checked.problem() == null) {
            return FormValidation.ok();
        }
        return checked.error() ? FormValidation.error(checked.problem()) : FormValidation.warning(checked.problem());
    }

    /** Bitbucket is asked only for someone who may configure the job or folder. */
    private static RepositoryPicker.Editor editor(Item item) {
        if (item == null) {
            return new RepositoryPicker.Editor(null, false, null);
        }
        ViewerCredentials own = ViewerCredentials.current(item);
        return new RepositoryPicker.Editor(own.userId(), item.hasPermission(Item.CONFIGURE), own);
    }
}
