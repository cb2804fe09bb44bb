package io.jenkins.plugins.konductro.project;

import com.cloudbees.hudson.plugins.folder.AbstractFolder;
import hudson.model.Item;
import hudson.model.Job;
import io.jenkins.plugins.konductro.bitbucket.RepositoryRef;
import io.jenkins.plugins.konductro.usecases.JobSetting;
import io.jenkins.plugins.konductro.usecases.LinkRepositories;
import io.jenkins.plugins.konductro.usecases.LinkedRepositories;
import io.jenkins.plugins.konductro.usecases.SettingRefused;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** What the job property and the folder property share: the git provider and the linked repositories. */
public interface ProjectSetting {

    /** {@code bitbucket} (Bitbucket Cloud). */
    String getProvider();

    List<LinkedRepository> getRepositories();

    /** Whether new pull requests get the repository's effective default reviewers too. */
    boolean isDefaultReviewers();

    /**
     * What a job's or folder's configuration form keeps: the setting when it links a repository or asks for default
     * reviewers, else none. Core's form submits every property's block, so without this every job and folder saved
     * with Konductro installed would carry an empty Konductro setting (and "old data" once it is uninstalled).
     */
    static <S extends ProjectSetting> S keptWhenSet(S fromForm) {
        return fromForm == null || (fromForm.getRepositories().isEmpty() && !fromForm.isDefaultReviewers()) ? null : fromForm;
    }

    /** The linked repositories as the steps use them. */
    static LinkedRepositories linked(ProjectSetting setting) {
        if (setting == null || setting.getRepositories().isEmpty()) {
            return LinkedRepositories.NONE;
        }
        return new LinkedRepositories(setting.getRepositories().stream()
                .map(r -> new RepositoryRef(r.getProvider(), r.getWorkspace(), r.getRepo())).toList());
    }

    /** The setting that applies to the job: its own unless empty, else its nearest folder's. */
    static JobSetting of(Job<?, ?> job) {
        return JobSetting.nearest((Object) job, ProjectSetting::own, at -> at instanceof Item item ? item.getParent() : null);
    }

    /** The job's or folder's own setting (none for anything else), before any folder is asked. */
    static JobSetting own(Object at) {
        ProjectSetting setting = at instanceof Job<?, ?> job ? latest(job.getAllProperties())
                : at instanceof AbstractFolder<?> folder ? folder.getProperties().get(KonductroFolderProperty.class) : null;
        return setting == null ? JobSetting.NONE : new JobSetting(linked(setting), setting.isDefaultReviewers());
    }

    /**
     * The job's setting that was added last. A Jenkinsfile's {@code properties([konductroProject(…)])} adds its own on
     * its first run without removing one saved through the form (workflow-multibranch removes only what an earlier
     * {@code properties} call set): the Jenkinsfile's, added after, is the one that applies.
     */
    static KonductroProjectProperty latest(List<?> jobProperties) {
        KonductroProjectProperty latest = null;
        for (Object property : jobProperties) {
            if (property instanceof KonductroProjectProperty setting) {
                latest = setting;
            }
        }
        return latest;
    }

    /** The git provider given, {@code bitbucket} when none; another is refused. */
    static String checkedProvider(String provider) {
        try {
            LinkRepositories.parse(provider, List.of());
        } catch (SettingRefused e) {
            throw new SettingNotSaved(e);
        }
        return provider == null || provider.isBlank() ? RepositoryRef.PROVIDER : provider.strip();
    }

    /**
     * The repositories a property is constructed with, checked: their form always; when a person saves the job's or
     * folder's form, each newly linked one is looked up with that person's own credential.
     *
     * @throws SettingNotSaved when the setting cannot be saved
     */
    static List<LinkedRepository> checked(String provider, List<LinkedRepository> repositories, LinkChecks.Owner owner) {
        try {
            LinkedRepositories linked = LinkRepositories.parse(provider,
                    (repositories == null ? List.<LinkedRepository>of() : repositories).stream().map(LinkedRepository::entry).toList());
            Optional<LinkChecks.FormSave> save = LinkChecks.current().formSave(owner);
            if (save.isPresent()) {
                save.get().linking().checkVisible(linked, save.get().before(), save.get().saver());
            }
            // A mutable list: Jenkins refuses to save JDK's immutable lists (ImmutableCollections$ListN).
            return linked.repositories().stream().map(LinkedRepository::of).collect(Collectors.toCollection(ArrayList::new));
        } catch (SettingRefused e) {
            throw new SettingNotSaved(e);
        } catch (InterruptedIOException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(Messages.ProjectSetting_interrupted(), e);
        }
    }
}
